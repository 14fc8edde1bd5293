import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/edits/apply.js';
import { extractEdits } from '../../src/edits/extract.js';
import type { Edit } from '../../src/model.js';
import { alignSegments } from '../../src/segment/align-segments.js';

function audit(mt: string, corrected: string, segmentation: 'auto' | 'lines' = 'auto'): Edit[] {
  const pairs = alignSegments(mt, corrected, { segmentation });
  const edits = extractEdits(mt, corrected, pairs, { strict: true });
  expect(applyEdits(mt, edits)).toBe(corrected);
  // Token ranges point at the tokens the spans cover.
  for (const e of edits) {
    const pair = pairs[e.segment]!;
    const toks = pair.mtTokens.slice(e.mtTokens[0], e.mtTokens[1]);
    if (toks.length && e.operation !== 'move') expect(e.mt.text).toContain(toks.map((t) => t.text).join('').slice(0, 1));
    for (const t of toks) expect(t.start >= e.mt.start && t.end <= e.mt.end).toBe(true);
  }
  return edits;
}
const brief = (es: Edit[]): string[] => es.map((e) => `${e.operation} ${JSON.stringify(e.mt.text)} → ${JSON.stringify(e.corrected.text)}`);

describe('extractEdits', () => {
  it('replaces a misspelt word whole, with a character diff for display', () => {
    const [e, ...rest] = audit('Ukrainian President Volodyr Zelensky.', 'Ukrainian President Volodymyr Zelensky.');
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ operation: 'replace', mt: { text: 'Volodyr', start: 20, end: 27, line: 1, col: 21 }, corrected: { text: 'Volodymyr' } });
    expect(e!.mtTokens).toEqual([2, 3]);
    // The character diff rebuilds both words and only inserts letters.
    const chars = e!.chars!;
    expect(chars.filter((c) => c.op !== 'insert').map((c) => c.text).join('')).toBe('Volodyr');
    expect(chars.filter((c) => c.op !== 'delete').map((c) => c.text).join('')).toBe('Volodymyr');
    expect(chars.some((c) => c.op === 'delete')).toBe(false);
  });

  it('makes "call conference" → "conference call" one move applied in place', () => {
    const es = audit('in a virtual call conference with the coalition', 'in a virtual conference call with the coalition');
    expect(brief(es)).toEqual(['move "call conference" → "conference call"']);
    expect(es[0]!.moveTo).toBeUndefined();
  });

  it('makes a phrase moved across five words one move with moveTo', () => {
    const mt = 'The leaders met on Monday in Paris to discuss the peace plan.';
    const corrected = 'The leaders met in Paris to discuss the peace plan on Monday.';
    const es = audit(mt, corrected);
    expect(es).toHaveLength(1);
    const [e] = es;
    expect(e!.operation).toBe('move');
    expect(e!.mt.text.trim()).toBe('on Monday');
    expect(e!.moveTo).toEqual({ at: mt.indexOf('.'), text: ' on Monday' });
    expect(e!.corrected.text.trim()).toBe('on Monday');
  });

  it('reports a move as a deletion and an insertion when moves are off', () => {
    const mt = 'The leaders met on Monday in Paris to discuss the peace plan.';
    const corrected = 'The leaders met in Paris to discuss the peace plan on Monday.';
    const es = extractEdits(mt, corrected, alignSegments(mt, corrected, { segmentation: 'auto' }), { moves: false, strict: true });
    expect(es.map((e) => e.operation)).toEqual(['delete', 'insert']);
    expect(applyEdits(mt, es)).toBe(corrected);
  });

  it('gives an omission an empty MT range at the point where text is missing', () => {
    const mt = 'he said that he first organized a meeting';
    const [e, ...rest] = audit(mt, 'he said that he would first organize a meeting');
    expect(e).toMatchObject({ operation: 'insert', mt: { start: mt.indexOf('first'), end: mt.indexOf('first'), text: '' }, corrected: { text: 'would ' } });
    expect(brief(rest)).toEqual(['replace "organized" → "organize"']);
  });

  it('gives a deletion an empty corrected range', () => {
    const corrected = 'White House spokeswoman Karoline Leavitt said.';
    const [e] = audit('The White House spokeswoman Karoline Leavitt said.', corrected);
    expect(e).toMatchObject({ operation: 'delete', mt: { text: 'The ' }, corrected: { start: 0, end: 0, text: '' } });
  });

  it('attaches punctuation insertions to the word before', () => {
    expect(brief(audit('in Ukraine and Europe wrote the office.', 'in Ukraine and Europe, wrote the office.'))).toEqual(['insert "" → ","']);
  });

  it('makes token-boundary changes replaces spanning the tokens involved', () => {
    expect(brief(audit('the military alliance of theTake in July', 'the military alliance of NATO in July'))).toEqual(['replace "theTake" → "NATO"']);
    expect(brief(audit('was probably due to thespecial aversion', 'was probably due to the special aversion'))).toEqual([
      'replace "thespecial" → "the special"',
    ]);
    expect(brief(audit('followed by the large -scale invasion', 'followed by the large-scale invasion'))).toEqual([
      'replace "large -scale" → "large-scale"',
    ]);
  });

  it('reports whitespace differences inside a segment: a line break, a space before punctuation, a missing space', () => {
    expect(brief(audit('discuss robust security guarantees\nfor Ukraine since 2023.', 'discuss robust security guarantees for Ukraine since 2023.'))).toEqual([
      'replace "guarantees\\nfor" → "guarantees for"',
    ]);
    expect(brief(audit('Photo : Getty Images', 'Photo: Getty Images'))).toEqual(['replace "Photo :" → "Photo:"']);
    expect(brief(audit('Canada,Japan and Australia.', 'Canada, Japan and Australia.'))).toHaveLength(1);
  });

  it('covers whitespace between segments (the seed’s "as a member\\n. And")', () => {
    const mt = 'Canada is invited to calls as a member\n. And this, despite the fact.';
    const corrected = 'Canada is invited to calls as a member. And this, despite the fact.';
    expect(brief(audit(mt, corrected))).toEqual(['replace "member\\n." → "member."']);
    expect(brief(audit('First sentence here.\nSecond one here.', 'First sentence here. Second one here.'))).toEqual(['replace "\\n" → " "']);
    expect(brief(audit('First sentence here.\r\nSecond one.\r\n', 'First sentence here.\nSecond one.\n', 'lines'))).toEqual([
      'replace "\\r\\n" → "\\n"',
      'replace "\\r\\n" → "\\n"',
    ]);
  });

  it('merges and splits adjacent changes as ERRANT does', () => {
    // adjacent substitutions of two words each side: split
    expect(brief(audit('allies discuss Stable safety guarantees', 'allies discuss robust security guarantees'))).toEqual([
      'replace "Stable" → "robust"',
      'replace "safety" → "security"',
    ]);
    // a verb group rewritten: one edit
    expect(brief(audit('Canada and its allies discuss robust guarantees', 'Canada and its allies have been discussing robust guarantees'))).toEqual([
      'replace "discuss" → "have been discussing"',
    ]);
    // a case change after punctuation joins the punctuation: [, we -> . We]
    expect(brief(audit('It was late, we left early.', 'It was late. We left early.'))).toEqual(['replace ", we" → ". We"']);
    // consecutive deletions: one edit
    expect(brief(audit('it is not necessary to make any decision', 'it is not to make any decision'))).toEqual(['delete "necessary " → ""']);
  });

  it('reproduces ERRANT’s worked examples', () => {
    // README: A 1 2|||R:VERB:SVA|||is, A 2 2|||M:DET|||a, A 2 3|||R:SPELL|||grammatical
    const es = audit('This are gramamtical sentence .', 'This is a grammatical sentence .');
    expect(brief(es)).toEqual(['replace "are" → "is"', 'insert "" → "a "', 'replace "gramamtical" → "grammatical"']);
    expect(es.map((e) => [e.mtTokens, e.correctedTokens])).toEqual([
      [[1, 2], [1, 2]],
      [[2, 2], [2, 3]],
      [[2, 3], [3, 4]],
    ]);
    // v2.3.0 fix (S-D-S runs): "mrom -> from" must not be lost
    expect(brief(audit('In the article mrom The the New York Times .', 'In the article from The New York Times .'))).toContain(
      'replace "mrom" → "from"',
    );
  });

  it('gives blank texts one segment, so that a whitespace edit has a segment', () => {
    const pairs = alignSegments('  \n', '\n', { segmentation: 'auto' });
    expect(pairs).toHaveLength(1);
    const es = audit('  \n', '\n');
    expect(es).toHaveLength(1);
    expect(es[0]!.segment).toBe(0);
    expect(audit('', '')).toEqual([]);
  });

  it('numbers segments, lists edits in MT order and reports progress', () => {
    const mt = 'One sentence here. Another sentence there. A third one.';
    const corrected = 'One sentence is here. Another sentence over there. A third one!';
    const calls: Array<[number, number]> = [];
    const pairs = alignSegments(mt, corrected, { segmentation: 'auto' });
    const es = extractEdits(mt, corrected, pairs, { onProgress: (d, t) => calls.push([d, t]) });
    expect(es.map((e) => e.segment)).toEqual([0, 1, 2]);
    expect(es.map((e) => e.mt.start)).toEqual([...es.map((e) => e.mt.start)].sort((a, b) => a - b));
    expect(calls[calls.length - 1]).toEqual([3, 3]);
  });

  it('holds the property on all 1000 lines of the MLQE-PE corpora', () => {
    for (const dir of ['ro-en-dev', 'et-en-dev']) {
      const mt = readFileSync(`tests/fixtures/mlqe-pe/${dir}/dev.mt`, 'utf8');
      const pe = readFileSync(`tests/fixtures/mlqe-pe/${dir}/dev.pe`, 'utf8');
      const pairs = alignSegments(mt, pe, { segmentation: 'lines' });
      expect(pairs).toHaveLength(1000);
      const edits = extractEdits(mt, pe, pairs, { strict: true });
      expect(applyEdits(mt, edits)).toBe(pe);
      // Every edit spans whole tokens of its own segment.
      for (const e of edits) {
        const p = pairs[e.segment]!;
        expect(e.mt.start).toBeGreaterThanOrEqual(p.mt.start);
        expect(e.mt.end).toBeLessThanOrEqual(p.mt.end + 1);
      }
    }
  });
});

describe('the seed text', () => {
  const mt = readFileSync('texts/ukraine-security-guarantees/mt.txt', 'utf8');
  const corrected = readFileSync('texts/ukraine-security-guarantees/corrected.txt', 'utf8');

  it('reproduces the correction and finds the known errors', () => {
    const es = audit(mt, corrected);
    const b = brief(es);
    expect(b).toContain('replace "Volodyr" → "Volodymyr"');
    expect(b).toContain('replace "theTake" → "NATO"');
    expect(b).toContain('replace "thespecial" → "the special"');
    expect(b).toContain('replace "large -scale" → "large-scale"');
    expect(b).toContain('move "call conference" → "conference call"');
    expect(b).toContain('replace "Photo :" → "Photo:"');
    expect(b).toContain('replace "member\\n." → "member."');
    expect(b).toContain('replace "routes" → "itineraries"');
    expect(b).toContain('replace "MM." → "Messrs."');
    expect(es.find((e) => e.mt.text.startsWith('absence remarkable'))?.operation).toBe('move');
    const conversations = es.find((e) => e.moveTo?.text === 'conversations ');
    expect(conversations?.mt.text).toBe('conversations ');
    // Nothing overlaps, everything is in MT order.
    for (let k = 1; k < es.length; k++) expect(es[k]!.mt.start).toBeGreaterThanOrEqual(es[k - 1]!.mt.end);
  });

  it('finds the same edits in a CRLF copy without the final line break, line breaks aside', () => {
    const crlf = (t: string): string => t.replace(/\n/gu, '\r\n');
    const es = audit(mt, corrected);
    const es2 = audit(crlf(mt), crlf(corrected));
    const norm = (e: Edit): string => `${e.operation} ${e.mt.text.replace(/\r\n/gu, '\n')} → ${e.corrected.text.replace(/\r\n/gu, '\n')}`;
    expect(es2.map(norm)).toEqual(es.map(norm));
    // Lines and columns are those an editor shows: CRLF counts as one line break.
    const v = es2.find((e) => e.mt.text === 'Volodyr')!;
    expect([v.mt.line, v.mt.col]).toEqual([1, mt.indexOf('Volodyr') + 1]);
    const t = es2.find((e) => e.mt.text === 'theTake')!;
    expect(t.mt.line).toBe(3);
  });

  it('holds the property with lines segmentation too (same line count not required for auto only)', () => {
    const lines = (t: string): number => t.split('\n').length;
    if (lines(mt) === lines(corrected)) audit(mt, corrected, 'lines');
    else expect(() => alignSegments(mt, corrected, { segmentation: 'lines' })).toThrow(/lines/u);
  });
});
