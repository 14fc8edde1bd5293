import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossary, readGlossary } from '../../src/io/glossary.js';
import { InputError } from '../../src/io/errors.js';

describe('parseGlossary', () => {
  it('reads the seed glossary: header, comment, terms with | variants', () => {
    const text = [
      'term\tforbidden',
      '# Terms a reviewer enforces',
      'Coalition of the Willing\tcoalition of volunteers|Volunteer coalition',
      'NATO\tOTAN',
      '',
    ].join('\n');
    expect(parseGlossary(text, 'g.tsv')).toEqual([
      { term: 'Coalition of the Willing', forbidden: ['coalition of volunteers', 'Volunteer coalition'] },
      { term: 'NATO', forbidden: ['OTAN'] },
    ]);
  });

  it('accepts CRLF, trims cells, collapses inner spaces, merges a repeated term', () => {
    const text = 'security guarantees\t safety  guarantees \r\nsecurity guarantees\tsafety warranties|safety guarantees\r\n';
    expect(parseGlossary(text, 'g.tsv')).toEqual([
      { term: 'security guarantees', forbidden: ['safety guarantees', 'safety warranties'] },
    ]);
  });

  it('allows a term without forbidden variants (it is still the required term)', () => {
    expect(parseGlossary('Messrs.\t\n', 'g.tsv')).toEqual([{ term: 'Messrs.', forbidden: [] }]);
  });

  it('treats "term" as a header only on the first line', () => {
    expect(parseGlossary('NATO\tOTAN\nterm\tword', 'g.tsv')).toEqual([
      { term: 'NATO', forbidden: ['OTAN'] },
      { term: 'term', forbidden: ['word'] },
    ]);
  });

  it.each([
    ['NATO OTAN', 'g.tsv:1: expected "term<TAB>forbidden|variants", found no tab'],
    ['a\tb\tc', 'g.tsv:1: expected 2 tab-separated columns, found 3'],
    ['# c\n\tOTAN', 'g.tsv:2: the term (first column) is empty'],
    ['NATO\tOTAN||Otan', 'g.tsv:1: an empty variant between "|" separators'],
    ['NATO\tNATO', 'g.tsv:1: "NATO" is both the term and a forbidden variant'],
  ])('refuses %j with a message naming file and line', (text, message) => {
    expect(() => parseGlossary(text, 'g.tsv')).toThrow(InputError);
    expect(() => parseGlossary(text, 'g.tsv')).toThrow(message);
  });
});

describe('readGlossary', () => {
  it('reads a file, and names it in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tqa-glossary-'));
    const good = join(dir, 'glossary.tsv');
    writeFileSync(good, '\uFEFFterm\tforbidden\nNATO\tOTAN\n');
    expect(readGlossary(good)).toEqual([{ term: 'NATO', forbidden: ['OTAN'] }]);
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, 'NATO\tOTAN\nbroken line\n');
    expect(() => readGlossary(bad)).toThrow(`${bad}:2: expected`);
    expect(() => readGlossary(join(dir, 'missing.tsv'))).toThrow('no such file');
  });

  it('an empty file is an empty glossary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tqa-glossary-'));
    const empty = join(dir, 'empty.tsv');
    writeFileSync(empty, '');
    expect(readGlossary(empty)).toEqual([]);
  });
});
