// One huge "word" (a base64 blob, a minified line) must not stall the audit: the character measures cap their
// tables and the tagger skips such runs. (The guard here is the test's timeout, not a timing assertion.)
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../src/audit.js';
import { applyEdits } from '../../src/edits/apply.js';
import { lcsLength } from '../../src/align/similarity.js';
import { levenshtein } from '../../src/classify/similarity.js';

describe('very long tokens', () => {
  it('audits a 200,000-character token against a changed copy, and the finding reproduces the correction', () => {
    const mt = `See ${'x'.repeat(200_000)} here.`;
    const corrected = `See ${'x'.repeat(199_999)}y there.`;
    const doc = auditDocument({ mt: { path: 'mt', text: mt }, corrected: { path: 'c', text: corrected } });
    expect(doc.findings.length).toBeGreaterThan(0);
    expect(applyEdits(mt, doc.findings)).toBe(corrected);
  });

  it('keeps the character measures exact where the table fits, and bounded past it', () => {
    expect(lcsLength('kitten', 'sitting')).toBe(4);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    // Beyond 65,535 characters (a 16-bit table used to overflow here) a shared prefix and suffix still count.
    const long = 'ab'.repeat(40_000);
    expect(lcsLength(`${long}X`, `${long}Y`)).toBe(80_000);
    expect(levenshtein(`${long}X`, `${long}Y`)).toBe(1);
    // Huge and different in the middle: a bound (never more than the longer length), not a stall.
    const d = levenshtein(`q${'a'.repeat(5000)}`, `r${'b'.repeat(5000)}`);
    expect(d).toBeGreaterThanOrEqual(5001);
    expect(d).toBeLessThanOrEqual(5001);
  });
});
