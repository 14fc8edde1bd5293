import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/edits/apply.js';
import { extractEdits } from '../../src/edits/extract.js';
import { assignIds, fingerprint } from '../../src/edits/fingerprint.js';
import type { Edit } from '../../src/model.js';
import { alignSegments } from '../../src/segment/align-segments.js';

const edits = (mt: string, corrected: string): Edit[] => extractEdits(mt, corrected, alignSegments(mt, corrected, { segmentation: 'auto' }));

describe('fingerprint', () => {
  const mt = 'Ukrainian President Volodyr Zelensky met the leaders.';
  const corrected = 'Ukrainian President Volodymyr Zelensky met the leaders.';

  it('is 16 hex digits and depends on content, not position', () => {
    const [a] = edits(mt, corrected);
    const id = fingerprint(a!, mt);
    expect(id).toMatch(/^[0-9a-f]{16}$/u);
    // The same edit after unrelated text was added before it (positions shift, far context unchanged).
    const prefix = 'A new first sentence was added to the file.\n';
    const [b] = edits(prefix + mt, prefix + corrected);
    expect(b!.mt.start).toBe(a!.mt.start + prefix.length);
    expect(fingerprint(b!, prefix + mt)).toBe(id);
    // Whitespace in the context is normalised.
    const [c] = edits(mt.replace('President ', 'President  '), corrected.replace('President ', 'President  '));
    expect(fingerprint(c!, mt.replace('President ', 'President  '))).toBe(id);
  });

  it('changes with the correction, the operation or the nearby context', () => {
    const [a] = edits(mt, corrected);
    const [other] = edits(mt, corrected.replace('Volodymyr', 'Wolodymyr'));
    expect(fingerprint(other!, mt)).not.toBe(fingerprint(a!, mt));
    const mt2 = mt.replace('President', 'president');
    const [near] = edits(mt2, corrected.replace('President', 'president'));
    expect(fingerprint(near!, mt2)).not.toBe(fingerprint(a!, mt));
  });

  it('numbers identical fingerprints by occurrence (#2, #3)', () => {
    const sentence = 'He said the the word.';
    const mtText = [sentence, sentence, sentence].join(' ');
    const es = edits(mtText, mtText.replaceAll('the the', 'the'));
    expect(es).toHaveLength(3);
    const ids = assignIds(es, mtText);
    const base = fingerprint(es[0]!, mtText);
    // The first and last occurrences differ in context (text start / end), the middle one shares one of them or not:
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe(base);
    const dup = ids.filter((id) => id.includes('#'));
    for (const d of dup) expect(d).toMatch(/^[0-9a-f]{16}#[23]$/u);
    // Identical edits with identical context get #2 and #3.
    const same = [es[1]!, es[1]!, es[1]!];
    expect(assignIds(same, mtText)).toEqual([fingerprint(es[1]!, mtText), `${fingerprint(es[1]!, mtText)}#2`, `${fingerprint(es[1]!, mtText)}#3`]);
  });
});

describe('applyEdits', () => {
  const span = (start: number, end: number, text: string) => ({ start, end, line: 1, col: start + 1, endLine: 1, endCol: end + 1, text });

  it('replaces MT ranges by corrected text and applies a move with moveTo', () => {
    const mt = 'on Monday the leaders met';
    const out = applyEdits(mt, [
      { operation: 'move', mt: span(0, 10, 'on Monday '), corrected: span(19, 29, ' on Monday'), moveTo: { at: 25, text: ' on Monday' } },
      { operation: 'replace', mt: span(10, 13, 'the'), corrected: span(0, 3, 'The') },
    ]);
    expect(out).toBe('The leaders met on Monday');
  });

  it('puts an insertion before a range that starts at the same offset', () => {
    expect(
      applyEdits('ab', [
        { operation: 'replace', mt: span(1, 2, 'b'), corrected: span(0, 1, 'B') },
        { operation: 'insert', mt: span(1, 1, ''), corrected: span(0, 1, 'x') },
      ]),
    ).toBe('axB');
  });

  it('refuses overlapping edits', () => {
    expect(() =>
      applyEdits('abcdef', [
        { operation: 'replace', mt: span(0, 3, 'abc'), corrected: span(0, 1, 'x') },
        { operation: 'replace', mt: span(2, 4, 'cd'), corrected: span(0, 1, 'y') },
      ]),
    ).toThrow(/overlapping/u);
  });
});
