// Smaller misreadings (issue 11, item 6), each on a real example: the seed article's lines, or the same
// construction in a sentence of the kind the seed has.
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDocument, makeReport, readDocumentDir } from '../../src/audit.js';
import { formatAuditText } from '../../src/cli/audit-text.js';
import type { DocumentReport } from '../../src/model.js';
import { formatGithub } from '../../src/report/github.js';
import { classifyBetween } from './make-edit.js';

const audit = (mt: string, corrected: string) => auditDocument({ mt: { path: 'mt.txt', text: mt }, corrected: { path: 'corrected.txt', text: corrected } });

describe('smaller misreadings', () => {
  it('"if" → "whether" (seed line 26) is a subordinating conjunction, not a wrong preposition', () => {
    const r = classifyBetween('The Kremlin has not yet indicated if Vladimir Putin had agreed', 'The Kremlin has not yet indicated whether Vladimir Putin had agreed');
    expect(r.message).not.toMatch(/preposition/);
    expect([r.category, r.severity]).toEqual(['style/awkward', 'minor']);
    expect(classifyBetween('The Kremlin has not yet indicated if Vladimir Putin had agreed', 'The Kremlin has not yet indicated whether Vladimir Putin had agreed', { correctedKind: 'reference' }).severity).toBe('neutral');
  });

  it('"15 march" → "March 15", which the edit extraction sees as a move, is a date format', () => {
    const doc = audit('The summit took place on 15 march in Paris.', 'The summit took place on March 15 in Paris.');
    expect(doc.findings.map((f) => [f.mt.text, f.corrected.text, f.category, f.severity])).toEqual([['15 march', 'March 15', 'locale-convention/date', 'minor']]);
  });

  it('"debut" → "début" is a diacritic: fluency/spelling, minor', () => {
    const r = classifyBetween('She made her debut in Paris.', 'She made her début in Paris.');
    expect([r.rule, r.category, r.type, r.severity]).toEqual(['diacritic', 'fluency/spelling', 'R:SPELL', 'minor']);
    // Another letter is not a diacritic.
    expect(classifyBetween('She made her debut in Paris.', 'She made her debit in Paris.').rule).not.toBe('diacritic');
  });
});

describe('listings say the change once (seed)', () => {
  let doc: DocumentReport;
  beforeAll(() => {
    doc = auditDocument(readDocumentDir(new URL('../../texts/ukraine-security-guarantees', import.meta.url).pathname));
  });
  it('the CLI listing and the GitHub annotations never repeat the change, and a move never shows "x" → "x"', () => {
    const text = formatAuditText(makeReport([doc]), false).split('\n');
    const github = formatGithub(makeReport([doc])).split('\n').filter((l) => l.startsWith('::'));
    const volodyr = text.find((l) => l.includes('Volodyr'))!;
    expect(volodyr.split('"Volodyr"')).toHaveLength(2); // once
    const gh = github.find((l) => l.includes('Volodyr'))!;
    expect(gh.split('Volodyr”').length + gh.split('"Volodyr"').length).toBe(3); // once, in either quote style
    for (const l of [...text, ...github]) expect(l).not.toMatch(/"([^"]+)" → "\1"|“([^”]+)” → “\2”/);
    const move = doc.findings.find((f) => f.operation === 'move' && f.mt.text.trim() === f.corrected.text.trim());
    expect(move, 'the seed has a move of identical words ("conversations")').toBeDefined();
    expect(move!.message).toBe(`"${move!.mt.text.trim()}" moved (word order)`);
  });
});
