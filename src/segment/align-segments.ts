import { isPreTokenised, tokenize } from '../align/tokenize.js';
import { InputError } from '../io/errors.js';
import type { Range, SegmentPair } from '../model.js';
import { bigramProfiles, intersect } from './dice.js';
import { splitSentences } from './sentences.js';
import type { LanguagePack } from '../lang/index.js';

export interface AlignSegmentsOptions {
  segmentation: 'auto' | 'lines';
  /** The texts' language pack (sentence-break suppressions, word breaks); English by default. */
  pack?: LanguagePack;
  /** Tokenise at whitespace only (or not), decided by the caller for a whole document of which these texts are a
   *  part (a chunk of a line-aligned corpus, src/stream); by default decided here by isPreTokenised. */
  preTokenised?: boolean;
}

/** Line content ranges (without the line terminator), as editors count lines: a final line break does not start
 *  another line, so "a\nb\n" and "a\nb" both have 2 lines; "" is one empty line. */
export function lineRanges(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  if (text === '') return [{ start: 0, end: 0 }];
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const stop = nl === -1 ? text.length : nl;
    out.push({ start, end: stop > start && text[stop - 1] === '\r' ? stop - 1 : stop });
    if (nl === -1) break;
    start = nl + 1;
  }
  return out;
}

/** A bead: MT sentences [a0, a1) aligned with corrected sentences [b0, b1). */
export interface Bead {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

// Bead shapes the DP may use (MT count, corrected count).
const SHAPES: Array<[number, number]> = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [2, 2],
  [3, 1],
  [1, 3],
];
/** A gap between anchors this small (cells) is aligned by the full DP, a larger one within a diagonal band. */
const FULL_DP_CELLS = 40_000;
/** Half-width of the band around the guide path (shared word trigrams), and around the diagonal without one. */
const GUIDED_BAND = 4;
const DIAGONAL_BAND = 32;
const MIN_ANCHOR_CHARS = 10;

/** Bigram profiles of the sentences of one side of a gap, with the merged profiles of every 2 and 3 consecutive
 *  sentences precomputed, so that every bead comparison is one linear merge of two sorted arrays. */
class Profiles {
  private readonly runs: Uint32Array[][] = [[], [], []];
  constructor(readonly single: Uint32Array[]) {
    const n = single.length;
    for (let k = 0; k + 1 < n; k++) this.runs[1]!.push(mergeSorted(single[k]!, single[k + 1]!));
    for (let k = 0; k + 2 < n; k++) this.runs[2]!.push(mergeSorted(this.runs[1]![k]!, single[k + 2]!));
    this.runs[0] = single;
  }
  /** Merged profile of sentences [from, from+len), len 1..3. */
  get(from: number, len: number): Uint32Array {
    return this.runs[len - 1]![from]!;
  }
}

function mergeSorted(x: Uint32Array, y: Uint32Array): Uint32Array {
  const out = new Uint32Array(x.length + y.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < x.length && j < y.length) out[k++] = x[i]! <= y[j]! ? x[i++]! : y[j++]!;
  while (i < x.length) out[k++] = x[i++]!;
  while (j < y.length) out[k++] = y[j++]!;
  return out;
}

/** Cost of a bead of `la` MT and `lb` corrected sentences starting at local indices i, j: bigrams left unmatched on
 *  both sides (a skipped sentence costs all its bigrams), plus, for a bead of more than two sentences, a penalty per
 *  extra sentence that an unrelated sentence joining the bead by chance bigram matches cannot pay back (a real
 *  split or join saves about twice the piece's bigrams). */
function beadCost(pa: Profiles, pb: Profiles, i: number, la: number, j: number, lb: number): number {
  if (la === 0) return pb.get(j, lb).length;
  if (lb === 0) return pa.get(i, la).length;
  const x = pa.get(i, la);
  const y = pb.get(j, lb);
  const cost = x.length + y.length - 2 * intersect(x, y);
  const extra = la + lb - 2;
  if (extra === 0) return cost;
  let minPiece = Infinity;
  for (let k = 0; k < la; k++) minPiece = Math.min(minPiece, pa.single[i + k]!.length);
  for (let k = 0; k < lb; k++) minPiece = Math.min(minPiece, pb.single[j + k]!.length);
  return cost + extra * Math.min(6, 1 + 0.5 * minPiece);
}

/** Rows of the DP table: for each MT sentence count i, the corrected sentence counts [los[i], his[i]] kept, and
 *  where the row starts in the flat table. Small problems keep the full table; large ones a band around a guide path
 *  (or the diagonal), widened where the path jumps so that the band stays connected. */
function band(n: number, m: number, guide: () => Array<[number, number]>): { los: Int32Array; his: Int32Array; offsets: Float64Array } {
  const los = new Int32Array(n + 1);
  const his = new Int32Array(n + 1);
  const offsets = new Float64Array(n + 1);
  if ((n + 1) * (m + 1) <= FULL_DP_CELLS) {
    his.fill(m);
    for (let i = 0; i <= n; i++) offsets[i] = i * (m + 1);
    return { los, his, offsets };
  }
  let points = guide();
  let half = GUIDED_BAND;
  if (points.length === 0) half = Math.max(DIAGONAL_BAND, Math.ceil(m / n) + 4, Math.ceil(n / m) + 4);
  points = [[0, 0], ...points, [n, m]];
  const cLo = new Float64Array(n + 1).fill(Infinity);
  const cHi = new Float64Array(n + 1).fill(-Infinity);
  for (let k = 0; k + 1 < points.length; k++) {
    const [i1, j1] = points[k]!;
    const [i2, j2] = points[k + 1]!;
    for (let i = i1; i <= i2; i++) {
      const lo = i2 === i1 ? j1 : j1 + ((i - i1) * (j2 - j1)) / (i2 - i1);
      const hi = i2 === i1 ? j2 : lo;
      cLo[i] = Math.min(cLo[i]!, Math.floor(lo));
      cHi[i] = Math.max(cHi[i]!, Math.ceil(hi));
    }
  }
  let offset = 0;
  for (let i = 0; i <= n; i++) {
    const lo = Math.min(cLo[i]!, i > 0 ? cHi[i - 1]! : cLo[i]!) - half;
    const hi = Math.max(cHi[i]!, i < n ? cLo[i + 1]! : cHi[i]!) + half;
    los[i] = Math.max(0, lo);
    his[i] = Math.min(m, hi);
    offsets[i] = offset;
    offset += his[i]! - los[i]! + 1;
  }
  los[0] = 0;
  his[n] = m;
  return { los, his, offsets };
}

/** Guide points for a large gap: (MT sentence, corrected sentence) pairs that share a word trigram found exactly
 *  once on each side, reduced to their longest monotone chain. Local indices. */
function guidePoints(ta: () => string[], tb: () => string[], a0: number, a1: number, b0: number, b1: number): Array<[number, number]> {
  const grams = (texts: string[], from: number, to: number): Map<string, number> => {
    const m = new Map<string, number>();
    for (let k = from; k < to; k++) {
      const w = texts[k]!.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      for (let x = 0; x + 2 < w.length; x++) {
        const g = `${w[x]} ${w[x + 1]} ${w[x + 2]}`;
        const seen = m.get(g);
        m.set(g, seen === undefined ? k - from : seen === k - from ? seen : -1);
      }
    }
    return m;
  };
  const ga = grams(ta(), a0, a1);
  const gb = grams(tb(), b0, b1);
  const pairs: Array<[number, number]> = [];
  const seen = new Set<number>();
  for (const [g, i] of ga) {
    const j = gb.get(g);
    if (i < 0 || j === undefined || j < 0) continue;
    const key = i * (b1 - b0 + 1) + j;
    if (!seen.has(key)) {
      seen.add(key);
      pairs.push([i, j]);
    }
  }
  return longestChain(pairs, false);
}

/** Longest chain of pairs increasing in both coordinates (strictly, or non-decreasing when !strict). */
function longestChain(pairs: Array<[number, number]>, strict: boolean): Array<[number, number]> {
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const j = pairs[k]![1];
    let l = 0;
    let h = tails.length;
    while (l < h) {
      const mid = (l + h) >> 1;
      const t = pairs[tails[mid]!]!;
      if (strict ? t[1] < j && t[0] < pairs[k]![0] : t[1] <= j) l = mid + 1;
      else h = mid;
    }
    if (l > 0) prev[k] = tails[l - 1]!;
    tails[l] = k;
  }
  const chain: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}

/** Align sentences a[a0..a1) with b[b0..b1) by a DP over bead shapes, banded around the diagonal when large. */
function alignGap(
  sa: Uint32Array[],
  sb: Uint32Array[],
  ta: () => string[],
  tb: () => string[],
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  out: Bead[],
): void {
  // Walk the gap pairing sentences that clearly belong together 1:1 (most of a real document), resynchronising
  // within a few sentences after anything else (on near-identical pairs only); what lies between goes to the DP.
  let i = a0;
  let j = b0;
  let pi = a0;
  let pj = b0;
  while (i < a1 && j < b1) {
    let step: [number, number] | undefined;
    search: for (let d = 0; d <= RESYNC; d++) {
      for (let di = 0; di <= d; di++) {
        const x = i + di;
        const y = j + d - di;
        if (x < a1 && y < b1 && clearPair(sa, sb, x, y, a0, a1, b0, b1, d === 0 ? 0.5 : 0.85)) {
          step = [x, y];
          break search;
        }
      }
    }
    if (!step) {
      i++;
      j++;
      continue;
    }
    const [x, y] = step;
    alignMiddle(sa, sb, ta, tb, pi, x, pj, y, out);
    out.push({ a0: x, a1: x + 1, b0: y, b1: y + 1 });
    i = pi = x + 1;
    j = pj = y + 1;
  }
  alignMiddle(sa, sb, ta, tb, pi, a1, pj, b1, out);
}

/** How far ahead (in sentences, both sides together) the walk looks for the next clear 1:1 pair. */
const RESYNC = 3;

/** A 1:1 pair beyond doubt: similar lengths, a Dice coefficient of at least `minDice` (0.85: a sentence with a
 *  word or two changed; 0.5 on the walk's own diagonal: a heavily post-edited one), and better than pairing either
 *  sentence with a neighbour of the other, alone or joined to it (so a join or split never qualifies). */
function clearPair(
  sa: Uint32Array[],
  sb: Uint32Array[],
  i: number,
  j: number,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  minDice: number,
): boolean {
  const x = sa[i]!;
  const y = sb[j]!;
  const lx = x.length;
  const ly = y.length;
  if (lx === 0 || ly === 0 || Math.min(lx, ly) < 0.75 * Math.max(lx, ly)) return false;
  const d = (2 * intersect(x, y)) / (lx + ly);
  if (d < minDice) return false;
  const beats = (u: Uint32Array, v: Uint32Array): boolean => d > (2 * intersect(u, v)) / (u.length + v.length || 1);
  const beatsJoined = (u1: Uint32Array, u2: Uint32Array, v: Uint32Array): boolean =>
    d > (2 * intersectUnion(u1, u2, v)) / (u1.length + u2.length + v.length || 1);
  if (j + 1 < b1 && !(beats(x, sb[j + 1]!) && beatsJoined(y, sb[j + 1]!, x))) return false;
  if (j - 1 >= b0 && !(beats(x, sb[j - 1]!) && beatsJoined(sb[j - 1]!, y, x))) return false;
  if (i + 1 < a1 && !(beats(sa[i + 1]!, y) && beatsJoined(x, sa[i + 1]!, y))) return false;
  if (i - 1 >= a0 && !(beats(sa[i - 1]!, y) && beatsJoined(sa[i - 1]!, x, y))) return false;
  return true;
}

/** Size of the multiset intersection of (x1 ∪ x2) with y, all sorted, without building the union. */
function intersectUnion(x1: Uint32Array, x2: Uint32Array, y: Uint32Array): number {
  let i = 0;
  let k = 0;
  let n = 0;
  for (let j = 0; j < y.length; j++) {
    const v = y[j]!;
    while (i < x1.length && x1[i]! < v) i++;
    while (k < x2.length && x2[k]! < v) k++;
    if (i < x1.length && x1[i] === v) {
      n++;
      i++;
    } else if (k < x2.length && x2[k] === v) {
      n++;
      k++;
    }
  }
  return n;
}

function alignMiddle(
  sa: Uint32Array[],
  sb: Uint32Array[],
  ta: () => string[],
  tb: () => string[],
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  out: Bead[],
): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 && m === 0) return;
  if (n === 0 || m === 0) {
    for (let i = a0; i < a1; i++) out.push({ a0: i, a1: i + 1, b0, b1: b0 });
    for (let j = b0; j < b1; j++) out.push({ a0: a1, a1: a1, b0: j, b1: j + 1 });
    return;
  }
  const pa = new Profiles(sa.slice(a0, a1));
  const pb = new Profiles(sb.slice(b0, b1));
  const { los, his, offsets } = band(n, m, () => guidePoints(ta, tb, a0, a1, b0, b1));
  const at = (i: number, j: number): number => (j < los[i]! || j > his[i]! ? -1 : offsets[i]! + (j - los[i]!));
  const size = offsets[n]! + (his[n]! - los[n]! + 1);
  const cost = new Float64Array(size).fill(Infinity);
  const back = new Uint8Array(size);
  cost[at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = los[i]!; j <= his[i]!; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestShape = 0;
      for (let s = 0; s < SHAPES.length; s++) {
        const [di, dj] = SHAPES[s]!;
        if (i < di || j < dj) continue;
        const prev = at(i - di, j - dj);
        if (prev < 0) continue;
        const base = cost[prev]!;
        if (base === Infinity) continue;
        const c = base + beadCost(pa, pb, i - di, di, j - dj, dj);
        if (c < best) {
          best = c;
          bestShape = s;
        }
      }
      const cell = at(i, j);
      cost[cell] = best;
      back[cell] = bestShape;
    }
  }
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [di, dj] = SHAPES[back[at(i, j)]!]!;
    beads.push({ a0: a0 + i - di, a1: a0 + i, b0: b0 + j - dj, b1: b0 + j });
    i -= di;
    j -= dj;
  }
  for (let k = beads.length - 1; k >= 0; k--) out.push(beads[k]!);
}

const normal = (s: string): string => s.replace(/\s+/gu, ' ');

/** Anchors: sentences identical (spacing aside) and unique in both texts, kept in a longest increasing chain. */
function anchors(mt: string, corrected: string, A: Range[], B: Range[]): Array<[number, number]> {
  const count = (text: string, rs: Range[]): Map<string, number> => {
    const m = new Map<string, number>();
    rs.forEach((r, k) => {
      if (r.end - r.start < MIN_ANCHOR_CHARS) return;
      const key = normal(text.slice(r.start, r.end));
      m.set(key, m.has(key) ? -1 : k);
    });
    return m;
  };
  const ma = count(mt, A);
  const mb = count(corrected, B);
  const pairs: Array<[number, number]> = [];
  for (const [key, i] of ma) {
    const j = mb.get(key);
    if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j]);
  }
  return longestChain(pairs, true);
}

/** Beads aligning the sentences A of the MT with the sentences B of the correction. */
export function alignSentences(mt: string, corrected: string, A: Range[], B: Range[]): Bead[] {
  const pa = bigramProfiles(mt, A);
  const pb = bigramProfiles(corrected, B);
  let textsA: string[] | undefined;
  let textsB: string[] | undefined;
  const ta = (): string[] => (textsA ??= A.map((r) => mt.slice(r.start, r.end)));
  const tb = (): string[] => (textsB ??= B.map((r) => corrected.slice(r.start, r.end)));
  const out: Bead[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of anchors(mt, corrected, A, B)) {
    alignGap(pa, pb, ta, tb, i, ai, j, bj, out);
    out.push({ a0: ai, a1: ai + 1, b0: bj, b1: bj + 1 });
    i = ai + 1;
    j = bj + 1;
  }
  alignGap(pa, pb, ta, tb, i, A.length, j, B.length, out);
  return out;
}

/** Segment pairs of an MT text and its correction. 'lines': line k with line k (same line count required);
 *  'auto': sentences aligned 1:1, 1:2, 2:1, 2:2, 1:3, 3:1, 1:0, 0:1 by character-bigram similarity. An empty side
 *  is an empty range where the text would be (right after the previous segment). */
export function alignSegments(mt: string, corrected: string, opts: AlignSegmentsOptions): SegmentPair[] {
  const ranges: Array<[Range, Range]> = [];
  if (opts.segmentation === 'lines') {
    const A = lineRanges(mt);
    const B = lineRanges(corrected);
    if (A.length !== B.length) {
      throw new InputError(`line counts differ: the MT has ${A.length} lines, the corrected text ${B.length}`);
    }
    A.forEach((r, k) => ranges.push([r, B[k]!]));
  } else {
    const A = splitSentences(mt, undefined, opts.pack);
    const B = splitSentences(corrected, undefined, opts.pack);
    // Two blank texts still make one (whitespace-only) segment, so that every edit has a segment to point at.
    if (A.length === 0 && B.length === 0) ranges.push([{ start: 0, end: mt.length }, { start: 0, end: corrected.length }]);
    let endA = 0;
    let endB = 0;
    for (const bead of alignSentences(mt, corrected, A, B)) {
      const ra = bead.a1 > bead.a0 ? { start: A[bead.a0]!.start, end: A[bead.a1 - 1]!.end } : { start: endA, end: endA };
      const rb = bead.b1 > bead.b0 ? { start: B[bead.b0]!.start, end: B[bead.b1 - 1]!.end } : { start: endB, end: endB };
      endA = ra.end;
      endB = rb.end;
      ranges.push([ra, rb]);
    }
  }
  // Both texts are tokenised the same way (a token boundary that differs only by mode would be a false edit).
  const pack = opts.pack;
  const preTokenised = opts.preTokenised ?? (isPreTokenised(mt, pack) && isPreTokenised(corrected, pack));
  const intern = new Map<string, string>(); // both sides share one table: most words occur on both
  return ranges.map(([ra, rb], id) => ({
    id,
    mt: ra,
    corrected: rb,
    mtTokens: tokenize(mt, ra, { preTokenised, intern, pack }),
    correctedTokens: tokenize(corrected, rb, { preTokenised, intern, pack }),
  }));
}
