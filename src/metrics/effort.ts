// Post-editing effort analysis, as CAT tools report it to price post-editing: per segment how similar the MT is to
// its post-edit (a percentage), and the MT words that fall in each similarity band (100%, 95–99%, 85–94%, 75–84%,
// 50–74%, < 50% by default), per document and summed over a folder of documents.
//
// The measure, stated exactly: character-level Levenshtein distance d (insert, delete, substitute, each cost 1) over
// the Unicode code points of the whole segment as written (case, spaces and line breaks count), and
//   similarity = floor(100 × (1 − d / max(|MT|, |PE|)))      (both empty: 100)
// floored so that a changed segment never shows as 100%. This is the "Levenshtein / Fuzzy" pair of memoQ's edit
// distance report ("Levenshtein – the difference is shown in characters; Fuzzy – the difference is shown in
// percents … grouped by percent ranges, similarly to fuzzy ranges in analysis reports",
// https://docs.memoq.com/current/en/Places/create-edit-distance-report.html) and what Lingotek's edit distance
// report documents ("the minimum number of single-character operations", Levenshtein). Trados' own TM match score
// is token-based with character-level refinement and penalties (RWS knowledge base article 000022321) and is not
// published in full, so its percentages can differ by a few points from these; the bands are the same.
// Words are MT words counted as the MQM-based score counts them (whitespace-separated).

import { countWords } from './mqm.js';

/** Lower bounds (inclusive, integer percent) of the default bands: 100, 95–99, 85–94, 75–84, 50–74, < 50. */
export const DEFAULT_EFFORT_BANDS: readonly number[] = [100, 95, 85, 75, 50];

export interface SegmentEffort {
  /** The segment id (0-based, as Segment.id). */
  segment: number;
  /** Levenshtein distance in code points between the MT and the post-edited segment. */
  distance: number;
  /** max(|MT|, |PE|) in code points: the denominator of the similarity. */
  length: number;
  /** Integer percent, floor(100 × (1 − distance / length)). */
  similarity: number;
  /** MT words of the segment. */
  words: number;
}

export interface EffortBand {
  /** "100%", "95–99%", "< 50%". */
  label: string;
  /** Inclusive integer bounds of the band. */
  min: number;
  max: number;
  segments: number;
  words: number;
}

export interface EffortAnalysis {
  measure: 'levenshtein-chars';
  /** Bands from the highest similarity down; every segment falls in exactly one. */
  bands: EffortBand[];
  /** MT words over all segments (the sum of the bands' words). */
  words: number;
  /** Overall similarity, 100 × (1 − Σ distance / Σ length), unrounded; 100 for an empty document. */
  similarity: number;
  segments: SegmentEffort[];
}

/** The totals of several documents (a folder): bands, words and overall similarity, without the segment list. */
export type EffortTotals = Omit<EffortAnalysis, 'segments'> & { documents: number };

/** Checks and orders band lower bounds: integers 0–100, distinct, highest first; 0 is implied (the lowest band
 *  starts at 0). Throws a RangeError naming the limit; adapters turn it into their own input error. */
export function normaliseBands(bounds: readonly number[]): number[] {
  if (bounds.length === 0) throw new RangeError('effort bands: give at least one lower bound (e.g. 100,95,85,75,50)');
  for (const b of bounds) {
    if (!Number.isInteger(b) || b < 0 || b > 100) throw new RangeError(`effort bands: ${b} is not an integer percent from 0 to 100`);
  }
  const sorted = [...new Set(bounds)].sort((a, b) => b - a);
  if (sorted.length !== bounds.length) throw new RangeError('effort bands: a lower bound is given twice');
  if (sorted.at(-1) !== 0) sorted.push(0);
  return sorted;
}

/** The effort analysis of a document: each segment's MT range against its corrected range. */
export function effortAnalysis(
  mt: string,
  corrected: string,
  segments: ReadonlyArray<{ id: number; mt: { start: number; end: number }; corrected: { start: number; end: number } }>,
  bands: readonly number[] = DEFAULT_EFFORT_BANDS,
): EffortAnalysis {
  const perSegment = segments.map((s) => segmentEffort(s.id, mt.slice(s.mt.start, s.mt.end), corrected.slice(s.corrected.start, s.corrected.end)));
  return withBands(perSegment, bands);
}

/** One segment's distance and similarity. */
export function segmentEffort(segment: number, mt: string, corrected: string): SegmentEffort {
  const a = codePoints(mt);
  const b = codePoints(corrected);
  const distance = levenshtein(a, b);
  const length = Math.max(a.length, b.length);
  return { segment, distance, length, similarity: similarityPercent(distance, length), words: countWords(mt) };
}

/** Integer percent, floored; computed on integers so that 95% exactly is never 94.99…. */
export function similarityPercent(distance: number, length: number): number {
  return length === 0 ? 100 : Math.floor((100 * (length - distance)) / length);
}

/** Groups per-segment results into bands (a report can be re-banded with other bounds from its segments). */
export function withBands(segments: SegmentEffort[], bounds: readonly number[] = DEFAULT_EFFORT_BANDS): EffortAnalysis {
  const bands = emptyBands(bounds);
  let distance = 0;
  let length = 0;
  for (const s of segments) {
    const band = bands.find((b) => s.similarity >= b.min)!;
    band.segments++;
    band.words += s.words;
    distance += s.distance;
    length += s.length;
  }
  return { measure: 'levenshtein-chars', bands, words: sumWords(bands), similarity: overall(distance, length), segments };
}

/** A folder's totals: the documents' bands summed (each document re-banded with `bounds`, so they line up). */
export function sumEffort(analyses: readonly EffortAnalysis[], bounds: readonly number[] = DEFAULT_EFFORT_BANDS): EffortTotals {
  const all = analyses.flatMap((a) => a.segments);
  const { segments: _segments, ...totals } = withBands(all, bounds);
  return { ...totals, documents: analyses.length };
}

function emptyBands(bounds: readonly number[]): EffortBand[] {
  const lows = normaliseBands(bounds);
  return lows.map((min, i) => {
    const max = i === 0 ? 100 : lows[i - 1]! - 1;
    return { label: bandLabel(min, max), min, max, segments: 0, words: 0 };
  });
}

function bandLabel(min: number, max: number): string {
  if (min === max) return `${min}%`;
  if (min === 0) return `< ${max + 1}%`;
  return `${min}–${max}%`;
}

function sumWords(bands: EffortBand[]): number {
  return bands.reduce((n, b) => n + b.words, 0);
}

function overall(distance: number, length: number): number {
  return length === 0 ? 100 : 100 * (1 - distance / length);
}

function codePoints(s: string): Uint32Array {
  const out = new Uint32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out[n++] = c;
    if (c > 0xffff) i++;
  }
  return out.subarray(0, n);
}

/** Levenshtein distance (unit costs) of two code point arrays. The common prefix and suffix are skipped (a
 *  post-edit keeps most of a segment), then Myers' bit-parallel algorithm in Hyyrö's blocked form (G. Myers 1999,
 *  "A fast bit-vector algorithm for approximate string matching based on dynamic programming"; H. Hyyrö 2003,
 *  "A bit-vector algorithm for computing Levenshtein and Damerau edit distances") computes the distance of what
 *  differs, 32 cells of the DP matrix per word operation (4–6× faster than the one-row DP on sentence-long
 *  segments edited at both ends; the MLQE-PE ro-en pairs repeated to 1,000,000 words take ~2 s on the loaded 2-core
 *  build machine). tests/metrics/effort.test.ts checks it against the plain DP. */
export function levenshtein(a: Uint32Array, b: Uint32Array): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  let x = a.subarray(start, endA);
  let y = b.subarray(start, endB);
  if (x.length > y.length) [x, y] = [y, x];
  if (x.length === 0) return y.length;
  // BMP text (nearly all) indexes one shared match-mask table by code unit; other text gets dense symbol ids.
  if (maxOf(x) < 0x10000 && maxOf(y) < 0x10000) return myers(x, y, BMP_PEQ);
  const ids = new Map<number, number>();
  const dense = (s: Uint32Array) => {
    const out = new Int32Array(s.length);
    for (let i = 0; i < s.length; i++) {
      let id = ids.get(s[i]!);
      if (id === undefined) ids.set(s[i]!, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  const p = dense(x);
  const t = dense(y);
  return myers(p, t, new Int32Array(ids.size));
}

/** Match masks by BMP code point, all zero between calls (myers clears what it sets). */
const BMP_PEQ = new Int32Array(0x10000);

function maxOf(s: Uint32Array): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) if (s[i]! > m) m = s[i]!;
  return m;
}

/** Edit distance of pattern p (the shorter, non-empty) and text t, the pattern cut into 32-symbol blocks. For each
 *  text position the horizontal delta leaving the bottom of a block (+1, 0, −1 as bits of hp/hm) enters the top of
 *  the next; the last block's bottom row accumulates D[m][j] from D[m][0] = m. */
function myers(p: Uint32Array | Int32Array, t: Uint32Array | Int32Array, peq: Int32Array): number {
  const m = p.length;
  const n = t.length;
  const words = (n + 31) >> 5;
  const hp = new Int32Array(words).fill(-1); // the top row D[0][j] = j: every horizontal delta is +1
  const hm = new Int32Array(words);
  const blocks = (m + 31) >> 5;
  let score = m;
  for (let blk = 0; blk < blocks; blk++) {
    const from = blk << 5;
    const to = Math.min(m, from + 32);
    for (let k = from; k < to; k++) peq[p[k]!]! |= 1 << (k - from);
    const last = blk === blocks - 1;
    const top = to - from - 1;
    let pv = -1;
    let mv = 0;
    for (let j = 0; j < n; j++) {
      const eq = peq[t[j]!]!;
      const w = j >> 5;
      const bit = 1 << (j & 31);
      const pb = hp[w]! & bit ? 1 : 0;
      const mb = hm[w]! & bit ? 1 : 0;
      const xv = eq | mv;
      const xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (last) {
        score += ((ph >>> top) & 1) - ((mh >>> top) & 1);
      } else {
        if (ph >>> 31 !== pb) hp[w]! ^= bit;
        if (mh >>> 31 !== mb) hm[w]! ^= bit;
      }
      ph = (ph << 1) | pb;
      mh = (mh << 1) | mb;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    for (let k = from; k < to; k++) peq[p[k]!] = 0;
  }
  return score;
}

/** The distance of two strings, in code points. */
export function editDistance(a: string, b: string): number {
  return levenshtein(codePoints(a), codePoints(b));
}
