import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../../src/audit.js';

const audit = (mt: string, corrected: string) =>
  auditDocument({ mt: { path: 'mt', text: mt }, corrected: { path: 'c', text: corrected } }).findings;

describe('unicode-form', () => {
  it('a decomposed accent and a zero-width space are typography, not a change of meaning', () => {
    const [f, ...rest] = audit('I like the cafe\u0301 \u200bin Paris.', 'I like the café in Paris.');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ category: 'fluency/typography', type: 'R:ORTH', severity: 'minor', rule: 'unicode-form' });
  });

  it('leaves a real change of letters to the other rules', () => {
    const [f] = audit('I like the cafe in Paris.', 'I like the cafes in Paris.');
    expect(f?.rule).not.toBe('unicode-form');
  });
});
