// Tag comparison on its own, and the readers' clear errors for files the CLI tests do not cover.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../../src/audit.js';
import { auditFiles, xliffFromFiles } from '../../../src/audit-files.js';
import { InputError } from '../../../src/io/errors.js';
import { compareTags, onlyPlaceholders } from '../../../src/io/formats/markup.js';
import { TagChars, xmlPiece } from '../../../src/io/formats/piece.js';
import { readPo } from '../../../src/io/formats/po.js';
import { readTable } from '../../../src/io/formats/table.js';
import { readTmx } from '../../../src/io/formats/tmx.js';
import { readXliff } from '../../../src/io/formats/xliff.js';
import { parseXml } from '../../../src/io/formats/xml.js';
import type { Decision, Span } from '../../../src/model.js';
import { fixture } from './helpers.js';

const chars = new TagChars();
const piece = (content: string) => {
  const xml = `<t>${content}</t>`;
  return xmlPiece(xml, parseXml(xml, 't').root, chars);
};
const problems = (ref: string, cor: string) => compareTags(piece(ref), piece(cor)).map((p) => `${p.kind} ${p.tag.key}`);

describe('compareTags', () => {
  it('finds missing, added and reordered tags, counting repeats', () => {
    expect(problems('a <x id="1"/> b <x id="2"/>', 'a b <x id="2"/>')).toEqual(['missing x#1']);
    expect(problems('a b', 'a <ph id="7">{0}</ph> b')).toEqual(['added ph#7']);
    expect(problems('<g id="1">a</g> <x id="2"/>', '<x id="2"/> <g id="1">a</g>')).toEqual(['reordered x#2']);
    expect(problems('<x id="1"/><x id="1"/>', '<x id="1"/>')).toEqual(['missing x#1']);
    expect(problems('<bpt id="1">&lt;b&gt;</bpt>x<ept id="1">&lt;/b&gt;</ept>', '<bpt id="1">&lt;b&gt;</bpt>x<ept id="1">&lt;/b&gt;</ept>')).toEqual([]);
  });

  it('XLIFF 1.2 sub-segment markers (mrk mtype="seg") are structure, not tags', () => {
    const p = piece('<mrk mtype="seg" mid="1">Hello <g id="1">you</g>.</mrk> <mrk mtype="seg" mid="2">Bye.</mrk>');
    expect(p.text.replace(/[\uE000-\uF8FF]/g, '|')).toBe('Hello |you|. Bye.');
    expect([...p.tags.values()].map((t) => t.key)).toEqual(['g#1', '/g#1']);
    expect(problems('Hello <g id="1">you</g>.', '<mrk mtype="seg" mid="1">Hello <g id="1">you</g>.</mrk>')).toEqual([]);
  });

  it('tells a tag-only edit from a word edit', () => {
    const span = (text: string): Span => ({ start: 0, end: text.length, line: 1, col: 1, endLine: 1, endCol: 1, text });
    const p = piece('<x id="1"/>');
    const tag = p.text;
    expect(onlyPlaceholders({ mt: span(`${tag} word`), corrected: span(`word ${tag}`) })).toBe(true);
    expect(onlyPlaceholders({ mt: span(`${tag}word`), corrected: span('words') })).toBe(false);
    expect(onlyPlaceholders({ mt: span('a  b'), corrected: span('a b') })).toBe(false);
  });
});

describe('UTF-16 files (some CAT tools export TMX/XLIFF so)', () => {
  it('reads UTF-16LE with a BOM and CRLF line ends: the same findings at the same lines and columns as UTF-8', () => {
    const strip = (d: ReturnType<typeof auditFiles>) => d.findings.map((f) => [f.id, f.mt.line, f.mt.col, f.corrected.line, f.corrected.col]);
    const utf16 = auditFiles(fixture('review-utf16le.tmx'), undefined, {}, { format: 'sarif' });
    const utf8 = auditFiles(fixture('review.tmx'), undefined, {}, { format: 'sarif' });
    expect(utf16.findings.length).toBeGreaterThan(0);
    expect(strip(utf16)).toEqual(strip(utf8));
  });

  it('refuses to write back into a UTF-16 XLIFF (it would come out as UTF-8)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tqa-utf16-'));
    const xml = '<?xml version="1.0" encoding="UTF-16"?>\r\n<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>b c</target><alt-trans origin="mt"><target>b d</target></alt-trans></trans-unit></body></file></xliff>';
    writeFileSync(join(dir, 'a.xlf'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    expect(auditFiles(join(dir, 'a.xlf'), undefined, {}).findings).toHaveLength(1);
    expect(() => xliffFromFiles(join(dir, 'a.xlf'), undefined, {})).toThrow(/a\.xlf: write-back keeps UTF-8 files only \(this one is UTF-16LE\)/);
  });
});

describe('private-use characters', () => {
  it('a private-use character the file itself holds stays text, and tags get other characters', () => {
    const xml = '<xliff version="1.2"><file><body><trans-unit id="1"><source>\uE000 <x id="1"/></source><target>\uE000 <x id="1"/></target></trans-unit></body></file></xliff>';
    const unit = readXliff(xml, 'x', new TagChars([xml])).units[0]!;
    const text = unit.target!.text;
    expect(text[0]).toBe('\uE000');
    expect(unit.target!.tags.has('\uE000')).toBe(false);
    expect(unit.target!.tags.get(text[2]!)!.raw).toBe('<x id="1"/>');
  });
});

describe('reader errors name the file and line', () => {
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };

  it('XML and XLIFF', () => {
    expect(err(() => readXliff('<xliff version="1.2"><file><body>\n<trans-unit><source>a</source></trans-unit></body></file></xliff>', 'a.xlf', chars))).toBe('a.xlf:2: a <trans-unit> without an id');
    expect(err(() => readXliff('<html/>', 'a.xlf', chars))).toBe('a.xlf:1: not an XLIFF file (the root element is <html>)');
    expect(err(() => readXliff('<xliff version="1.2"><file><body/></file></xliff>', 'a.xlf', chars))).toMatch(/^a\.xlf: no translation units/);
    expect(err(() => parseXml('<a>\nfish & chips</a>', 'a.xml'))).toMatch(/^a\.xml:2:6: malformed XML/);
    expect(err(() => parseXml('<a b="&x;"/>', 'a.xml'))).toMatch(/^a\.xml:1:7: undefined entity &x; in an attribute/);
    expect(err(() => parseXml('<a>&#xD800;</a>', 'a.xml'))).toMatch(/undefined entity &#xD800;/);
    // A DOCTYPE that only names a DTD is fine: nothing is fetched or expanded.
    expect(parseXml('<!DOCTYPE xliff SYSTEM "http://example.invalid/xliff.dtd">\n<xliff/>', 'a.xml').root.name).toBe('xliff');
  });

  it('TMX', () => {
    const tmx = (tu: string) => `<tmx version="1.4"><header srclang="fr"/><body>\n${tu}</body></tmx>`;
    expect(err(() => readTmx(tmx('<tu tuid="1"><tuv><seg>a</seg></tuv></tu>'), 'a.tmx', chars))).toBe('a.tmx:2: a <tuv> without xml:lang');
    expect(err(() => readTmx(tmx('<tu tuid="1"><tuv xml:lang="fr"><seg>a</seg></tuv></tu>'), 'a.tmx', chars))).toBe('a.tmx:2: translation unit "1" has no target-language <tuv> (source language fr)');
    expect(err(() => readTmx(tmx('<tu tuid="1"><tuv xml:lang="fr"><seg>a</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu>\n<tu tuid="1"><tuv xml:lang="en"><seg>c</seg></tuv></tu>'), 'a.tmx', chars))).toBe('a.tmx:3: duplicate unit id "1" (first at line 2)');
  });

  it('PO: three plural forms share msgid_plural as their source', () => {
    const units = readPo('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\nmsgstr[2] "z"\n', 'p.po');
    expect(units.map((u) => [u.key, u.source!.text, u.source!.map.length, u.target!.text])).toEqual([
      ['a[0]', 'a', 2, 'x'],
      ['a[1]', 'as', 3, 'y'],
      ['a[2]', 'as', 3, 'z'],
    ]);
  });

  it('PO and CSV', () => {
    expect(err(() => readPo('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 'a.po'))).toBe('a.po:5: duplicate unit id "a" (first at line 2)');
    expect(err(() => readPo('msgid "a"\nmsgstr "b\\q"\n', 'a.po'))).toBe('a.po:2: unknown escape "\\q" in a string');
    expect(err(() => readPo('msgid "a"\nnonsense\n', 'a.po'))).toMatch(/^a\.po:2: not a PO line/);
    expect(err(() => readPo('msgid "a"\n', 'a.po'))).toBe('a.po:1: msgid "a" has no msgstr');
    expect(err(() => readTable('id,mt,pe\n1,a,b\n1,c,d\n', 'a.csv', ','))).toBe('a.csv:3: duplicate unit id "1" (first at line 2)');
    expect(err(() => readTable('mt,pe\na,b,c\n', 'a.csv', ','))).toMatch(/^a\.csv:2: malformed CSV/);
  });
});

describe('auditFiles / xliffFromFiles (the calls export, check and serve make)', () => {
  const decide = (status: Decision['status']): Decision => ({ status });

  it('locates findings in the file for a located format, keeps joined texts without one', () => {
    const located = auditFiles(fixture('mt.po'), fixture('corrected.po'), {}, { format: 'sarif' });
    const joined = auditFiles(fixture('mt.po'), fixture('corrected.po'), {});
    expect(located.mt.text).toContain('msgid');
    expect(joined.mt.text).not.toContain('msgid');
    const f = located.findings.find((x) => x.corrected.text === 'have')!;
    expect([f.mt.line, f.corrected.line]).toEqual([31, 16]);
    expect(joined.findings.find((x) => x.id === f.id)!.mt.line).toBe(5);
  });

  it('runs `then` (decisions) before locating, and writes approved XLIFF targets back', () => {
    const reject = (doc: Parameters<typeof applyDecisions>[0]) => applyDecisions(doc, new Map(doc.findings.filter((x) => x.mt.text === 'gathered').map((x) => [x.id, decide('rejected')])));
    const doc = auditFiles(fixture('xliff12-mt.xlf'), fixture('xliff12-corrected.xlf'), {}, { format: 'github', then: reject });
    expect(doc.findings.find((x) => x.mt.text === 'gathered')!.decision!.status).toBe('rejected');
    const xliff = xliffFromFiles(fixture('xliff12-mt.xlf'), fixture('xliff12-corrected.xlf'), {}, { decide: reject });
    expect(xliff).toContain('<target state="final">The leaders gathered on Monday.<x id="9"/></target>');
    expect(() => xliffFromFiles(fixture('mt.po'), fixture('corrected.po'), {})).toThrow(/--format xliff writes back into an XLIFF file/);
  });

  it('plain text goes the usual way', () => {
    const seed = new URL('../../../texts/ukraine-security-guarantees/', import.meta.url).pathname;
    const doc = auditFiles(`${seed}mt.txt`, `${seed}corrected.txt`, {}, { format: 'sarif' });
    expect(doc.mt.path).toBe(`${seed}mt.txt`);
    expect(doc.findings.length).toBeGreaterThan(10);
  });
});
