// TER exactly as sacrebleu 2.6.0 computes it with its defaults (case-insensitive, whitespace tokens, shifts),
// plus the alignment behind the number (shifts and per-word operations) for display.

import { formatSignature, yesNo } from './signature.js';
import { OP_DEL, OP_INS, OP_NOP, OP_SUB } from './ter-beam.js';
import { terSearch } from './ter-shifts.js';
import { terTokenize, type TerTokenizerOptions } from './tokenizer-ter.js';

/** sacrebleu TER's options: `case_sensitive` (default false: both sides are lower-cased), `normalized`,
 *  `no_punct`, `asian_support` (see tokenizer-ter.ts). */
export type TerOptions = TerTokenizerOptions;

/** Sentence statistics: edits and reference length (sacrebleu keeps the length as a float). */
export interface TerStats {
  edits: number;
  refLength: number;
}

export interface TerScore extends TerStats {
  /** 100 × edits / reference length (may exceed 100). */
  score: number;
}

/** sacrebleu's alignment letters over (shifted hypothesis, reference): ' ' match, 'S' substitution,
 *  'I' extra hypothesis word, 'D' missing reference word. */
export type TerOpLetter = ' ' | 'S' | 'I' | 'D';

export interface TerAlignment extends TerScore {
  hypTokens: string[];
  refTokens: string[];
  /** Shifts in the order applied; `start`/`target` index the hypothesis as it was before that shift. */
  shifts: Array<{ start: number; length: number; target: number; words: string[]; reduction: number }>;
  hypAfterShift: string[];
  /** For each word of hypAfterShift, its index in hypTokens. */
  hypAfterShiftSource: number[];
  /** One letter per operation, e.g. " I  ISS SS". */
  alignment: string;
  /** [letter, index into hypTokens or null, index into refTokens or null] per operation. */
  ops: Array<[TerOpLetter, number | null, number | null]>;
  candidatesChecked: number;
  hitCandidateCap: boolean;
}

/** sacrebleu's tercom tokenisation: with default options rstrip, lower-case, split on Python whitespace. */
export function terTokens(text: string, opts: TerOptions = {}): string[] {
  return terTokenize(text, opts);
}

/** Token ids for the search. A corpus shares one map (ids only need to be equal for equal words). */
function intern(hyp: string[], ref: string[], ids = new Map<string, number>()): [Int32Array, Int32Array] {
  return [internInto(hyp, ids), internInto(ref, ids)];
}

function internInto(words: string[], ids: Map<string, number>): Int32Array {
  const out = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let v = ids.get(w);
    if (v === undefined) ids.set(w, (v = ids.size));
    out[i] = v;
  }
  return out;
}

/** The full TER computation on tokens. */
export function terAlignTokens(hypTokens: string[], refTokens: string[]): TerAlignment {
  if (refTokens.length === 0) {
    // sacrebleu: an empty reference gives edits = |hyp| and length 0, with no alignment search.
    const n = hypTokens.length;
    const src = hypTokens.map((_, i) => i);
    return {
      edits: n,
      refLength: 0,
      score: terScoreFromStats({ edits: n, refLength: 0 }),
      hypTokens,
      refTokens,
      shifts: [],
      hypAfterShift: hypTokens.slice(),
      hypAfterShiftSource: src,
      alignment: 'I'.repeat(n),
      ops: src.map((i) => ['I', i, null]),
      candidatesChecked: 0,
      hitCandidateCap: false,
    };
  }
  const [hyp, ref] = intern(hypTokens, refTokens);
  const r = terSearch(hyp, ref);
  // Replay the shifts on the words, to report each shift's words as sacrebleu's detail does.
  let words = hypTokens.slice();
  const shifts = r.shifts.map((s) => {
    const moved = words.slice(s.start, s.start + s.length);
    words = applyShift(words, s.start, s.length, s.target);
    return { ...s, words: moved };
  });
  const ops: TerAlignment['ops'] = [];
  let letters = '';
  let h = 0;
  let j = 0;
  for (const op of r.trace) {
    if (op === OP_NOP || op === OP_SUB) {
      const l = op === OP_NOP ? ' ' : 'S';
      ops.push([l, r.shiftedSource[h++]!, j++]);
      letters += l;
    } else if (op === OP_DEL) {
      ops.push(['I', r.shiftedSource[h++]!, null]);
      letters += 'I';
    } else if (op === OP_INS) {
      ops.push(['D', null, j++]);
      letters += 'D';
    }
  }
  const stats = { edits: r.edits, refLength: refTokens.length };
  return {
    ...stats,
    score: terScoreFromStats(stats),
    hypTokens,
    refTokens,
    shifts,
    hypAfterShift: r.shiftedSource.map((i) => hypTokens[i]!),
    hypAfterShiftSource: r.shiftedSource,
    alignment: letters,
    ops,
    candidatesChecked: r.candidatesChecked,
    hitCandidateCap: r.hitCandidateCap,
  };
}

function applyShift<T>(w: T[], start: number, length: number, target: number): T[] {
  if (target < start) return [...w.slice(0, target), ...w.slice(start, start + length), ...w.slice(target, start), ...w.slice(start + length)];
  if (target > start + length)
    return [...w.slice(0, start), ...w.slice(start + length, target), ...w.slice(start, start + length), ...w.slice(target)];
  return [...w.slice(0, start), ...w.slice(start + length, length + target), ...w.slice(start, start + length), ...w.slice(length + target)];
}

/** TER with its alignment for one hypothesis/reference pair. */
export function terAlignment(hyp: string, ref: string, opts: TerOptions = {}): TerAlignment {
  return terAlignTokens(terTokens(hyp, opts), terTokens(ref, opts));
}

/** Sentence statistics (sacrebleu TER, one reference). */
export function terSentenceStats(hyp: string, ref: string, opts: TerOptions = {}): TerStats {
  return statsWith(hyp, ref, opts, new Map());
}

function statsWith(hyp: string, ref: string, opts: TerOptions, ids: Map<string, number>): TerStats {
  const hypTokens = terTokens(hyp, opts);
  const refTokens = terTokens(ref, opts);
  if (refTokens.length === 0) return { edits: hypTokens.length, refLength: 0 };
  const [h, r] = intern(hypTokens, refTokens, ids);
  return { edits: terSearch(h, r).edits, refLength: refTokens.length };
}

/** sacrebleu `_compute_score_from_stats`: divide first, then × 100 (the other order can differ in the last bit). */
export function terScoreFromStats(stats: TerStats): number {
  return 100 * terRatio(stats);
}

/** edits / length; an empty reference gives 1 if anything had to be deleted, else 0. */
function terRatio(stats: TerStats): number {
  return stats.refLength > 0 ? stats.edits / stats.refLength : stats.edits > 0 ? 1 : 0;
}

export function terSentence(hyp: string, ref: string, opts: TerOptions = {}): TerScore {
  const stats = terSentenceStats(hyp, ref, opts);
  return { ...stats, score: terScoreFromStats(stats) };
}

/** Sums statistics left to right, as sacrebleu does. */
export function sumTerStats(all: Iterable<TerStats>): TerStats {
  let edits = 0;
  let refLength = 0;
  for (const s of all) {
    edits += s.edits;
    refLength += s.refLength;
  }
  return { edits, refLength };
}

/** Corpus TER: total edits / total reference length (not the mean of sentence scores). */
export function terCorpus(hyps: readonly string[], refs: readonly string[], opts: TerOptions = {}): TerScore {
  if (hyps.length !== refs.length) throw new Error(`terCorpus: ${hyps.length} hypotheses but ${refs.length} references`);
  const ids = new Map<string, number>();
  const stats = sumTerStats(hyps.map((h, i) => statsWith(h, refs[i]!, opts, ids)));
  return { ...stats, score: terScoreFromStats(stats) };
}

/** HTER as in WMT / MLQE-PE: TER edits / reference words as a fraction, capped at 1. */
export function hterFromStats(stats: TerStats): number {
  return Math.min(1, terRatio(stats));
}

export function terSignature(opts: TerOptions = {}): string {
  return formatSignature([
    ['nrefs', 1],
    ['case', opts.caseSensitive ? 'mixed' : 'lc'],
    ['tok', 'tercom'],
    ['norm', yesNo(opts.normalized ?? false)],
    ['punct', yesNo(!opts.noPunct)],
    ['asian', yesNo(opts.asianSupport ?? false)],
  ]);
}
