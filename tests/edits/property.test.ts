import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/edits/apply.js';
import { extractEdits } from '../../src/edits/extract.js';
import { LineIndex } from '../../src/io/lines.js';
import type { Edit } from '../../src/model.js';
import { alignSegments, lineRanges } from '../../src/segment/align-segments.js';

const RUNS = Number(process.env.TQA_PROPERTY_RUNS ?? 300);
const WORDS = [
  'the', 'a', 'of', 'Ukraine', 'security', 'guarantees', 'Mr.', 'U.S.', 'large-scale', 'Carney’s', "Canada's",
  '1,500', '3.14', 'coalition', 'conference', 'call', 'Zelensky', 'Volodyr', 'thespecial', 'é', 'naïve', '😀',
  '👍🏽', '“quoted”', '(note)', 'face-to-face', 'e.g.', 'MM.', 'said', 'on', 'Monday', 'leaders', 'Ω',
];
const PUNCT = ['.', ',', ';', ':', '!', '?', ' .', ' ,', '…', '’', '"'];
const SPACES = [' ', ' ', ' ', ' ', '  ', '\n', '\r\n', '\n\n', '\t', ' \n'];

/** A text: words with random punctuation and whitespace. */
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.option(fc.constantFrom(...PUNCT), { freq: 3 }), fc.constantFrom(...SPACES)), {
    maxLength: 40,
  })
  .chain((parts) =>
    fc.tuple(fc.constant(parts), fc.boolean(), fc.constantFrom('', ' ', '\n', '  \n')).map(([ps, capital, lead]) => {
      const body = ps.map(([w, p, s]) => w + (p ?? '') + s).join('');
      const t = lead + (capital ? body.charAt(0).toUpperCase() + body.slice(1) : body);
      return t;
    }),
  );

type Change =
  | { kind: 'replace'; at: number; word: string }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; word: string }
  | { kind: 'move'; at: number; len: number; to: number }
  | { kind: 'swap'; at: number }
  | { kind: 'space'; at: number; space: string }
  | { kind: 'join'; at: number };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(60), word: fc.constantFrom(...WORDS, ...PUNCT) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(60), len: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(60), word: fc.constantFrom(...WORDS, ...PUNCT) }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(60), len: fc.integer({ min: 1, max: 4 }), to: fc.nat(60) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(60) }),
  fc.record({ kind: fc.constant('space' as const), at: fc.nat(60), space: fc.constantFrom(...SPACES, '') }),
  fc.record({ kind: fc.constant('join' as const), at: fc.nat(60) }),
);

/** Apply word-level changes to a text split into (word, following whitespace) pieces. Keeps line count when
 *  `keepLines` (for the lines mode), by never touching line breaks. */
function edit(text: string, changes: Change[], keepLines: boolean): string {
  const pieces = [...text.matchAll(/(\S+)(\s*)/gu)].map((m) => [m[1]!, m[2]!] as [string, string]);
  const lead = /^\s*/u.exec(text)![0];
  const hasBreak = (k: number): boolean => /\n/u.test(pieces[k]?.[1] ?? '');
  for (const c of changes) {
    if (pieces.length === 0) {
      if (c.kind === 'insert') pieces.push([c.word, '']);
      continue;
    }
    const at = c.at % pieces.length;
    switch (c.kind) {
      case 'replace':
        pieces[at]![0] = c.word.trim() || ',';
        break;
      case 'insert':
        pieces.splice(at, 0, [c.word.trim() || ',', ' ']);
        break;
      case 'delete': {
        let len = Math.min(c.len, pieces.length - at);
        if (keepLines) while (len > 0 && pieces.slice(at, at + len).some((_, k) => hasBreak(at + k))) len--;
        pieces.splice(at, len);
        break;
      }
      case 'move': {
        let len = Math.min(c.len, pieces.length - at);
        if (keepLines) while (len > 0 && pieces.slice(at, at + len).some((_, k) => hasBreak(at + k))) len--;
        const moved = pieces.splice(at, len).map(([w]) => [w, ' '] as [string, string]);
        const to = pieces.length === 0 ? 0 : c.to % (pieces.length + 1);
        pieces.splice(to, 0, ...moved);
        break;
      }
      case 'swap':
        if (at + 1 < pieces.length) {
          const w = pieces[at]![0];
          pieces[at]![0] = pieces[at + 1]![0];
          pieces[at + 1]![0] = w;
        }
        break;
      case 'space':
        if (!keepLines || !hasBreak(at)) pieces[at]![1] = keepLines ? c.space.replace(/\r?\n/gu, ' ') : c.space;
        break;
      case 'join':
        if (at + 1 < pieces.length && (!keepLines || !hasBreak(at))) pieces[at]![1] = '';
        break;
    }
  }
  return lead + pieces.map(([w, s]) => w + s).join('');
}

function checkEdits(mt: string, corrected: string, edits: Edit[]): void {
  expect(applyEdits(mt, edits)).toBe(corrected);
  const mtLines = new LineIndex(mt);
  const cLines = new LineIndex(corrected);
  let lastEnd = 0;
  for (const e of edits) {
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
    expect(e.mt.text !== e.corrected.text || e.moveTo !== undefined || e.operation === 'move').toBe(true);
  }
}

describe('apply(extract) === corrected', () => {
  it('holds for random texts and random edits, auto segmentation', () => {
    fc.assert(
      fc.property(textArb, fc.array(changeArb, { maxLength: 8 }), (mt, changes) => {
        const corrected = edit(mt, changes, false);
        const pairs = alignSegments(mt, corrected, { segmentation: 'auto' });
        checkEdits(mt, corrected, extractEdits(mt, corrected, pairs, { strict: true }));
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
        checkEdits(mt, corrected, extractEdits(mt, corrected, pairs, { strict: true }));
      }),
      { numRuns: RUNS },
    );
  });

  it('holds for two unrelated texts', () => {
    fc.assert(
      fc.property(textArb, textArb, (mt, corrected) => {
        const pairs = alignSegments(mt, corrected, { segmentation: 'auto' });
        checkEdits(mt, corrected, extractEdits(mt, corrected, pairs, { strict: true }));
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
