// BLEU exactly as sacrebleu 2.6.0: a tokeniser (13a by default; intl, char, none, zh), optional lower-casing,
// clipped n-gram counts up to max_ngram_order (4), brevity penalty, smoothing exp (default), floor, add-k or none.
// Sentence BLEU uses effective order (sacrebleu sentence_bleu); corpus BLEU does not (corpus_bleu). Scores match
// sacrebleu to ~1e-14 (V8's Math.log/exp are not glibc's); statistics exactly.

import { BLEU_TOKENIZERS, checkBleuTokenizer, type BleuTokenizerName } from './bleu-tokenizers.js';
import { spanNgramCounts, wordNgramCounts } from './ngrams.js';
import { formatSignature, pyFixed2, yesNo } from './signature.js';
import { spans13a } from './tokenizer-13a.js';
import { pyRstrip } from './whitespace.js';

export const BLEU_MAX_ORDER = 4;

export type BleuSmoothing = 'exp' | 'floor' | 'add-k' | 'none';

/** sacrebleu BLEU.SMOOTH_DEFAULTS: the value used when smooth_value is not given. */
export const SMOOTH_DEFAULTS: Record<BleuSmoothing, number | undefined> = { none: undefined, floor: 0.1, 'add-k': 1, exp: undefined };

export interface BleuOptions {
  /** sacrebleu `tokenize` (default 13a). */
  tokenize?: BleuTokenizerName;
  smooth?: BleuSmoothing;
  /** Value for 'floor' (default 0.1) and 'add-k' (default 1). */
  smoothValue?: number;
  /** sacrebleu `max_ngram_order` (default 4). */
  maxNgramOrder?: number;
  /** Average only the orders the hypothesis has (sentence default true, corpus default false). */
  effectiveOrder?: boolean;
  lowercase?: boolean;
}

/** Integer statistics: matches and totals per order 1..max order, hypothesis and (closest) reference length. */
export interface BleuStats {
  correct: number[];
  total: number[];
  sysLen: number;
  refLen: number;
}

export interface BleuScore extends BleuStats {
  score: number;
  /** Per-order precisions in percent, after smoothing. */
  precisions: number[];
  bp: number;
}

/** sacrebleu `BLEU._preprocess_segment` + split: lower-case (optional), rstrip, tokenise. */
export function bleuTokens(text: string, opts: BleuOptions = {}): string[] {
  let s = opts.lowercase ? text.toLowerCase() : text;
  s = pyRstrip(s);
  const name = opts.tokenize ?? '13a';
  const tok = BLEU_TOKENIZERS[name] ?? BLEU_TOKENIZERS[checkBleuTokenizer(name)];
  return tok(s);
}

/** 13a (the default) as spans of the preprocessed line: the tokens' identities without a string per token. */
const spansLower = (line: string, at: number) => spans13a(pyRstrip(line.toLowerCase()), at);
const spansCased = (line: string, at: number) => spans13a(pyRstrip(line), at);

export function bleuSentenceStats(hyp: string, ref: string, opts: BleuOptions = {}): BleuStats {
  const order = opts.maxNgramOrder ?? BLEU_MAX_ORDER;
  if ((opts.tokenize ?? '13a') === '13a') {
    const { orders, nh, nr } = spanNgramCounts(hyp, ref, opts.lowercase ? spansLower : spansCased, order);
    const correct = new Array<number>(orders.length);
    const total = new Array<number>(orders.length);
    for (let i = 0; i < orders.length; i++) {
      correct[i] = orders[i]!.match;
      total[i] = orders[i]!.hyp;
    }
    return { correct, total, sysLen: nh, refLen: nr };
  }
  const h = bleuTokens(hyp, opts);
  const r = bleuTokens(ref, opts);
  const orders = wordNgramCounts(h, r, order);
  return { correct: orders.map((c) => c.match), total: orders.map((c) => c.hyp), sysLen: h.length, refLen: r.length };
}

export function sumBleuStats(all: Iterable<BleuStats>): BleuStats {
  let acc: BleuStats | undefined;
  for (const s of all) {
    if (!acc) {
      acc = { correct: s.correct.slice(), total: s.total.slice(), sysLen: s.sysLen, refLen: s.refLen };
      continue;
    }
    for (let i = 0; i < s.correct.length; i++) {
      acc.correct[i]! += s.correct[i]!;
      acc.total[i]! += s.total[i]!;
    }
    acc.sysLen += s.sysLen;
    acc.refLen += s.refLen;
  }
  return acc ?? { correct: [0, 0, 0, 0], total: [0, 0, 0, 0], sysLen: 0, refLen: 0 };
}

/** A zero precision enters the geometric mean as this log (sacrebleu `my_log`). */
const LOG_ZERO = -9999999999;

/** sacrebleu `BLEU.compute_bleu`; the number of orders is that of the statistics. `effectiveOrder` is the
 *  option's value when `opts` does not have the key. */
export function computeBleu(stats: BleuStats, opts: BleuOptions = {}, effectiveDefault = false): BleuScore {
  const smooth = opts.smooth ?? 'exp';
  const smoothValue = opts.smoothValue ?? SMOOTH_DEFAULTS[smooth] ?? 0;
  const effectiveOrder = Object.hasOwn(opts, 'effectiveOrder') ? (opts.effectiveOrder ?? false) : effectiveDefault;
  const maxOrder = stats.correct.length;
  const correct = stats.correct.slice();
  const total = stats.total.slice();
  const { sysLen, refLen } = stats;
  let bp = 1;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0;
  const precisions = new Array<number>(maxOrder).fill(0);
  if (!correct.some((c) => c !== 0)) return { score: 0, correct, total, sysLen, refLen, precisions, bp };
  let smoothMteval = 1;
  let effOrder = maxOrder;
  for (let n = 1; n <= maxOrder; n++) {
    if (smooth === 'add-k' && n > 1) {
      correct[n - 1]! += smoothValue;
      total[n - 1]! += smoothValue;
    }
    if (total[n - 1] === 0) break;
    if (effectiveOrder) effOrder = n;
    if (correct[n - 1] === 0) {
      if (smooth === 'exp') {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * total[n - 1]!);
      } else if (smooth === 'floor') {
        precisions[n - 1] = (100 * smoothValue) / total[n - 1]!;
      }
    } else {
      precisions[n - 1] = (100 * correct[n - 1]!) / total[n - 1]!;
    }
  }
  let logSum = 0;
  for (let i = 0; i < effOrder; i++) {
    const p = precisions[i]!;
    logSum += p === 0 ? LOG_ZERO : Math.log(p);
  }
  return { score: bp * Math.exp(logSum / effOrder), correct, total, sysLen, refLen, precisions, bp };
}

/** sacrebleu sentence_bleu defaults: exp smoothing, effective order. */
export function bleuSentence(hyp: string, ref: string, opts: BleuOptions = {}): BleuScore {
  return computeBleu(bleuSentenceStats(hyp, ref, opts), opts, true); // as { effectiveOrder: true, ...opts }
}

/** sacrebleu corpus_bleu defaults: exp smoothing, no effective order. */
export function bleuCorpus(hyps: readonly string[], refs: readonly string[], opts: BleuOptions = {}): BleuScore {
  if (hyps.length !== refs.length) throw new Error(`bleuCorpus: ${hyps.length} hypotheses but ${refs.length} references`);
  const order = opts.maxNgramOrder ?? BLEU_MAX_ORDER;
  const zero: BleuStats = { correct: new Array<number>(order).fill(0), total: new Array<number>(order).fill(0), sysLen: 0, refLen: 0 };
  return computeBleu(hyps.length ? sumBleuStats(hyps.map((h, i) => bleuSentenceStats(h, refs[i]!, opts))) : zero, opts);
}

/** sacrebleu's BLEU signature, e.g. nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0; a smoothing
 *  with a value shows it as sacrebleu does (smooth:floor[0.10]). sacrebleu does not show max_ngram_order. */
export function bleuSignature(opts: BleuOptions & { sentence?: boolean } = {}): string {
  const smooth = opts.smooth ?? 'exp';
  const def = SMOOTH_DEFAULTS[smooth];
  const smoothStr = def === undefined ? smooth : `${smooth}[${pyFixed2(opts.smoothValue ?? def)}]`;
  return formatSignature([
    ['nrefs', 1],
    ['case', opts.lowercase ? 'lc' : 'mixed'],
    ['eff', yesNo(opts.effectiveOrder ?? opts.sentence ?? false)],
    ['tok', opts.tokenize ?? '13a'],
    ['smooth', smoothStr],
  ]);
}
