import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocument, readDocumentDir } from '../../src/audit.js';
import { readDocumentLanguages } from '../../src/io/document-dir.js';

const folder = (languageJson?: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'tqa-lang-'));
  writeFileSync(join(dir, 'mt.txt'), 'Das ist gut.\n');
  writeFileSync(join(dir, 'corrected.txt'), 'Das ist sehr gut.\n');
  if (languageJson !== undefined) writeFileSync(join(dir, 'language.json'), languageJson);
  return dir;
};

describe("a document folder's language.json", () => {
  it('names the languages, canonical, decided "from the file"', () => {
    const dir = folder('{"target": "fr-ca", "source": "en"}');
    expect(readDocumentLanguages(dir)).toEqual({ targetLang: 'fr-CA', sourceLang: 'en' });
    expect(auditDocument(readDocumentDir(dir)).language).toMatchObject({ target: 'fr-CA', source: 'en', decidedBy: 'file', pack: { code: 'fr' } });
  });

  it('is optional (nothing decided) and refuses what it cannot read with one line naming the file', () => {
    expect(readDocumentLanguages(folder())).toEqual({});
    const bad = [
      ['{"target": "de"', /language\.json: not JSON \(expected \{"target": "de", "source": "en"\}\)$/],
      ['{"lang": "de"}', /language\.json: expected \{"target": "de", "source": "en"\} \(string values, either key optional\)$/],
      ['{"target": 7}', /language\.json: expected/],
      ['{"target": "de_DE_x!"}', /language\.json: target: "de_DE_x!" is not a BCP 47 language tag/],
    ] as const;
    for (const [text, message] of bad) expect(() => readDocumentLanguages(folder(text))).toThrow(message);
  });

  it('the bundled German pair says it is German (en source)', () => {
    const dir = new URL('../../texts/mlqe-pe-en-de', import.meta.url).pathname;
    expect(auditDocument(readDocumentDir(dir)).language).toMatchObject({ target: 'de', source: 'en', decidedBy: 'file' });
  });
});
