// Reading localization files as they come: declared charsets, units without a target, translate="no", drafts,
// BOMs, hostile nesting and non-regular files — each one clear line (exit 2) or a correct reading.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocalized, readOriginal } from '../../src/io/formats/index.js';
import { xliffFromFiles } from '../../src/audit-files.js';
import { MAX_XML_DEPTH } from '../../src/io/formats/xml.js';
import { runCli } from '../cli/run-cli.js';
import { ROOT } from './formats/helpers.js';

const dir = join(ROOT, 'tests/fixtures/formats/reading');
const at = (name: string) => join(dir, name);
// In process (tests/cli/run-cli.ts: the binary's program and exit codes); the real binary where the process is the
// point (a device or FIFO must be refused before a read that would never end).
const tqa = (...args: string[]) => runCli(args, dir);
const tqaBin = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), ...args], { encoding: 'utf8', cwd: dir, timeout: 120000 });

describe('declared charsets', () => {
  it('decodes a PO file that declares charset=CP1251 (bytes written in CP1251 by hand)', () => {
    const li = readLocalized({ mt: at('cp1251.po') }, { mtOnly: true });
    expect(li.units.map((u) => u.mt.text)).toEqual(['Открыть файл']);
    expect(li.mtFile.encoding).toBe('cp1251');
    expect(li.langs.targetLang).toBe('ru');
  });

  it('decodes an XML file whose prolog says encoding="ISO-8859-1"', () => {
    const li = readLocalized({ mt: at('latin1.xlf') }, { mtOnly: true });
    expect(li.units[0]!.mt.text).toBe('été');
    expect(li.langs).toEqual({ sourceLang: 'en', targetLang: 'fr' });
  });

  it('names a charset it cannot decode', () => {
    const d = mkdtempSync(join(tmpdir(), 'tqa-cs-'));
    writeFileSync(join(d, 'x.po'), 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=KLINGON-8\\n"\n\nmsgid "a"\nmsgstr "b"\n');
    expect(() => readOriginal(join(d, 'x.po'))).toThrow(/declares the charset "klingon-8", which tqa cannot decode/);
  });
});

describe('units', () => {
  it('reads a unit without a target as empty (counted), skips translate="no", keeps drafts unless asked', () => {
    const li = readLocalized({ mt: at('units.xlf') }, { mtOnly: true });
    expect(li.units.map((u) => [u.key, u.mt.text])).toEqual([
      ['a', 'Öffnen Sie die Datei.'],
      ['b', ''],
      ['d', '6:30-11:00 und 11:30-16:00'],
      ['e', 'Sichern'],
    ]);
    expect(li.counts).toEqual({ noTarget: 1, notTranslatable: 1, fuzzy: 0 });
    const skipped = readLocalized({ mt: at('units.xlf') }, { mtOnly: true, skipFuzzy: true });
    expect(skipped.units.map((u) => u.key)).toEqual(['a', 'b', 'd']);
    expect(skipped.counts.fuzzy).toBe(1);
    expect(li.langs).toEqual({ sourceLang: 'en', targetLang: 'de' });
  });

  it('skips fuzzy PO entries with --skip-fuzzy and says so on stderr', async () => {
    const r = await tqa('check', 'empty-target.po', '--skip-fuzzy', '--format', 'json');
    expect(r.stderr).toContain('tqa: empty-target.po: 1 fuzzy/needs-review unit skipped (--skip-fuzzy)');
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.mt.text).toBe('\n6:30-11:00 und 11:30-16:00\n');
  });

  it('one empty target does not unpair the others: the times are compared with their own source', async () => {
    const r = await tqa('check', 'empty-target.po', '--format', 'json');
    const findings = JSON.parse(r.stdout).documents[0].findings as Array<{ rule: string; message: string }>;
    expect(findings.filter((f) => f.rule === 'check/number-mismatch')).toEqual([]);
  });

  it('checks an XLIFF with a unit that has no target instead of refusing it (folder mode too)', async () => {
    const r = await tqa('check', '.', '--format', 'json');
    expect(r.code).not.toBe(2);
    expect(r.stderr).toContain('units.xlf: 1 unit without a target');
  });
});

describe('positions and columns', () => {
  it('a message naming another place names its line in the file, not the unit number', async () => {
    const r = await tqa('check', 'term-lines.po');
    // Unit 1's msgstr is on line 7 of the PO file; unit 2's on line 10.
    expect(r.stdout).toContain('term-lines.po:10:19');
    expect(r.stdout).toContain('"volunteer coalition" is written "Volunteer coalition" elsewhere in the text (line 7)');
  });

  it('check --columns reads a CSV whose columns have other names, without a corrected column', async () => {
    const r = await tqa('check', 'columns.csv', '--columns', 'source=original,mt=machine,id=key', '--format', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.mt.text).toBe('Die Datei %s öffnen\nSpeichern\n');
    expect(doc.findings.map((f: { rule: string }) => f.rule)).toEqual(['check/format-string']);
  });
});

describe('write-back', () => {
  it('keeps a UTF-8 BOM', () => {
    const out = xliffFromFiles(at('bom.xlf'), undefined, {});
    expect(out.charCodeAt(0)).toBe(0xfeff);
    expect(out.slice(1, 6)).toBe('<?xml');
  });
});

describe('refused input, one line and exit 2', () => {
  it('a device (/dev/zero) and a FIFO are refused before reading, the limit named', () => {
    const d = mkdtempSync(join(tmpdir(), 'tqa-fifo-'));
    const fifo = join(d, 'pipe.po');
    const made = spawnSync('mkfifo', [fifo]);
    for (const path of made.status === 0 ? ['/dev/zero', fifo] : ['/dev/zero']) {
      const r = tqaBin('check', path);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([`tqa: ${path}: not a regular file (a device, FIFO or socket; tqa reads regular files up to 268435456 bytes)`]);
    }
  });

  it('5,000 nested <g> are one line naming the nesting limit, not a stack overflow', async () => {
    const d = mkdtempSync(join(tmpdir(), 'tqa-deep-'));
    const deep = join(d, 'deep.xlf');
    writeFileSync(deep, `<?xml version="1.0"?><xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>${'<g id="1">'.repeat(5000)}x${'</g>'.repeat(5000)}</target></trans-unit></body></file></xliff>`);
    const r = await tqa('check', deep);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`elements nested deeper than ${MAX_XML_DEPTH} levels`);
  });
});
