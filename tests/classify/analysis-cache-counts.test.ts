import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/align/tokenize.js';
import { AnalysisCache, EditView } from '../../src/classify/edit-view.js';
import { english } from '../../src/classify/en/index.js';
import type { Edit, SegmentPair } from '../../src/model.js';

// Token counts are computed once per segment side (a speed-up): every edit of the segment must see the same,
// correct counts.
describe('AnalysisCache.counts', () => {
  const mt = 'The cat saw the Cat and the dog.';
  const corrected = 'The dog saw the cat.';
  const pair: SegmentPair = {
    id: 0,
    mt: { start: 0, end: mt.length },
    corrected: { start: 0, end: corrected.length },
    mtTokens: tokenize(mt),
    correctedTokens: tokenize(corrected),
  };
  const ctx = { mt, corrected, pairs: [pair] };
  const span = (text: string, start: number, end: number) => ({ start, end, line: 1, col: start + 1, endLine: 1, endCol: end + 1, text: text.slice(start, end) });
  const edit = (m: [number, number], c: [number, number]): Edit => ({
    segment: 0,
    operation: 'replace',
    mt: span(mt, pair.mtTokens[m[0]]!.start, pair.mtTokens[m[1] - 1]!.end),
    corrected: span(corrected, pair.correctedTokens[c[0]]!.start, pair.correctedTokens[c[1] - 1]!.end),
    mtTokens: m,
    correctedTokens: c,
  });

  it('counts lower-cased token texts of the whole segment side, once for all its edits', () => {
    const cache = new AnalysisCache(ctx, english);
    const a = new EditView(edit([1, 2], [1, 2]), ctx, english, pair, cache);
    const b = new EditView(edit([4, 8], [4, 5]), ctx, english, pair, cache);
    expect(Object.fromEntries(a.mt.counts)).toEqual({ the: 3, cat: 2, saw: 1, and: 1, dog: 1, '.': 1 });
    expect(Object.fromEntries(a.cor.counts)).toEqual({ the: 2, dog: 1, saw: 1, cat: 1, '.': 1 });
    expect(b.mt.counts).toBe(a.mt.counts);
    expect(b.cor.counts).toBe(a.cor.counts);
  });
});
