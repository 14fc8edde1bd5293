// The language a localization file names decides the pack; real files (tests/fixtures/checks/real, licences
// there) and small Chinese and Japanese pairs audited end to end.
import { describe, expect, it, vi } from 'vitest';
import { checkInputFromFiles } from '../../src/audit-files.js';
import { checkDocument } from '../../src/checks/document.js';
import { unitCheckFindings } from '../../src/checks/unit-input.js';
import { auditDocument } from '../../src/audit.js';

// Building a Hunspell speller (de, fr, es) or kuromoji's dictionary takes seconds, more on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const real = (f: string) => new URL(`../fixtures/checks/real/${f}`, import.meta.url).pathname;

function checkFile(f: string) {
  const { mt, source, localized } = checkInputFromFiles(real(f), undefined, undefined, { id: f, audit: {} });
  return { mt, doc: checkDocument({ id: f, mt, ...(source ? { source } : {}), ...localized?.langs }) };
}

describe('the file says the language', () => {
  it.each([
    ['symfony-validators.de.xlf', 'de', 'full'],
    ['symfony-validators.es.xlf', 'es', 'full'],
    ['symfony-validators.fr.xlf', 'fr', 'full'],
    ['symfony-validators.ja.xlf', 'ja', 'full'],
    ['symfony-validators.ru.xlf', 'ru', 'basic'],
    ['git-de.po', 'de', 'full'],
  ])('%s → %s', (f, code, level) => {
    const { doc } = checkFile(f);
    expect(doc.language).toMatchObject({ target: code, source: 'en', pack: { code, level }, decidedBy: 'file' });
  });
  it('a German XLIFF: placeholders are not untranslated words, compounds not merged tokens', () => {
    const { doc } = checkFile('symfony-validators.de.xlf');
    expect(doc.findings.filter((f) => f.rule === 'check/merged-token')).toEqual([]);
    // Code literals written as words ("false", "true", "null" in "Dieser Wert sollte false sein.") are kept on purpose.
    expect(doc.findings.filter((f) => f.rule === 'check/untranslated').map((f) => f.mt.text)).toEqual([]);
  });
  it('a Russian XLIFF: English left in Russian targets is found', () => {
    const { doc } = checkFile('symfony-validators.ru.xlf');
    // Two units are the English source copied whole: the unit check check/unchanged reports each once, so the text
    // check does not report them word by word.
    expect(doc.findings.filter((f) => f.rule === 'check/untranslated').map((f) => f.mt.text)).toEqual([]);
    const { mt, source, localized } = checkInputFromFiles(real('symfony-validators.ru.xlf'), undefined, undefined, { id: 'ru', audit: {} });
    const units = unitCheckFindings(mt.text, source?.text, localized).filter((f) => f.rule === 'check/unchanged');
    expect(units.map((f) => f.mt.text)).toEqual(['This value does not represent a valid week in the ISO 8601 format.', 'This value is not a valid week.']);
  });
});

describe('Chinese and Japanese pairs', () => {
  it('a Chinese post-edit is audited with the Chinese pack', () => {
    const r = auditDocument(
      { mt: { path: 'mt', text: '塔高15米，花费了25万元。他们明天来。' }, corrected: { path: 'pe', text: '塔高16米，花费了25万元。他们后天来。' } },
      { targetLang: 'zh' },
    );
    expect(r.language).toMatchObject({ target: 'zh', pack: { code: 'zh' } });
    expect(r.segments).toHaveLength(2);
    expect(r.findings.map((f) => [f.mt.text, f.corrected.text, f.rule])).toEqual([
      ['15', '16', 'numbers'],
      ['明天', '后天', 'lang/wording'],
    ]);
  });
  it('a Japanese post-edit is detected and audited with the Japanese pack', () => {
    const r = auditDocument({ mt: { path: 'mt', text: '東京に行きました。とても楽しいでした。' }, corrected: { path: 'pe', text: '東京に行きました。とても楽しかったです。' } });
    expect(r.language).toMatchObject({ target: 'ja', pack: { code: 'ja' }, decidedBy: 'detected' });
    expect(r.segments).toHaveLength(2);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.every((f) => f.segment === 1 && !f.rule.startsWith('en/'))).toBe(true);
  });
});
