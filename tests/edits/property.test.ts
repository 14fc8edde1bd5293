import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/edits/apply.js';
import { extractEdits } from '../../src/edits/extract.js';
import { LineIndex } from '../../src/io/lines.js';
import type { Edit, SegmentPair, Token } from '../../src/model.js';
import { alignSegments, lineRanges } from '../../src/segment/align-segments.js';
import { changeArb, edit, textArb } from './generate.js';

const RUNS = Number(process.env.TQA_PROPERTY_RUNS ?? 300);
function checkEdits(mt: string, corrected: string, edits: Edit[], pairs: SegmentPair[] = []): void {
  const segments = pairs.length || Infinity;
  expect(applyEdits(mt, edits)).toBe(corrected);
  const mtLines = new LineIndex(mt);
  const cLines = new LineIndex(corrected);
  let lastEnd = 0;
  for (const e of edits) {
    expect(e.segment).toBeLessThan(segments);
    expect(e.mt.start).toBeGreaterThanOrEqual(0);
    expect(e.mt.end).toBeLessThanOrEqual(mt.length);
    expect(e.corrected.end).toBeLessThanOrEqual(corrected.length);
    expect(e.mt.text).toBe(mt.slice(e.mt.start, e.mt.end));
    expect(e.corrected.text).toBe(corrected.slice(e.corrected.start, e.corrected.end));
    expect(mtLines.span(e.mt.start, e.mt.end)).toEqual(e.mt);
    expect(cLines.span(e.corrected.start, e.corrected.end)).toEqual(e.corrected);
    // MT ranges do not overlap and come in MT order (a move's insertion point aside).
    expect(e.mt.start).toBeGreaterThanOrEqual(lastEnd);
    lastEnd = e.mt.end;
    if (e.operation === 'insert') expect(e.mt.start).toBe(e.mt.end);
    if (e.operation === 'delete') expect(e.corrected.start).toBe(e.corrected.end);
    if (!e.moveTo) expect(e.mt.text, 'a no-op edit').not.toBe(e.corrected.text);
    // Spans cover whole tokens: the edit's tokens lie inside it, no other token of its segment is cut by it.
    const pair = pairs[e.segment];
    if (pair) {
      const sides: Array<[Token[], [number, number], { start: number; end: number }]> = [[pair.mtTokens, e.mtTokens, e.mt]];
      if (!e.moveTo) sides.push([pair.correctedTokens, e.correctedTokens, e.corrected]);
      for (const [toks, [from, to], span] of sides) {
        toks.forEach((t, k) => {
          if (k >= from && k < to) expect(t.start >= span.start && t.end <= span.end, `token ${t.text} inside`).toBe(true);
          else expect(t.end <= span.start || t.start >= span.end, `token ${t.text} outside`).toBe(true);
        });
      }
    }
  }
}

describe('apply(extract) === corrected', () => {
  it('holds for random texts and random edits, auto segmentation', () => {
    fc.assert(
      fc.property(textArb, fc.array(changeArb, { maxLength: 8 }), (mt, changes) => {
        const corrected = edit(mt, changes, false);
        const pairs = alignSegments(mt, corrected, { segmentation: 'auto' });
        checkEdits(mt, corrected, extractEdits(mt, corrected, pairs, { strict: true }), pairs);
      }),
      { numRuns: RUNS },
    );
  });

  it('holds for random texts and random edits, lines segmentation', () => {
    fc.assert(
      fc.property(textArb, fc.array(changeArb, { maxLength: 8 }), (mt, changes) => {
        const corrected = edit(mt, changes, true);
        fc.pre(lineRanges(mt).length === lineRanges(corrected).length);
        const pairs = alignSegments(mt, corrected, { segmentation: 'lines' });
        checkEdits(mt, corrected, extractEdits(mt, corrected, pairs, { strict: true }), pairs);
      }),
      { numRuns: RUNS },
    );
  });

  it('holds for two unrelated texts', () => {
    fc.assert(
      fc.property(textArb, textArb, (mt, corrected) => {
        const pairs = alignSegments(mt, corrected, { segmentation: 'auto' });
        checkEdits(mt, corrected, extractEdits(mt, corrected, pairs, { strict: true }), pairs);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives no edits for a text audited against itself', () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom('auto' as const, 'lines' as const), (text, segmentation) => {
        expect(extractEdits(text, text, alignSegments(text, text, { segmentation }), { strict: true })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
