import { isPreTokenised, tokenize } from '../align/tokenize.js';
import { InputError } from '../io/errors.js';
import type { Range, SegmentPair } from '../model.js';
import { bigramProfile, intersectionSize } from './dice.js';
import { splitSentences } from './sentences.js';

export interface AlignSegmentsOptions {
  segmentation: 'auto' | 'lines';
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
const FULL_DP_CELLS = 250_000;
const BAND = 32;
const MIN_ANCHOR_CHARS = 10;

/** Cost of a bead: bigrams left unmatched on both sides (a skipped sentence costs all its bigrams), plus, for a
 *  bead of more than two sentences, a penalty per extra sentence that an unrelated sentence joining the bead by
 *  chance bigram matches cannot pay back (a real split or join saves about twice the piece's bigrams). */
function beadCost(pa: Uint32Array[], pb: Uint32Array[], a0: number, a1: number, b0: number, b1: number): number {
  let la = 0;
  let lb = 0;
  let minPiece = Infinity;
  for (let k = a0; k < a1; k++) {
    la += pa[k]!.length;
    minPiece = Math.min(minPiece, pa[k]!.length);
  }
  for (let k = b0; k < b1; k++) {
    lb += pb[k]!.length;
    minPiece = Math.min(minPiece, pb[k]!.length);
  }
  if (a0 === a1 || b0 === b1) return la + lb;
  const inter = intersectionSize(pa.slice(a0, a1), pb.slice(b0, b1));
  const extra = a1 - a0 + (b1 - b0) - 2;
  return la + lb - 2 * inter + (extra > 0 ? extra * Math.min(6, 1 + 0.5 * minPiece) : 0);
}

/** Align sentences a[a0..a1) with b[b0..b1) by a DP over bead shapes, banded around the diagonal when large. */
function alignGap(pa: Uint32Array[], pb: Uint32Array[], a0: number, a1: number, b0: number, b1: number, out: Bead[]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 && m === 0) return;
  if (n === 0 || m === 0) {
    for (let i = a0; i < a1; i++) out.push({ a0: i, a1: i + 1, b0, b1: b0 });
    for (let j = b0; j < b1; j++) out.push({ a0: a1, a1: a1, b0: j, b1: j + 1 });
    return;
  }
  const full = (n + 1) * (m + 1) <= FULL_DP_CELLS;
  const half = full ? m + 1 : Math.max(BAND, Math.ceil(m / n) + 4, Math.ceil(n / m) + 4);
  const width = full ? m + 1 : 2 * half + 1;
  const lo = (i: number): number => (full ? 0 : Math.max(0, Math.round((i * m) / n) - half));
  const hi = (i: number): number => (full ? m : Math.min(m, Math.round((i * m) / n) + half));
  const cost = new Float64Array((n + 1) * width).fill(Infinity);
  const back = new Uint8Array((n + 1) * width);
  const at = (i: number, j: number): number => (j < lo(i) || j > hi(i) ? -1 : i * width + (j - lo(i)));
  cost[at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo(i); j <= hi(i); j++) {
      const cell = at(i, j);
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
        const c = base + beadCost(pa, pb, a0 + i - di, a0 + i, b0 + j - dj, b0 + j);
        if (c < best) {
          best = c;
          bestShape = s;
        }
      }
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
  pairs.sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence on j (patience sorting).
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const j = pairs[k]![1];
    let l = 0;
    let h = tails.length;
    while (l < h) {
      const mid = (l + h) >> 1;
      if (pairs[tails[mid]!]![1] < j) l = mid + 1;
      else h = mid;
    }
    if (l > 0) prev[k] = tails[l - 1]!;
    tails[l] = k;
  }
  const chain: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}

/** Beads aligning the sentences A of the MT with the sentences B of the correction. */
export function alignSentences(mt: string, corrected: string, A: Range[], B: Range[]): Bead[] {
  const pa = A.map((r) => bigramProfile(mt.slice(r.start, r.end)));
  const pb = B.map((r) => bigramProfile(corrected.slice(r.start, r.end)));
  const out: Bead[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of anchors(mt, corrected, A, B)) {
    alignGap(pa, pb, i, ai, j, bj, out);
    out.push({ a0: ai, a1: ai + 1, b0: bj, b1: bj + 1 });
    i = ai + 1;
    j = bj + 1;
  }
  alignGap(pa, pb, i, A.length, j, B.length, out);
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
    const A = splitSentences(mt);
    const B = splitSentences(corrected);
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
  const preTokenised = isPreTokenised(mt) && isPreTokenised(corrected);
  return ranges.map(([ra, rb], id) => ({
    id,
    mt: ra,
    corrected: rb,
    mtTokens: tokenize(mt, ra, { preTokenised }),
    correctedTokens: tokenize(corrected, rb, { preTokenised }),
  }));
}
