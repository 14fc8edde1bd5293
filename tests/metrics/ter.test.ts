import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hterFromStats,
  terAlignment,
  terAlignTokens,
  terCorpus,
  terSentence,
  terSignature,
  terTokens,
} from '../../src/metrics/index.js';
import { performShift } from '../../src/metrics/ter-shifts.js';
import { CORPUS, VECTORS } from './vectors.js';

describe('TER against sacrebleu 2.6.0 vectors', () => {
  it('has the vectors', () => {
    expect(VECTORS.length).toBe(167);
    expect(CORPUS.n).toBe(167);
  });

  it.each(VECTORS.map((v) => [v.id, v.cat, v] as const))('vector %i (%s): score, edits and length bit-equal', (_id, _cat, v) => {
    const s = terSentence(v.hyp, v.ref);
    expect(s.score).toBe(v.ter);
    expect(s.edits).toBe(v.ter_edits);
    expect(s.refLength).toBe(v.ter_ref_len);
  });

  it.each(VECTORS.map((v) => [v.id, v] as const))('vector %i: alignment, shifts and candidate count as sacrebleu', (_id, v) => {
    const a = terAlignment(v.hyp, v.ref);
    const d = v.detail.ter;
    expect(a.hypTokens).toEqual(d.hyp_tokens);
    expect(a.refTokens).toEqual(d.ref_tokens);
    expect(a.alignment).toBe(v.ter_alignment);
    expect(a.ops).toEqual(d.ops);
    expect(a.shifts.map((s) => ({ start: s.start, length: s.length, target: s.target, words: s.words, ed_reduction: s.reduction }))).toEqual(d.shifts);
    expect(a.shifts.length).toBe(v.ter_shifts);
    expect(a.hypAfterShift).toEqual(d.hyp_after_shift);
    expect(a.hypAfterShiftSource).toEqual(d.hyp_after_shift_src);
    expect(a.candidatesChecked).toBe(d.candidates_checked);
    expect(a.hitCandidateCap).toBe(d.hit_candidate_cap);
    expect(a.edits).toBe(v.ter_edits);
  });

  it('covers the 1000-candidate cap (5 vectors in the full set hit it)', () => {
    const capped = VECTORS.filter((v) => v.detail.ter.hit_candidate_cap).map((v) => v.id);
    expect(capped.length).toBeGreaterThan(0);
    for (const id of capped) expect(terAlignment(VECTORS.find((v) => v.id === id)!.hyp, VECTORS.find((v) => v.id === id)!.ref).hitCandidateCap).toBe(true);
  });

  it('corpus TER = summed edits / summed lengths, bit-equal', () => {
    const c = terCorpus(
      VECTORS.map((v) => v.hyp),
      VECTORS.map((v) => v.ref),
    );
    expect(c.edits).toBe(CORPUS.ter_edits);
    expect(c.refLength).toBe(CORPUS.ter_ref_len);
    expect(c.score).toBe(CORPUS.ter);
  });

  it('signature as sacrebleu', () => {
    expect(terSignature()).toBe(CORPUS.signatures.ter);
    expect(terSignature({ caseSensitive: true })).toBe('nrefs:1|case:mixed|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0');
  });
});

describe('TER details', () => {
  it('tokenises on Python whitespace only and lower-cases', () => {
    expect(terTokens('A\u00a0b\u001fc\u0085d\ufeffe  ')).toEqual(['a', 'b', 'c', 'd\ufeffe']);
    expect(terTokens('Hello World', { caseSensitive: true })).toEqual(['Hello', 'World']);
  });

  it('is case-insensitive by default and case-sensitive on request', () => {
    expect(terSentence('The Cat', 'the cat').edits).toBe(0);
    expect(terSentence('The Cat', 'the cat', { caseSensitive: true }).edits).toBe(2);
  });

  it('empty reference: edits = hypothesis length, score 100 (or 0 when both are empty)', () => {
    expect(terSentence('a b c', '')).toEqual({ edits: 3, refLength: 0, score: 100 });
    expect(terSentence('', '')).toEqual({ edits: 0, refLength: 0, score: 0 });
  });

  it('HTER is the edit rate as a fraction capped at 1', () => {
    expect(hterFromStats({ edits: 2, refLength: 8 })).toBe(0.25);
    expect(hterFromStats({ edits: 86, refLength: 2 })).toBe(1);
    expect(hterFromStats({ edits: 0, refLength: 0 })).toBe(0);
  });

  it('performShift follows sacrebleu slicing in all three branches', () => {
    const w = [0, 1, 2, 3, 4, 5];
    const out = (s: number, l: number, t: number): number[] => {
      const o = new Array<number>(w.length);
      performShift(w, w.length, s, l, t, o);
      return o;
    };
    expect(out(3, 2, 1)).toEqual([0, 3, 4, 1, 2, 5]); // to the left
    expect(out(1, 2, 5)).toEqual([0, 3, 4, 1, 2, 5]); // to the right
    expect(out(1, 2, 1)).toEqual(w); // inside itself, unchanged
    expect(out(1, 2, 3)).toEqual([0, 3, 4, 1, 2, 5]); // inside itself, jumps over the next 2 words
    expect(out(4, 2, 6)).toEqual(w); // clamped at the end
  });
});

// ---------------------------------------------------------------------------------------------------------
// A plain, unoptimised re-statement of sacrebleu's lib_ter.py (string tokens, full banded matrix per call, every
// candidate scored, no caching, no early cut-off). The optimised search must give the same edits, shifts and
// candidate count on any input.

const INF = 1e16;

function refBeamEditDistance(h: string[], r: string[]): { dist: number; trace: string } {
  const n = h.length;
  const m = r.length;
  const dist: Array<Array<[number, string]>> = [Array.from({ length: m + 1 }, (_, j) => [j, 'i'] as [number, string])];
  for (let i = 0; i < n; i++) dist.push(Array.from({ length: m + 1 }, () => [INF, 'x'] as [number, string]));
  const ratio = n > 0 ? m / n : 1;
  const beam = 25 < ratio / 2 ? Math.ceil(ratio / 2 + 25) : 25;
  for (let i = 1; i <= n; i++) {
    const pd = Math.floor(i * ratio);
    const minJ = Math.max(0, pd - beam);
    let maxJ = Math.min(m + 1, pd + beam);
    if (i === n) maxJ = m + 1;
    for (let j = minJ; j < maxJ; j++) {
      if (j === 0) {
        dist[i]![j] = [dist[i - 1]![j]![0] + 1, 'd'];
        continue;
      }
      const same = h[i - 1] === r[j - 1];
      const options: Array<[number, string]> = [
        [dist[i - 1]![j - 1]![0] + (same ? 0 : 1), same ? ' ' : 's'],
        [dist[i - 1]![j]![0] + 1, 'd'],
        [dist[i]![j - 1]![0] + 1, 'i'],
      ];
      for (const [c, op] of options) if (dist[i]![j]![0] > c) dist[i]![j] = [c, op];
    }
  }
  let trace = '';
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const op = dist[i]![j]![1];
    trace = op + trace;
    if (op === ' ' || op === 's') {
      i--;
      j--;
    } else if (op === 'i') j--;
    else if (op === 'd') i--;
    else throw new Error(`bad op ${op}`);
  }
  return { dist: dist[n]![m]![0], trace };
}

function refPerformShift(w: string[], start: number, length: number, target: number): string[] {
  if (target < start) return [...w.slice(0, target), ...w.slice(start, start + length), ...w.slice(target, start), ...w.slice(start + length)];
  if (target > start + length)
    return [...w.slice(0, start), ...w.slice(start + length, target), ...w.slice(start, start + length), ...w.slice(target)];
  return [...w.slice(0, start), ...w.slice(start + length, length + target), ...w.slice(start, start + length), ...w.slice(length + target)];
}

function* refShiftedPairs(h: string[], r: string[]): Generator<[number, number, number]> {
  for (let sh = 0; sh < h.length; sh++) {
    for (let sr = 0; sr < r.length; sr++) {
      if (Math.abs(sr - sh) > 50) continue;
      let length = 0;
      while (h[sh + length] === r[sr + length] && length < 10) {
        length++;
        yield [sh, sr, length];
        if (h.length === sh + length || r.length === sr + length) break;
      }
    }
  }
}

function refTer(h: string[], r: string[]): { edits: number; shifts: Array<[number, number, number]>; checked: number } {
  if (r.length === 0) return { edits: h.length, shifts: [], checked: 0 };
  let cur = h;
  let checked = 0;
  const shifts: Array<[number, number, number]> = [];
  for (;;) {
    const { dist: pre, trace: inv } = refBeamEditDistance(cur, r);
    const trace = [...inv].map((c) => (c === 'i' ? 'd' : c === 'd' ? 'i' : c));
    const align = new Map<number, number>();
    const herr: number[] = [];
    const rerr: number[] = [];
    let ph = -1;
    let pr = -1;
    for (const op of trace) {
      if (op === ' ' || op === 's') {
        ph++;
        pr++;
        align.set(pr, ph);
        herr.push(op === 's' ? 1 : 0);
        rerr.push(op === 's' ? 1 : 0);
      } else if (op === 'i') {
        ph++;
        herr.push(1);
      } else {
        pr++;
        align.set(pr, ph);
        rerr.push(1);
      }
    }
    const sum = (a: number[], s: number, l: number): number => a.slice(s, s + l).reduce((x, y) => x + y, 0);
    let best: [number, number, number, number, string[]] | undefined;
    let bestShift: [number, number, number] | undefined;
    for (const [sh, sr, len] of refShiftedPairs(cur, r)) {
      if (sum(herr, sh, len) === 0) continue;
      if (sum(rerr, sr, len) === 0) continue;
      const a = align.get(sr)!;
      if (sh <= a && a < sh + len) continue;
      let prev = -1;
      for (let off = -1; off < len; off++) {
        let idx: number;
        if (sr + off === -1) idx = 0;
        else if (align.has(sr + off)) idx = align.get(sr + off)! + 1;
        else break;
        if (idx === prev) continue;
        prev = idx;
        const shifted = refPerformShift(cur, sh, len, idx);
        const cand: [number, number, number, number, string[]] = [pre - refBeamEditDistance(shifted, r).dist, len, -sh, -idx, shifted];
        checked++;
        const greater =
          !best ||
          cand[0] > best[0] ||
          (cand[0] === best[0] && (cand[1] > best[1] || (cand[1] === best[1] && (cand[2] > best[2] || (cand[2] === best[2] && cand[3] > best[3])))));
        if (greater) {
          best = cand;
          bestShift = [sh, len, idx];
        }
      }
      if (checked >= 1000) break;
    }
    if (checked >= 1000) break;
    if (!best || best[0] <= 0) break;
    shifts.push(bestShift!);
    cur = best[4];
  }
  return { edits: shifts.length + refBeamEditDistance(cur, r).dist, shifts, checked };
}

describe('optimised TER search = plain restatement of sacrebleu (property)', () => {
  const sentence = (vocab: string[], max: number, min = 0) => fc.array(fc.constantFrom(...vocab), { minLength: min, maxLength: max });

  it('random short pairs over a small vocabulary (many repeats, many shifts)', () => {
    fc.assert(
      fc.property(sentence(['a', 'b', 'c', 'd', 'e'], 14), sentence(['a', 'b', 'c', 'd', 'e'], 14), (h, r) => {
        const got = terAlignTokens(h, r);
        const want = refTer(h, r);
        expect(got.edits).toBe(want.edits);
        expect(got.shifts.map((s) => [s.start, s.length, s.target])).toEqual(want.shifts);
        expect(got.candidatesChecked).toBe(want.checked);
      }),
      { numRuns: 400 },
    );
  });

  it('the candidate cap: the round that crosses 1000 candidates is dropped, as in sacrebleu', () => {
    const h = Array.from({ length: 30 }, (_, i) => 'ab'[i % 2]!);
    const r = Array.from({ length: 30 }, (_, i) => 'ab'[(i >> 1) % 2]!);
    const got = terAlignTokens(h, r);
    const want = refTer(h, r);
    expect(got.hitCandidateCap).toBe(true);
    expect(want.checked).toBeGreaterThanOrEqual(1000);
    expect(got.candidatesChecked).toBe(want.checked);
    expect(got.edits).toBe(want.edits);
    expect(got.shifts.map((s) => [s.start, s.length, s.target])).toEqual(want.shifts);
  });

  it('longer pairs over a tiny vocabulary', () => {
    fc.assert(
      fc.property(sentence(['x', 'y', 'z', 'w'], 70, 30), sentence(['x', 'y', 'z', 'w'], 70, 30), (h, r) => {
        const got = terAlignTokens(h, r);
        const want = refTer(h, r);
        expect(got.edits).toBe(want.edits);
        expect(got.candidatesChecked).toBe(want.checked);
      }),
      { numRuns: 8 },
    );
  });

  it('pairs of very different lengths (the band is narrower than the matrix and slanted)', () => {
    const vocab = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    fc.assert(
      fc.property(sentence(vocab, 110, 0), sentence(vocab, 40, 0), fc.boolean(), (long, short, swap) => {
        const [h, r] = swap ? [short, long] : [long, short];
        const got = terAlignTokens(h, r);
        const want = refTer(h, r);
        expect(got.edits).toBe(want.edits);
        expect(got.candidatesChecked).toBe(want.checked);
      }),
      { numRuns: 10 },
    );
  });

  it('block moves of a realistic sentence', () => {
    const words = 'the quick brown fox jumps over the lazy dog and the cat sleeps on the mat'.split(' ');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: words.length - 1 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: words.length }), (s, l, t) => {
        const h = refPerformShift(words, s, Math.min(l, words.length - s), t);
        expect(terAlignTokens(h, words).edits).toBe(refTer(h, words).edits);
      }),
      { numRuns: 150 },
    );
  });
});
