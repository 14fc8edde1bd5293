import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/io/lines.js';
import type { Finding } from '../../src/model.js';
import { describeChange } from '../../src/report/effective.js';
import { formatGithub } from '../../src/report/github.js';
import { formatSarif } from '../../src/report/sarif.js';
import { makeReport } from '../../src/audit.js';

// The phrase github annotations and SARIF messages share, for each kind of change.
const mt = 'He met Volodyr the allies.';
const lines = new LineIndex(mt);
const base = { segment: 0, category: 'other', type: 'R:OTHER', severity: 'major', rule: 'test', message: 'why' } as const;
const finding = (id: string, start: number, end: number, fix: string, extra: Partial<Finding> = {}): Finding => ({
  ...base,
  id,
  operation: 'replace',
  mt: lines.span(start, end),
  corrected: { ...lines.span(start, start), text: fix },
  ...extra,
});

const cases: Array<[string, Finding, string]> = [
  ['a replacement', finding('r', 7, 14, 'Volodymyr'), '“Volodyr” → “Volodymyr”'],
  ['an omission', finding('m', 15, 15, 'to '), 'missing “to ”'],
  ['a deletion', finding('d', 14, 18, ''), 'delete “ the”'],
  ['a check without a suggestion', finding('c', 7, 14, '', { origin: 'check' }), '“Volodyr”'],
  ['a check with a suggestion', finding('s', 7, 14, '', { origin: 'check', suggestion: 'Volodymyr' }), '“Volodyr” → “Volodymyr”'],
];

describe('describeChange', () => {
  it.each(cases)('%s', (_, f, phrase) => {
    expect(describeChange(f)).toBe(phrase);
    const doc = { id: 'd', mt: { path: 'mt.txt', text: mt }, corrected: { path: '', text: '' }, segments: [], findings: [f] };
    const report = makeReport([{ ...doc, metrics: { hter: 0, ter: 0, chrf: 0, chrfpp: 0, bleu: 0, signatures: {}, mqm: { preset: 'mqm-core', penalty: 5, words: 5, perThousand: 1000, score: 0, threshold: 95, pass: false } } }]);
    expect(formatGithub(report).split('\n')[0]).toMatch(new RegExp(`::${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: why$`));
    const sarif = JSON.parse(formatSarif(report)) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(sarif.runs[0]!.results[0]!.message.text).toBe(`${phrase}: why`);
  });
});
