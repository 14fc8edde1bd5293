// `tqa serve` over folders of localization files: a folder with one XLIFF holding MT and post-edit, and a folder
// with mt.po + corrected.po, are listed next to the text pairs and audited unit by unit with their source.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

describe('Library uploads of localization files', () => {
  it('saves a one-file XLIFF (no corrected part) as review.xlf, audits it unit by unit and finds it after a restart', () => {
    const root = makeRoot();
    const data = join(root, '.data');
    const lib = new Library(root, data);
    const id = lib.addUpload({ name: 'strings', mt: fixture('xliff12-review.xlf'), mtName: 'strings.xlf' });
    expect(id).toBe('upload-strings');
    expect(readdirSync(join(data, 'uploads', id))).toEqual(['review.xlf']);
    // A new Library is a restarted server: the upload is listed and audited from the saved file.
    const again = new Library(root, data);
    expect(again.list().find((e) => e.id === id)?.origin).toBe('upload');
    const doc = again.get(id)!.report;
    expect(doc.id).toBe(id);
    expect(doc.source?.text).toContain('Anita Anand');
    expect(doc.mt.text).not.toContain('<trans-unit'); // units, not the raw XML
    expect(doc.findings.length).toBeGreaterThan(0);
    for (const f of doc.findings) expect(doc.mt.text.slice(f.mt.start, f.mt.end)).toBe(f.mt.text);
  });

  it('saves an MT + corrected PO pair under .po, told by content even without file names', () => {
    const root = makeRoot();
    const data = join(root, '.data');
    const lib = new Library(root, data);
    const id = lib.addUpload({ mt: fixture('mt.po'), corrected: fixture('corrected.po') });
    expect(readdirSync(join(data, 'uploads', id)).sort()).toEqual(['corrected.po', 'mt.po']);
    const doc = new Library(root, data).get(id)!.report;
    expect(doc.segments.length).toBeGreaterThan(1);
    expect(doc.mt.text).not.toContain('msgid');
  });

  it('saves a UTF-16 TMX and a CSV holding both versions under their own extension, as bytes given', () => {
    const root = makeRoot();
    const data = join(root, '.data');
    const lib = new Library(root, data);
    const tmx = lib.addUpload({ name: 'tm', mt: fixture('review-utf16le.tmx') });
    expect(readdirSync(join(data, 'uploads', tmx))).toEqual(['review.tmx']);
    expect(readFileSync(join(data, 'uploads', tmx, 'review.tmx'))).toEqual(Buffer.from(fixture('review-utf16le.tmx')));
    const csv = lib.addUpload({ name: 'sheet', mt: fixture('review.csv') });
    expect(readdirSync(join(data, 'uploads', csv))).toEqual(['review.csv']);
    const again = new Library(root, data);
    for (const id of [tmx, csv]) {
      const doc = again.get(id)!.report;
      expect(doc.segments.length).toBeGreaterThan(0);
      expect(doc.mt.text).not.toMatch(/<tuv|^id,source/);
    }
  });

  it('refuses mismatched or incomplete localization uploads and saves nothing', () => {
    const root = makeRoot();
    const data = join(root, '.data');
    const lib = new Library(root, data);
    const enc = new TextEncoder();
    expect(() => lib.addUpload({ mt: fixture('mt.po') })).toThrow(/Corrected text: a PO file holds the MT only/);
    expect(() => lib.addUpload({ mt: fixture('xliff12-mt.xlf'), corrected: enc.encode('plain corrected text') })).toThrow(
      /Corrected text: plain text, but the MT is an XLIFF file/,
    );
    expect(() => lib.addUpload({ mt: enc.encode('plain MT text'), corrected: fixture('xliff12-corrected.xlf') })).toThrow(
      /Corrected text: an XLIFF file, but the MT is plain text/,
    );
    expect(() => lib.addUpload({ mt: fixture('xliff12-review.xlf'), source: enc.encode('La source.') })).toThrow(/Source text: .*comes from the file/);
    expect(() => lib.addUpload({ mt: enc.encode('<?xml version="1.0"?>\n<xliff version="1.2"><file') })).toThrow();
    const left = existsSync(join(data, 'uploads')) ? readdirSync(join(data, 'uploads')) : [];
    expect(left).toEqual([]);
  });

  it('keeps plain text uploads as mt.txt + corrected.txt', () => {
    const root = makeRoot();
    const data = join(root, '.data');
    const lib = new Library(root, data);
    const enc = new TextEncoder();
    const id = lib.addUpload({ mt: enc.encode('It were late.'), corrected: enc.encode('It was late.') });
    expect(readdirSync(join(data, 'uploads', id)).sort()).toEqual(['corrected.txt', 'mt.txt']);
    expect(lib.get(id)!.report.findings.length).toBeGreaterThan(0);
    expect(() => lib.addUpload({ mt: enc.encode('It were late.') })).toThrow(/Corrected text: give a file or paste the text/);
  });

  it('reads XLIFF content saved as mt.txt + corrected.txt as XLIFF, not as raw XML', () => {
    const root = makeRoot();
    mkdirSync(join(root, 'xml-as-txt'));
    copyFileSync(join(FIXTURES, 'xliff12-mt.xlf'), join(root, 'xml-as-txt', 'mt.txt'));
    copyFileSync(join(FIXTURES, 'xliff12-corrected.xlf'), join(root, 'xml-as-txt', 'corrected.txt'));
    const lib = new Library(root, join(root, '.data'));
    const doc = lib.get('xml-as-txt')!.report;
    expect(doc.id).toBe('xml-as-txt');
    expect(doc.mt.text).not.toContain('<trans-unit');
    expect(doc.source?.text.length).toBeGreaterThan(0);
    // The same texts as the pair named .xlf.
    mkdirSync(join(root, 'xml-as-xlf'));
    copyFileSync(join(FIXTURES, 'xliff12-mt.xlf'), join(root, 'xml-as-xlf', 'mt.xlf'));
    copyFileSync(join(FIXTURES, 'xliff12-corrected.xlf'), join(root, 'xml-as-xlf', 'corrected.xlf'));
    const named = lib.get('xml-as-xlf')!.report;
    expect(doc.mt.text).toBe(named.mt.text);
    expect(doc.findings.length).toBe(named.findings.length);
  });

  it('a folder with one XLIFF and a glossary.tsv is still one document', () => {
    const root = makeRoot();
    writeFileSync(join(root, 'app-strings', 'glossary.tsv'), 'term\tforbidden\nCanada\tKanada\n');
    const lib = new Library(root, join(root, '.data'));
    expect(lib.list().map((e) => e.id)).toContain('app-strings');
  });
});
