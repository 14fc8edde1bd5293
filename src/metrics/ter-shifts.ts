// sacrebleu's TER shift search (lib_ter.py: translation_edit_rate, _shift, _find_shifted_pairs, _perform_shift)
// on interned token ids. Same candidates in the same order, the same 1000-candidate budget per sentence, the same
// ranking key (edit-distance drop, block length, −start, −target); what differs is only how much work each
// candidate costs: rows of the unchanged prefix are reused, the unchanged suffix is joined through precomputed
// backward distances (so only the rows of the moved region are computed), repeated (start, length, target)
// triples are not re-scored, and a candidate's edit distance stops as soon as it can no longer win.

import { BeamEditDistance, OP_DEL, OP_INS, OP_NOP, OP_SUB, type TraceOp } from './ter-beam.js';

export const MAX_SHIFT_SIZE = 10;
export const MAX_SHIFT_DIST = 50;
export const MAX_SHIFT_CANDIDATES = 1000;

/** One applied shift: the block hyp[start, start+length) of the hypothesis *before* this shift is moved to
 *  stand before original index `target` (sacrebleu's convention; `target` ≤ start means to the left). */
export interface TerShift {
  start: number;
  length: number;
  target: number;
  /** How much the word edit distance dropped (the shift's own cost of 1 is not subtracted). */
  reduction: number;
}

export interface TerSearchResult {
  /** Shifts + edit distance of the shifted hypothesis. */
  edits: number;
  shifts: TerShift[];
  /** The hypothesis after all shifts, as indices into the original hypothesis. */
  shiftedSource: number[];
  /** Edit-distance trace of the shifted hypothesis vs the reference (sacrebleu's ops, not flipped). */
  trace: TraceOp[];
  candidatesChecked: number;
  hitCandidateCap: boolean;
}

/** sacrebleu `_perform_shift` into `out` (Python slice semantics; indices are clamped to [0, n]). */
export function performShift(words: ArrayLike<number>, n: number, start: number, length: number, target: number, out: Int32Array | number[]): void {
  let k = 0;
  // The three branches of sacrebleu, each as four slices [a0,a1) [b0,b1) [c0,c1) [d0,d1).
  let a1: number, b0: number, b1: number, c0: number, c1: number, d0: number;
  if (target < start) {
    a1 = target; b0 = start; b1 = start + length; c0 = target; c1 = start; d0 = start + length;
  } else if (target > start + length) {
    a1 = start; b0 = start + length; b1 = target; c0 = start; c1 = start + length; d0 = target;
  } else {
    // "Inside itself": with target = start the list comes back unchanged.
    a1 = start; b0 = start + length; b1 = length + target; c0 = start; c1 = start + length; d0 = length + target;
  }
  const cl = (x: number): number => (x < 0 ? 0 : x > n ? n : x);
  for (let x = 0, e = cl(a1); x < e; x++) out[k++] = words[x]!;
  for (let x = cl(b0), e = cl(b1); x < e; x++) out[k++] = words[x]!;
  for (let x = cl(c0), e = cl(c1); x < e; x++) out[k++] = words[x]!;
  for (let x = cl(d0); x < n; x++) out[k++] = words[x]!;
}

/** Reusable buffers (they only grow), so that scoring many short pairs allocates almost nothing. */
const ed = new BeamEditDistance();
let cur = new Int32Array(0);
let best = new Int32Array(0);
let herrSum = new Int32Array(0);
let align = new Int32Array(0);
let rerrSum = new Int32Array(0);
let firstPos = new Int32Array(0);
let nextPos = new Int32Array(0);
let seenStamp = new Uint32Array(0);
let stamp = 0;
/** Above this many (start, target, length) keys per pair, a Set is used instead of a stamp array. */
const MAX_STAMP_KEYS = 1 << 22;

function ensure(n: number, m: number, vocab: number): void {
  if (cur.length < n) {
    cur = new Int32Array(2 * n);
    best = new Int32Array(2 * n);
    herrSum = new Int32Array(2 * n + 1);
  }
  if (align.length < m) {
    align = new Int32Array(2 * m);
    rerrSum = new Int32Array(2 * m + 1);
    nextPos = new Int32Array(2 * m);
  }
  if (firstPos.length < vocab) firstPos = new Int32Array(2 * vocab).fill(-1); // all -1 between searches
}

/** The whole TER search for one hypothesis/reference pair of interned tokens (reference non-empty). Token ids
 *  must be small non-negative integers (an interning of both sides). */
export function terSearch(hyp: Int32Array, ref: Int32Array): TerSearchResult {
  const n = hyp.length;
  const m = ref.length;
  let vocab = 0;
  for (let i = 0; i < n; i++) if (hyp[i]! >= vocab) vocab = hyp[i]! + 1;
  for (let j = 0; j < m; j++) if (ref[j]! >= vocab) vocab = ref[j]! + 1;
  ensure(n, m, vocab);
  ed.reset(ref, n);

  // Positions of each token id in the reference, as ascending linked lists: candidate pairs start only where
  // the words are equal.
  for (let r = m - 1; r >= 0; r--) {
    nextPos[r] = firstPos[ref[r]!]!;
    firstPos[ref[r]!] = r;
  }

  cur.set(hyp);
  const src = Array.from({ length: n }, (_, i) => i);
  const shifts: TerShift[] = [];
  let checked = 0;
  let hitCap = false;
  let pre = 0;
  let trace: TraceOp[] = [];

  const keySpace = n * (n + 1) * (MAX_SHIFT_SIZE + 1);
  const useStamps = keySpace <= MAX_STAMP_KEYS;
  if (useStamps && seenStamp.length < keySpace) seenStamp = new Uint32Array(Math.min(MAX_STAMP_KEYS, 2 * keySpace));
  let seenSet: Set<number> | undefined;

  // Rows of the forward / backward edit-distance matrices still valid after the last applied shift.
  let keepRows = 0;
  let suffixFrom = n + 1;
  for (;;) {
    // --- one shift round (sacrebleu _shift) ---
    pre = ed.computeBase(cur, keepRows, suffixFrom);
    trace = ed.trace();
    // Alignment from the flipped trace: ' '/'s' pair words, our 'd' is an extra hypothesis word, our 'i' a
    // reference word aligned to the previous hypothesis position (possibly -1).
    let h = -1;
    let r = -1;
    for (let t = 0; t < trace.length; t++) {
      const op = trace[t]!;
      if (op === OP_NOP || op === OP_SUB) {
        h++;
        r++;
        align[r] = h;
        const e = op === OP_SUB ? 1 : 0;
        herrSum[h + 1] = herrSum[h]! + e;
        rerrSum[r + 1] = rerrSum[r]! + e;
      } else if (op === OP_DEL) {
        h++;
        herrSum[h + 1] = herrSum[h]! + 1;
      } else {
        r++;
        align[r] = h;
        rerrSum[r + 1] = rerrSum[r]! + 1;
      }
    }

    if (useStamps) {
      stamp++;
      if (stamp === 0xffffffff) {
        seenStamp.fill(0);
        stamp = 1;
      }
    } else seenSet = new Set<number>();

    let hasBest = false;
    let bDelta = 0;
    let bLen = 0;
    let bStart = 0;
    let bIdx = 0;

    search: for (let sh = 0; sh < n; sh++) {
      for (let sr = firstPos[cur[sh]!]!; sr !== -1; sr = nextPos[sr]!) {
        if (sr < sh - MAX_SHIFT_DIST) continue;
        if (sr > sh + MAX_SHIFT_DIST) break;
        for (let len = 1; len <= MAX_SHIFT_SIZE; len++) {
          if (len > 1 && cur[sh + len - 1] !== ref[sr + len - 1]) break;
          // --- candidate (sh, sr, len): both sides must have an error, and the block must not already sit
          // where the reference start is aligned ---
          const a = align[sr]!;
          if (herrSum[sh + len]! !== herrSum[sh]! && rerrSum[sr + len]! !== rerrSum[sr]! && !(sh <= a && a < sh + len)) {
            let prevIdx = -1;
            for (let off = -1; off < len; off++) {
              const idx = sr + off === -1 ? 0 : align[sr + off]! + 1;
              if (idx === prevIdx) continue;
              prevIdx = idx;
              checked++;
              // The same (start, length, target) from another reference start gives an equal key, which can
              // never be strictly greater than the best so far: no need to score it again.
              const key = (sh * (n + 1) + idx) * (MAX_SHIFT_SIZE + 1) + len;
              if (useStamps) {
                if (seenStamp[key] === stamp) continue;
                seenStamp[key] = stamp;
              } else {
                if (seenSet!.has(key)) continue;
                seenSet!.add(key);
              }
              const tieWins = !hasBest || len > bLen || (len === bLen && (sh < bStart || (sh === bStart && idx < bIdx)));
              let dist: number;
              if (idx === sh) {
                dist = pre; // the list comes back unchanged
              } else {
                // Largest distance that would still win; a candidate whose rows all exceed it is dropped early.
                const limit = hasBest ? pre - bDelta - (tieWins ? 0 : 1) : 0x3fffffff;
                if (limit < 0) continue;
                // The shifted list after its unchanged prefix is three slices of cur (see performShift).
                let b0: number, b1: number, c0: number, c1: number, d0: number;
                if (idx < sh) {
                  b0 = sh; b1 = sh + len; c0 = idx; c1 = sh; d0 = sh + len;
                } else if (idx > sh + len) {
                  b0 = sh + len; b1 = idx; c0 = sh; c1 = sh + len; d0 = idx;
                } else {
                  b0 = sh + len; b1 = Math.min(n, len + idx); c0 = sh; c1 = sh + len; d0 = Math.min(n, len + idx);
                }
                dist = ed.distanceAfterShift(cur, idx < sh ? idx : sh, b0, b1 - b0, c0, c1 - c0, d0, limit);
                if (dist < 0) continue;
              }
              const delta = pre - dist;
              if (!hasBest || delta > bDelta || (delta === bDelta && tieWins)) {
                hasBest = true;
                bDelta = delta;
                bLen = len;
                bStart = sh;
                bIdx = idx;
              }
            }
            if (checked >= MAX_SHIFT_CANDIDATES) break search;
          }
          if (sh + len === n || sr + len === m) break;
        }
      }
    }

    if (checked >= MAX_SHIFT_CANDIDATES) {
      hitCap = true;
      break; // sacrebleu drops the round that crossed the budget, even a good one
    }
    if (!hasBest || bDelta <= 0) break;
    performShift(cur, n, bStart, bLen, bIdx, best);
    keepRows = Math.min(bStart, bIdx);
    suffixFrom = bIdx < bStart ? bStart + bLen : bIdx > bStart + bLen ? bIdx : Math.min(n, bLen + bIdx);
    const t = cur;
    cur = best;
    best = t;
    const srcShifted = new Array<number>(n);
    performShift(src, n, bStart, bLen, bIdx, srcShifted);
    for (let i = 0; i < n; i++) src[i] = srcShifted[i]!;
    shifts.push({ start: bStart, length: bLen, target: bIdx, reduction: bDelta });
  }

  for (let r = 0; r < m; r++) firstPos[ref[r]!] = -1;
  return { edits: shifts.length + pre, shifts, shiftedSource: src, trace, candidatesChecked: checked, hitCandidateCap: hitCap };
}
