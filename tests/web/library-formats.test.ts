// `tqa serve` over folders of localization files: a folder with one XLIFF holding MT and post-edit, and a folder
// with mt.po + corrected.po, are listed next to the text pairs and audited unit by unit with their source.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../src/web/library.js';

const FIXTURES = new URL('../fixtures/formats/', import.meta.url).pathname;

function makeRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'tqa-lib-'));
  mkdirSync(join(root, 'app-strings'));
  copyFileSync(join(FIXTURES, 'xliff12-review.xlf'), join(root, 'app-strings', 'review.xlf'));
  mkdirSync(join(root, 'po-pair'));
  copyFileSync(join(FIXTURES, 'mt.po'), join(root, 'po-pair', 'mt.po'));
  copyFileSync(join(FIXTURES, 'corrected.po'), join(root, 'po-pair', 'corrected.po'));
  mkdirSync(join(root, 'plain'));
  writeFileSync(join(root, 'plain', 'mt.txt'), 'It were late.');
  writeFileSync(join(root, 'plain', 'corrected.txt'), 'It was late.');
  mkdirSync(join(root, 'not-a-pair'));
  writeFileSync(join(root, 'not-a-pair', 'notes.txt'), 'nothing to audit');
  return root;
}

describe('Library over localization folders', () => {
  it('lists XLIFF, PO and text folders (and nothing else)', () => {
    const root = makeRoot();
    const lib = new Library(root, join(root, '.data'));
    expect(lib.list().map((e) => e.id)).toEqual(['app-strings', 'plain', 'po-pair']);
  });

  it('audits an XLIFF folder with its source, keyed by the folder name', () => {
    const root = makeRoot();
    const lib = new Library(root, join(root, '.data'));
    const got = lib.get('app-strings');
    expect(got).toBeDefined();
    const doc = got!.report;
    expect(doc.id).toBe('app-strings');
    expect(doc.source?.text.length).toBeGreaterThan(0);
    expect(doc.findings.length).toBeGreaterThan(0);
    // The web view slices the document texts by the findings' offsets: they must point into the joined texts.
    for (const f of doc.findings) expect(doc.mt.text.slice(f.mt.start, f.mt.end)).toBe(f.mt.text);
  });

  it('audits a PO pair folder', () => {
    const root = makeRoot();
    const lib = new Library(root, join(root, '.data'));
    const doc = lib.get('po-pair')!.report;
    expect(doc.id).toBe('po-pair');
    expect(doc.segments.length).toBeGreaterThan(1);
  });
});
