// sacrebleu's TER shift search (lib_ter.py: translation_edit_rate, _shift, _find_shifted_pairs, _perform_shift)
// on interned token ids. Same candidates in the same order, the same 1000-candidate budget per sentence, the same
// ranking key (edit-distance drop, block length, −start, −target); what differs is only how much work each
// candidate costs: rows of the unchanged prefix are reused, repeated (start, length, target) triples are not
// re-scored, and a candidate's edit distance stops as soon as it can no longer win.

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

/** sacrebleu `_perform_shift` into `out` (Python slice semantics; out.length === words.length). */
export function performShift(words: ArrayLike<number>, start: number, length: number, target: number, out: Int32Array | number[]): void {
  const n = words.length;
  let k = 0;
  const copy = (from: number, to: number): void => {
    const a = Math.min(Math.max(from, 0), n);
    const b = Math.min(Math.max(to, 0), n);
    for (let x = a; x < b; x++) out[k++] = words[x]!;
  };
  if (target < start) {
    copy(0, target);
    copy(start, start + length);
    copy(target, start);
    copy(start + length, n);
  } else if (target > start + length) {
    copy(0, start);
    copy(start + length, target);
    copy(start, start + length);
    copy(target, n);
  } else {
    // "Inside itself": with target = start the list comes back unchanged.
    copy(0, start);
    copy(start + length, length + target);
    copy(start, start + length);
    copy(length + target, n);
  }
}

/** The whole TER search for one hypothesis/reference pair of interned tokens (reference non-empty). */
export function terSearch(hyp: Int32Array, ref: Int32Array): TerSearchResult {
  const n = hyp.length;
  const m = ref.length;
  const ed = new BeamEditDistance(ref, n);

  // Positions of each token id in the reference, ascending: candidate pairs start only where words are equal.
  const refPositions = new Map<number, number[]>();
  for (let r = 0; r < m; r++) {
    const list = refPositions.get(ref[r]!);
    if (list) list.push(r);
    else refPositions.set(ref[r]!, [r]);
  }

  let cur = Int32Array.from(hyp);
  const src = Array.from({ length: n }, (_, i) => i);
  const shifts: TerShift[] = [];
  let checked = 0;
  let hitCap = false;

  const shifted = new Int32Array(n);
  let best = new Int32Array(n);
  const align = new Int32Array(m);
  const herrSum = new Int32Array(n + 1); // prefix sums of hypothesis / reference error flags
  const rerrSum = new Int32Array(m + 1);
  let pre = 0;
  let trace: TraceOp[] = [];

  for (;;) {
    // --- one shift round (sacrebleu _shift) ---
    pre = ed.computeBase(cur);
    trace = ed.trace();
    // Alignment from the flipped trace: ' '/'s' pair words, our 'd' is an extra hypothesis word, our 'i' a
    // reference word aligned to the previous hypothesis position (possibly -1).
    {
      let h = -1;
      let r = -1;
      for (const op of trace) {
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
    }

    let hasBest = false;
    let bDelta = 0;
    let bLen = 0;
    let bStart = 0;
    let bIdx = 0;
    const seen = new Set<number>();

    outer: for (let sh = 0; sh < n; sh++) {
      const positions = refPositions.get(cur[sh]!);
      if (!positions) continue;
      for (const sr of positions) {
        if (sr < sh - MAX_SHIFT_DIST) continue;
        if (sr > sh + MAX_SHIFT_DIST) break;
        for (let len = 1; len <= MAX_SHIFT_SIZE; len++) {
          if (len > 1 && cur[sh + len - 1] !== ref[sr + len - 1]) break;
          // --- candidate (sh, sr, len) ---
          if (herrSum[sh + len]! - herrSum[sh]! !== 0 && rerrSum[sr + len]! - rerrSum[sr]! !== 0) {
            const a = align[sr]!;
            if (!(sh <= a && a < sh + len)) {
              let prevIdx = -1;
              for (let off = -1; off < len; off++) {
                const idx = sr + off === -1 ? 0 : align[sr + off]! + 1;
                if (idx === prevIdx) continue;
                prevIdx = idx;
                checked++;
                const key = (sh * (n + 1) + idx) * (MAX_SHIFT_SIZE + 1) + len;
                // The same (start, length, target) from another reference start gives an equal key, which
                // can never be strictly greater than the best so far.
                if (seen.has(key)) continue;
                seen.add(key);
                const tieWins =
                  !hasBest || len > bLen || (len === bLen && (sh < bStart || (sh === bStart && idx < bIdx)));
                let dist: number;
                if (idx === sh) {
                  dist = pre; // unchanged list
                } else {
                  const limit = hasBest ? pre - bDelta - (tieWins ? 0 : 1) : Number.MAX_SAFE_INTEGER;
                  if (limit < 0) continue;
                  performShift(cur, sh, len, idx, shifted);
                  dist = ed.distanceFrom(shifted, Math.min(sh, idx), limit);
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
              if (checked >= MAX_SHIFT_CANDIDATES) break outer;
            }
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
    performShift(cur, bStart, bLen, bIdx, best);
    [cur, best] = [best, cur];
    const srcShifted = new Array<number>(n);
    performShift(src, bStart, bLen, bIdx, srcShifted);
    for (let i = 0; i < n; i++) src[i] = srcShifted[i]!;
    shifts.push({ start: bStart, length: bLen, target: bIdx, reduction: bDelta });
  }

  return { edits: shifts.length + pre, shifts, shiftedSource: src, trace, candidatesChecked: checked, hitCandidateCap: hitCap };
}
