// chrF and chrF++ exactly as sacrebleu 2.6.0 (CHRF with its defaults: char order 6, beta 2, effective-order
// averaging; chrF++ adds word orders 1–2). Statistics are integer triples [hyp, ref, match] per order, summed
// over a corpus before the one F computation (a micro-average).

import { charNgramCounts, charNgramCountsNoSpace, spanNgramCounts, type TokenSpans } from './ngrams.js';
import { formatSignature, yesNo } from './signature.js';
import { WORD_HASH_PRIME, WORD_HASH_SEED } from './tokenizer-13a.js';
import { isPyWhitespaceCode } from './whitespace.js';

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

/** Word spans, reused from call to call (see TokenSpans in ngrams.ts). */
const words: TokenSpans = {
  text: '',
  at: 0,
  count: 0,
  starts: new Int32Array(256),
  ends: new Int32Array(256),
  hashes: new Int32Array(256),
  codes: new Uint16Array(1024),
};

/** sacrebleu `_remove_punctuation` as spans: split on whitespace, then split ONE ASCII punctuation character off
 *  the end, or else off the start, of every token longer than one code point ("(hi)" → "(hi", ")"). The text's
 *  code units go to codes from `at` on (codes before it are kept: two lines can sit side by side). */
export function chrfWordSpans(text: string, at: number): TokenSpans {
  const n = text.length;
  if (words.codes.length < at + n) {
    const c = new Uint16Array(2 * (at + n));
    c.set(words.codes);
    words.codes = c;
  }
  if (words.starts.length < n + 1) {
    // at most one word per two code units, each split in two: n + 1 tokens
    words.starts = new Int32Array(2 * n + 2);
    words.ends = new Int32Array(2 * n + 2);
    words.hashes = new Int32Array(2 * n + 2);
  }
  const { codes, starts, ends, hashes } = words;
  let t = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    codes[at + i] = c;
    if (isPyWhitespaceCode(c)) {
      i++;
      continue;
    }
    const s = at + i;
    let h = Math.imul(WORD_HASH_SEED ^ c, WORD_HASH_PRIME);
    for (;;) {
      if (++i === n) break;
      c = text.charCodeAt(i);
      codes[at + i] = c;
      if (isPyWhitespaceCode(c)) break;
      h = Math.imul(h ^ c, WORD_HASH_PRIME);
    }
    const e = at + i;
    const len = e - s;
    // One code point: one UTF-16 unit, or a surrogate pair.
    const single = len === 1 || (len === 2 && codes[s]! >= 0xd800 && codes[s]! <= 0xdbff && codes[s + 1]! >= 0xdc00 && codes[s + 1]! <= 0xdfff);
    // ASCII punctuation is one UTF-16 unit, so one unit off splits off exactly that code point; the hash of the
    // word is then rebuilt for its two parts (rare: one word in a few).
    let cut = -1;
    if (!single && isPunct(codes[e - 1]!)) cut = e - 1;
    else if (!single && isPunct(codes[s]!)) cut = s + 1;
    if (cut < 0) {
      starts[t] = s;
      ends[t] = e;
      hashes[t++] = h;
    } else {
      let g = WORD_HASH_SEED;
      for (let k = s; k < cut; k++) g = Math.imul(g ^ codes[k]!, WORD_HASH_PRIME);
      starts[t] = s;
      ends[t] = cut;
      hashes[t++] = g;
      g = WORD_HASH_SEED;
      for (let k = cut; k < e; k++) g = Math.imul(g ^ codes[k]!, WORD_HASH_PRIME);
      starts[t] = cut;
      ends[t] = e;
      hashes[t++] = g;
    }
  }
  words.text = text;
  words.at = at;
  words.count = t;
  return words;
}

/** The words of chrfWordSpans as strings. */
export function chrfWords(text: string): string[] {
  const { count, starts, ends } = chrfWordSpans(text, 0);
  const out = new Array<string>(count);
  for (let k = 0; k < count; k++) out[k] = text.slice(starts[k]!, ends[k]!);
  return out;
}

function prepare(text: string, o: Resolved): string {
  return o.lowercase ? text.toLowerCase() : text;
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
  const orders = charCounts(h, r, o);
  if (o.wordOrder > 0) orders.push(...spanNgramCounts(h, r, chrfWordSpans, o.wordOrder).orders);
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
  for (const c of charCounts(h, r, o)) chrf.push(c.ref > 0 ? c.hyp : 0, c.ref, c.match);
  const chrfpp = chrf.slice();
  for (const c of spanNgramCounts(h, r, chrfWordSpans, o.wordOrder).orders) chrfpp.push(c.ref > 0 ? c.hyp : 0, c.ref, c.match);
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
