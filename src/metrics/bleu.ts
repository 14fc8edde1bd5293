// BLEU exactly as sacrebleu 2.6.0: 13a tokenisation, clipped n-gram counts up to order 4, brevity penalty,
// "exp" smoothing by default. Sentence BLEU uses effective order (sacrebleu sentence_bleu); corpus BLEU does not
// (corpus_bleu). Scores match sacrebleu to ~1e-14 (V8's Math.log/exp are not glibc's); statistics exactly.

import { wordNgramCounts } from './ngrams.js';
import { formatSignature, yesNo } from './signature.js';
import { tokens13a } from './tokenizer-13a.js';
import { pyRstrip } from './whitespace.js';

export const BLEU_MAX_ORDER = 4;

export type BleuSmoothing = 'exp' | 'floor' | 'add-k' | 'none';

export interface BleuOptions {
  smooth?: BleuSmoothing;
  /** Value for 'floor' (default 0.1) and 'add-k' (default 1). */
  smoothValue?: number;
  /** Average only the orders the hypothesis has (sentence default true, corpus default false). */
  effectiveOrder?: boolean;
  lowercase?: boolean;
}

/** Integer statistics: matches and totals per order 1..4, hypothesis and (closest) reference length. */
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

export function bleuTokens(text: string, opts: BleuOptions = {}): string[] {
  let s = pyRstrip(text);
  if (opts.lowercase) s = s.toLowerCase();
  return tokens13a(s);
}

export function bleuSentenceStats(hyp: string, ref: string, opts: BleuOptions = {}): BleuStats {
  const h = bleuTokens(hyp, opts);
  const r = bleuTokens(ref, opts);
  const orders = wordNgramCounts(h, r, BLEU_MAX_ORDER);
  return { correct: orders.map((c) => c.match), total: orders.map((c) => c.hyp), sysLen: h.length, refLen: r.length };
}

export function sumBleuStats(all: Iterable<BleuStats>): BleuStats {
  const acc: BleuStats = { correct: [0, 0, 0, 0], total: [0, 0, 0, 0], sysLen: 0, refLen: 0 };
  for (const s of all) {
    for (let i = 0; i < BLEU_MAX_ORDER; i++) {
      acc.correct[i]! += s.correct[i]!;
      acc.total[i]! += s.total[i]!;
    }
    acc.sysLen += s.sysLen;
    acc.refLen += s.refLen;
  }
  return acc;
}

/** A zero precision enters the geometric mean as this log (sacrebleu `my_log`). */
const LOG_ZERO = -9999999999;

/** sacrebleu `BLEU.compute_bleu`. */
export function computeBleu(stats: BleuStats, opts: BleuOptions = {}): BleuScore {
  const smooth = opts.smooth ?? 'exp';
  const smoothValue = opts.smoothValue ?? (smooth === 'floor' ? 0.1 : smooth === 'add-k' ? 1 : 0);
  const effectiveOrder = opts.effectiveOrder ?? false;
  const correct = stats.correct.slice();
  const total = stats.total.slice();
  const { sysLen, refLen } = stats;
  let bp = 1;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0;
  const precisions = new Array<number>(BLEU_MAX_ORDER).fill(0);
  const result = (score: number): BleuScore => ({ score, correct, total, sysLen, refLen, precisions, bp });
  if (!correct.some((c) => c !== 0)) return result(0);
  let smoothMteval = 1;
  let effOrder = BLEU_MAX_ORDER;
  for (let n = 1; n <= BLEU_MAX_ORDER; n++) {
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
  return result(bp * Math.exp(logSum / effOrder));
}

/** sacrebleu sentence_bleu defaults: exp smoothing, effective order. */
export function bleuSentence(hyp: string, ref: string, opts: BleuOptions = {}): BleuScore {
  return computeBleu(bleuSentenceStats(hyp, ref, opts), { effectiveOrder: true, ...opts });
}

/** sacrebleu corpus_bleu defaults: exp smoothing, no effective order. */
export function bleuCorpus(hyps: readonly string[], refs: readonly string[], opts: BleuOptions = {}): BleuScore {
  if (hyps.length !== refs.length) throw new Error(`bleuCorpus: ${hyps.length} hypotheses but ${refs.length} references`);
  return computeBleu(sumBleuStats(hyps.map((h, i) => bleuSentenceStats(h, refs[i]!, opts))), opts);
}

export function bleuSignature(opts: BleuOptions & { sentence?: boolean } = {}): string {
  const smooth = opts.smooth ?? 'exp';
  return formatSignature([
    ['nrefs', 1],
    ['case', opts.lowercase ? 'lc' : 'mixed'],
    ['eff', yesNo(opts.effectiveOrder ?? opts.sentence ?? false)],
    ['tok', '13a'],
    ['smooth', smooth === 'add-k' ? 'add-k' : smooth],
    ...(smooth === 'floor' || smooth === 'add-k' ? [['smooth_value', opts.smoothValue ?? (smooth === 'floor' ? 0.1 : 1)] as [string, number]] : []),
  ]);
}
