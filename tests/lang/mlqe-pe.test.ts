// MLQE-PE dev (CC0, tests/fixtures/mlqe-pe): real English→German and English→Chinese MT with professional
// post-edits. The language is detected from the text; no English rule may fire; the spelling findings are
// non-words of the target's dictionary; a German compound is not a merged token.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { auditDocument } from '../../src/audit.js';
import { runChecks } from '../../src/checks/index.js';
import { packFor } from '../../src/lang/index.js';

// Building a Hunspell speller (de, fr, es) or kuromoji's dictionary takes seconds, more on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const LINES = 200;
const read = (pair: string, f: string) =>
  readFileSync(new URL(`../fixtures/mlqe-pe/${pair}-dev/dev.${f}`, import.meta.url), 'utf8').split('\n').slice(0, LINES).join('\n') + '\n';

function auditPair(pair: string) {
  return auditDocument(
    { mt: { path: 'dev.mt', text: read(pair, 'mt') }, corrected: { path: 'dev.pe', text: read(pair, 'pe') }, source: { path: 'dev.src', text: read(pair, 'src') } },
    { segmentation: 'lines' },
  );
}

describe('MLQE-PE en-de dev', () => {
  const report = auditPair('en-de');
  it('is detected as German, the source as English', () => {
    expect(report.language).toMatchObject({ target: 'de', source: 'en', pack: { code: 'de', level: 'full' }, decidedBy: 'detected' });
    expect(report.language!.confidence).toBeGreaterThan(0.5);
  });
  it('runs no English rule', () => {
    expect(report.findings.length).toBeGreaterThan(100);
    expect(report.findings.filter((f) => f.rule.startsWith('en/') || f.rule === 'french-typography')).toEqual([]);
  });
  it('spelling findings (R:SPELL) are non-words of German', () => {
    const de = packFor('de');
    // Capitalisation (R:ORTH) is spelling in MQM too, but "Eintritt" → "eintritt" is a word either way.
    const spelling = report.findings.filter((f) => f.type === 'R:SPELL');
    expect(spelling.length).toBeGreaterThan(0);
    for (const f of spelling) {
      const words = f.mt.text.match(/\p{L}+/gu) ?? [];
      expect(words.some((w) => de.isWord(w) === false), f.mt.text).toBe(true);
    }
  });
  it('untranslated findings are source words the German dictionary does not know', () => {
    const de = packFor('de');
    const src = read('en-de', 'src').toLowerCase();
    const untranslated = report.findings.filter((f) => f.category === 'accuracy/untranslated');
    expect(untranslated.map((f) => f.mt.text)).toEqual(expect.arrayContaining(['Black', 'The']));
    for (const f of untranslated) {
      for (const w of f.mt.text.match(/\p{L}+/gu) ?? []) {
        expect(de.isWord(w), w).toBe(false);
        expect(src.includes(w.toLowerCase()), w).toBe(true);
      }
    }
  });
  it('German compounds ("damit", "wegen") are not merged tokens', () => {
    const mt = read('en-de', 'mt');
    expect(mt).toMatch(/\bdamit\b/);
    expect(runChecks(mt, { pack: packFor('de'), tokenized: true }).filter((f) => f.rule === 'check/merged-token')).toEqual([]);
    // Read as English (the behaviour before language packs), the same text had merged-token findings.
    expect(runChecks(mt, { pack: packFor('en'), tokenized: true }).filter((f) => f.rule === 'check/merged-token').map((f) => f.mt.text)).toContain('damit');
  });
});

describe('MLQE-PE en-zh dev', () => {
  const report = auditPair('en-zh');
  it('is detected as Chinese (by script; the corpus is tokenised with spaces)', () => {
    expect(report.language).toMatchObject({ target: 'zh', pack: { code: 'zh' }, decidedBy: 'detected' });
  });
  it('runs no English rule and reports no spelling (Chinese has no Hunspell dictionary)', () => {
    expect(report.findings.length).toBeGreaterThan(100);
    expect(report.findings.filter((f) => f.rule.startsWith('en/') || f.rule === 'french-typography')).toEqual([]);
    expect(report.findings.filter((f) => f.type === 'R:SPELL')).toEqual([]);
  });
  it('the number check reads dates and Han numerals against the English source', () => {
    const mt = read('en-zh', 'mt');
    const src = read('en-zh', 'src');
    const hits = runChecks(mt, { pack: packFor('zh'), sourcePack: packFor('en'), source: src, tokenized: true }).filter((f) => f.rule === 'check/number-mismatch');
    // "2013 年 12 月 29 日" for "December 29, 2013": the month is in the source as a name.
    const line1 = mt.split('\n')[1]!;
    expect(line1).toContain('12   月');
    expect(hits.filter((f) => f.segment === 1)).toEqual([]);
    // Before the packs (no month names, a lone 百 read as 100) this sample had 36 number findings.
    expect(hits.length).toBeLessThan(20);
  });
});
