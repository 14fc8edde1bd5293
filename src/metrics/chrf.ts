// chrF and chrF++ exactly as sacrebleu 2.6.0 (CHRF with its defaults: char order 6, beta 2, effective-order
// averaging; chrF++ adds word orders 1–2). Statistics are integer triples [hyp, ref, match] per order, summed
// over a corpus before the one F computation (a micro-average).

import { charNgramCounts, charNgramCountsNoSpace, wordNgramCounts } from './ngrams.js';
import { formatSignature, yesNo } from './signature.js';
import { pySplit } from './whitespace.js';

export interface ChrfOptions {
  /** Character n-gram order (sacrebleu `char_order`, default 6). */
  charOrder?: number;
  /** Word n-gram order: 0 for chrF, 2 for chrF++ (sacrebleu `word_order`). */
  wordOrder?: number;
  beta?: number;
  lowercase?: boolean;
  /** Keep whitespace inside character n-grams (sacrebleu `whitespace`, default false). */
  whitespace?: boolean;
  /** Average per-order F with ε for empty orders instead of F of averaged P and R (signature `eff:no`). */
  epsSmoothing?: boolean;
}

export const CHRF_PP: ChrfOptions = { wordOrder: 2 };

interface Resolved {
  charOrder: number;
  wordOrder: number;
  beta: number;
  lowercase: boolean;
  whitespace: boolean;
  epsSmoothing: boolean;
}

function resolve(o: ChrfOptions): Resolved {
  return {
    charOrder: o.charOrder ?? 6,
    wordOrder: o.wordOrder ?? 0,
    beta: o.beta ?? 2,
    lowercase: o.lowercase ?? false,
    whitespace: o.whitespace ?? false,
    epsSmoothing: o.epsSmoothing ?? false,
  };
}

/** ASCII punctuation (Python string.punctuation), by char code. */
const PUNCT = new Uint8Array(128);
for (const c of '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') PUNCT[c.charCodeAt(0)] = 1;
const isPunct = (code: number): boolean => code < 128 && PUNCT[code] === 1;

/** sacrebleu `_remove_punctuation`: split on whitespace, then split ONE ASCII punctuation character off the
 *  end, or else off the start, of every token longer than one code point ("(hi)" → "(hi", ")"). */
export function chrfWords(text: string): string[] {
  const out: string[] = [];
  for (const w of pySplit(text)) {
    const n = w.length;
    // One code point: one UTF-16 unit, or a surrogate pair.
    const single = n === 1 || (n === 2 && w.charCodeAt(0) >= 0xd800 && w.charCodeAt(0) <= 0xdbff && w.charCodeAt(1) >= 0xdc00 && w.charCodeAt(1) <= 0xdfff);
    // ASCII punctuation is one UTF-16 unit, so slicing one unit off splits off exactly that code point.
    if (single) out.push(w);
    else if (isPunct(w.charCodeAt(n - 1))) out.push(w.slice(0, -1), w[n - 1]!);
    else if (isPunct(w.charCodeAt(0))) out.push(w[0]!, w.slice(1));
    else out.push(w);
  }
  return out;
}

function prepare(text: string, o: Resolved): { chars: string; words: string[] } {
  const s = o.lowercase ? text.toLowerCase() : text;
  return { chars: s, words: o.wordOrder > 0 ? chrfWords(s) : [] };
}

/** Character n-gram counts: of the text without whitespace (sacrebleu's default) or with it (`whitespace`). */
function charCounts(h: string, r: string, o: Resolved) {
  return o.whitespace ? charNgramCounts(h, r, o.charOrder) : charNgramCountsNoSpace(h, r, o.charOrder);
}

/** Flat [hyp, ref, match] triples, character orders first, then word orders. */
export function chrfSentenceStats(hyp: string, ref: string, opts: ChrfOptions = {}): number[] {
  const o = resolve(opts);
  const h = prepare(hyp, o);
  const r = prepare(ref, o);
  // n-grams of code points, not UTF-16 units
  const orders = charCounts(h.chars, r.chars, o);
  if (o.wordOrder > 0) orders.push(...wordNgramCounts(h.words, r.words, o.wordOrder));
  const stats: number[] = [];
  // sacrebleu: hypothesis n-grams do not count for an order the reference does not have.
  for (const c of orders) stats.push(c.ref > 0 ? c.hyp : 0, c.ref, c.match);
  return stats;
}

/** chrF and chrF++ statistics of one pair with sacrebleu's defaults, the character n-grams counted once: both
 *  metrics see the same whitespace-free characters, chrF++ only appends its word orders. Equal to
 *  chrfSentenceStats(hyp, ref) and chrfSentenceStats(hyp, ref, CHRF_PP); the audit scores every segment with both. */
export function chrfPairStats(hyp: string, ref: string): { chrf: number[]; chrfpp: number[] } {
  const o = resolve(CHRF_PP);
  const h = prepare(hyp, o);
  const r = prepare(ref, o);
  const chrf: number[] = [];
  for (const c of charCounts(h.chars, r.chars, o)) chrf.push(c.ref > 0 ? c.hyp : 0, c.ref, c.match);
  const chrfpp = chrf.slice();
  for (const c of wordNgramCounts(h.words, r.words, o.wordOrder)) chrfpp.push(c.ref > 0 ? c.hyp : 0, c.ref, c.match);
  return { chrf, chrfpp };
}

/** sacrebleu `_compute_f_score` on (summed) statistics, 0–100. The float operations follow sacrebleu's order. */
export function chrfScoreFromStats(stats: readonly number[], opts: ChrfOptions = {}): number {
  const o = resolve(opts);
  const eps = 1e-16;
  const factor = o.beta ** 2;
  const orders = stats.length / 3;
  let score = 0;
  let effectiveOrder = 0;
  let avgPrec = 0;
  let avgRec = 0;
  for (let i = 0; i < orders; i++) {
    const nHyp = stats[3 * i]!;
    const nRef = stats[3 * i + 1]!;
    const nMatch = stats[3 * i + 2]!;
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effectiveOrder += 1;
    }
  }
  if (o.epsSmoothing) return (100 * score) / orders;
  if (effectiveOrder === 0) {
    avgPrec = 0;
    avgRec = 0;
  } else {
    avgPrec /= effectiveOrder;
    avgRec /= effectiveOrder;
  }
  if (avgPrec + avgRec) {
    let f = (1 + factor) * avgPrec * avgRec;
    f /= factor * avgPrec + avgRec;
    return 100 * f;
  }
  return 0;
}

export function chrfSentence(hyp: string, ref: string, opts: ChrfOptions = {}): number {
  return chrfScoreFromStats(chrfSentenceStats(hyp, ref, opts), opts);
}

/** Element-wise sum of statistics, in order. */
export function sumStats(all: Iterable<readonly number[]>): number[] {
  let acc: number[] | undefined;
  for (const s of all) {
    if (!acc) acc = s.slice();
    else for (let i = 0; i < s.length; i++) acc[i]! += s[i]!;
  }
  return acc ?? [];
}

export function chrfCorpus(hyps: readonly string[], refs: readonly string[], opts: ChrfOptions = {}): number {
  if (hyps.length !== refs.length) throw new Error(`chrfCorpus: ${hyps.length} hypotheses but ${refs.length} references`);
  const o = resolve(opts);
  const stats = hyps.length ? sumStats(hyps.map((h, i) => chrfSentenceStats(h, refs[i]!, opts))) : new Array<number>(3 * (o.charOrder + o.wordOrder)).fill(0);
  return chrfScoreFromStats(stats, opts);
}

export function chrfSignature(opts: ChrfOptions = {}): string {
  const o = resolve(opts);
  return formatSignature([
    ['nrefs', 1],
    ['case', o.lowercase ? 'lc' : 'mixed'],
    ['eff', yesNo(!o.epsSmoothing)],
    ['nc', o.charOrder],
    ['nw', o.wordOrder],
    ['space', yesNo(o.whitespace)],
  ]);
}
