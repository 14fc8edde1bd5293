import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/classify/rules/numbers.js';
import { classifyEdits } from '../../../src/classify/index.js';
import { classifyBetween, diffEdits } from '../make-edit.js';

const pick = (r: { category: string; severity: string; rule: string }) => [r.rule, r.category, r.severity];

describe('parseNumber', () => {
  it.each([
    ['1,500', 1500], ['1 500', 1500], ['1.500', 1500], ['1\u202f500', 1500], ['3.14', 3.14], ['3,5', 3.5], ['2023', 2023],
    ['1,234,567.5', 1234567.5],
  ])('%s = %d', (s, n) => expect(parseNumber(s)).toBe(n));
});

describe('numbers', () => {
  it('a changed value is a major mistranslation', () => {
    expect(pick(classifyBetween('the summit in July 2023.', 'the summit in July 2024.'))).toEqual(['numbers', 'accuracy/mistranslation', 'major']);
    expect(pick(classifyBetween('it sent three soldiers', 'it sent four soldiers'))).toEqual(['numbers', 'accuracy/mistranslation', 'major']);
  });
  it('the same value in another format is locale-convention/number, minor', () => {
    expect(pick(classifyBetween('it had 1,500 people', 'it had 1 500 people'))).toEqual(['numbers', 'locale-convention/number', 'minor']);
    expect(pick(classifyBetween('it sent three soldiers', 'it sent 3 soldiers'))).toEqual(['numbers', 'locale-convention/number', 'minor']);
  });
  it('a decimal comma and a currency sign moved are number conventions', () => {
    expect(pick(classifyBetween('growth of 3,5 % this year', 'growth of 3.5 % this year'))).toEqual(['numbers', 'locale-convention/number', 'minor']);
    expect(pick(classifyBetween('it costs 5 € today', 'it costs €5 today'))).toEqual(['numbers', 'locale-convention/number', 'minor']);
  });
  it('the same date in another order is locale-convention/date', () => {
    expect(pick(classifyBetween('on 19 August 2025 they met', 'on August 19, 2025 they met'))).toEqual(['numbers', 'locale-convention/date', 'minor']);
  });
  it('same numbers with other words changed is left to later rules ("talks to three" → "three-way talks")', () => {
    expect(classifyBetween('and that talks to three would follow', 'and that three-way talks would follow').rule).not.toBe('numbers');
  });
  it('"one" as a pronoun is not a number', () => {
    expect(classifyBetween('they help one another here', 'they help each other here').rule).not.toBe('numbers');
  });
});

describe('numbers moved, not changed', () => {
  it('a number deleted in one place and inserted in another of the segment is not a number change', () => {
    const c = diffEdits('The office will be set up in 1999 in Tartu .', 'In 1999 , the office will be set up in Tartu .');
    const res = classifyEdits(c.edits, c.ctx);
    expect(res.length).toBeGreaterThan(1);
    for (const r of res) expect(r.rule).not.toBe('numbers');
  });
});
