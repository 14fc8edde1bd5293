import { spawnSync } from 'node:child_process';
import { Command, CommanderError } from 'commander';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../../src/cli/commands/export.js';
import { isInputError } from '../../src/io/errors.js';
import type { Report } from '../../src/model.js';
import { formatReport, readReportJson } from '../../src/report/index.js';
import { openStore } from '../../src/store/index.js';
import { sampleReport } from '../fixtures/report/sample-report.js';
import { readM2, sarifValidator } from '../report/parsers.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SEED = join(ROOT, 'texts/ukraine-security-guarantees');

/** The real binary, for the end-to-end cases (exit codes through main.ts). Slow: a few calls only. */
function tqaBin(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The export command in-process, with main.ts's exit-code mapping (0 ok, 2 usage or input error). */
function tqa(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const program = new Command('tqa').exitOverride().configureOutput({ writeErr: (t) => (stderr += t), writeOut: (t) => (stdout += t) });
  register(program);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeErr: (t) => (stderr += t), writeOut: (t) => (stdout += t) });
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  let status = 0;
  try {
    program.parse(['node', 'tqa', ...args]);
  } catch (e) {
    if (e instanceof CommanderError) status = 2;
    else if (isInputError(e)) {
      stderr += `tqa: ${e.message}\n`;
      status = 2;
    } else throw e;
  } finally {
    process.stdout.write = write;
  }
  return { status, stdout, stderr };
}

describe('tqa export', () => {
  let dir: string;
  let seedReport: Report;
  let seedJson: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tqa-export-'));
    const r = tqaBin('export', join(SEED, 'mt.txt'), join(SEED, 'corrected.txt'), '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    seedJson = join(dir, 'seed.json');
    writeFileSync(seedJson, r.stdout);
    seedReport = readReportJson(r.stdout, 'stdout');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('audits MT + CORRECTED into the JSON report; a folder (which brings its glossary.tsv) equals the files + --glossary', () => {
    expect(seedReport.documents).toHaveLength(1);
    expect(seedReport.documents[0]!.id).toBe('ukraine-security-guarantees');
    expect(seedReport.documents[0]!.findings.length).toBeGreaterThan(20);
    const fromDir = tqa('export', SEED, '--format', 'csv');
    const fromFiles = tqa('export', join(SEED, 'mt.txt'), join(SEED, 'corrected.txt'), '--glossary', join(SEED, 'glossary.tsv'), '--format', 'csv');
    expect(fromDir.status).toBe(0);
    expect(fromDir.stdout).toBe(fromFiles.stdout);
    expect(fromDir.stdout.split('\r\n').length).toBeGreaterThan(20);
  });

  it('--from re-exports a saved report: SARIF valid, M2 one block per segment, same bytes as the formatter', () => {
    const sarif = tqa('export', '--from', seedJson, '--format', 'sarif');
    expect(sarif.status).toBe(0);
    expect(sarif.stdout).toBe(formatReport(seedReport, 'sarif'));
    expect(sarifValidator()(JSON.parse(sarif.stdout))).toBe(true);
    const m2 = tqa('export', '--from', seedJson, '--format', 'm2');
    expect(readM2(m2.stdout)).toHaveLength(seedReport.documents[0]!.segments.length);
  });

  it('--out writes the file and nothing to stdout', () => {
    const out = join(dir, 'report.html');
    const r = tqaBin('export', '--from', seedJson, '--format', 'html', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(formatReport(seedReport, 'html'));
  });

  it('--db applies reviewer decisions: a rejected finding drops out, a recategorised one changes', () => {
    const db = join(dir, 'tqa.db');
    const doc = seedReport.documents[0]!;
    const rejected = doc.findings.find((f) => f.mt.text === 'Volodyr')!;
    const recat = doc.findings.find((f) => f.mt.text === 'theTake')!;
    const store = openStore(db);
    store.decide(doc.id, rejected.id, { status: 'rejected', comment: 'a test' }, 'ana');
    store.decide(doc.id, recat.id, { status: 'accepted', category: 'other', severity: 'neutral' }, 'ana');
    store.close();
    for (const args of [
      [join(SEED, 'mt.txt'), join(SEED, 'corrected.txt')],
      ['--from', seedJson],
    ]) {
      const csv = parseCsv(tqa('export', ...args, '--format', 'csv', '--db', db).stdout, { columns: true }) as Array<Record<string, string>>;
      const rej = csv.find((r) => r.id === rejected.id)!;
      expect([rej.decision, rej.reviewer, rej.comment]).toEqual(['rejected', 'ana', 'a test']);
      const rc = csv.find((r) => r.id === recat.id)!;
      expect([rc.category, rc.severity]).toEqual(['other', 'neutral']);
      const tsv = tqa('export', ...args, '--format', 'mqm-tsv', '--db', db).stdout;
      expect(tsv).not.toContain('<v>Volodyr</v>');
      expect(tsv).toContain('<v>theTake</v>');
      const json = readReportJson(tqa('export', ...args, '--format', 'json', '--db', db).stdout, 'stdout');
      // A rejected finding leaves the MQM-based penalty, one recategorised as neutral too (MQM Core multipliers).
      const weight = { neutral: 0, minor: 1, major: 5, critical: 25 } as const;
      expect(json.documents[0]!.metrics.mqm.penalty).toBeCloseTo(doc.metrics.mqm.penalty - weight[rejected.severity] - weight[recat.severity], 9);
    }
  });

  it('reads localization files as tqa audit does, and writes the corrections back into XLIFF (--format xliff)', () => {
    const fx = (f: string) => join(ROOT, 'tests/fixtures/formats', f);
    const pair = [fx('xliff12-mt.xlf'), fx('xliff12-corrected.xlf')];
    const report = readReportJson(tqa('export', ...pair, '--format', 'json').stdout, 'stdout');
    const doc = report.documents[0]!;
    const gathered = doc.findings.find((f) => f.mt.text === 'gathered')!;
    expect(gathered.corrected.text).toBe('met');
    // SARIF points into the XLIFF file itself.
    const sarif = JSON.parse(tqa('export', ...pair, '--format', 'sarif').stdout) as {
      runs: Array<{ results: Array<{ partialFingerprints: Record<string, string>; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }>;
    };
    expect(sarifValidator()(sarif)).toBe(true);
    const loc = sarif.runs[0]!.results.find((r) => r.partialFingerprints['tqaFinding/v1'] === gathered.id)!.locations[0]!.physicalLocation;
    const xlfLines = readFileSync(fx('xliff12-mt.xlf'), 'utf8').split('\n');
    expect(loc.artifactLocation.uri).toMatch(/xliff12-mt\.xlf$/);
    expect(xlfLines[loc.region.startLine - 1]!.slice(loc.region.startColumn - 1)).toMatch(/^gathered/);
    // Write-back: the approved correction goes in; a rejected one puts the MT back.
    const plain = tqa('export', ...pair, '--format', 'xliff');
    expect(plain.status).toBe(0);
    expect(XMLValidator.validate(plain.stdout)).toBe(true);
    expect(plain.stdout).toContain('The leaders met on Monday.');
    const db = join(dir, 'xliff.db');
    const store = openStore(db);
    store.decide(doc.id, gathered.id, { status: 'rejected' }, 'ana');
    store.close();
    const back = tqa('export', ...pair, '--format', 'xliff', '--db', db);
    expect(back.status).toBe(0);
    expect(back.stdout).toContain('The leaders gathered on Monday.');
    expect(tqa('export', join(SEED, 'mt.txt'), join(SEED, 'corrected.txt'), '--format', 'xliff').stderr).toMatch(/writes back into an XLIFF file/);
    expect(tqa('export', '--from', seedJson, '--format', 'xliff').stderr).toMatch(/give the file, not --from/);
  });

  it.each([
    [['export', '--format', 'csv'], /give MT and CORRECTED/],
    [['export', join(SEED, 'mt.txt'), '--format', 'csv'], /give the corrected text after/],
    [['export', 'nope.txt', 'nope2.txt', '--format', 'csv'], /nope\.txt: no such file/],
    [['export', join(SEED, 'mt.txt'), join(SEED, 'corrected.txt')], /required option '--format/],
    [['export', join(SEED, 'mt.txt'), join(SEED, 'corrected.txt'), '--format', 'pdf'], /invalid|Allowed choices/i],
    [['export', '--from', 'missing.json', '--format', 'md'], /missing\.json: no such file/],
    [['export', '--from', join(SEED, 'mt.txt'), '--format', 'md'], /not valid JSON/],
    [['export', '--from', 'x.json', join(SEED, 'mt.txt'), '--format', 'md'], /either --from/],
    [['export', '--from', 'x.json', '--source', 'y', '--format', 'md'], /--source applies to an audit/],
    [['export', join(SEED, 'mt.txt'), join(SEED, 'corrected.txt'), '--format', 'md', '--db', 'no.db'], /no\.db: no such decisions database/],
    [['export', '--from', 'none.json', '--format', 'md', '--db', 'no.db'], /none\.json: no such file/],
    [['export', join(SEED, 'mt.txt'), join(SEED, 'corrected.txt'), '--format', 'md', '--threshold', 'high'], /--threshold: not a number/],
  ])('exits 2 with one line on bad input: %j', (args, message) => {
    const r = tqa(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync('no.db'), 'a missing --db is refused, not created').toBe(false);
  });

  it('the binary exits 2 with one line and no stack on bad input', () => {
    const r = tqaBin('export', 'nope.txt', 'nope2.txt', '--format', 'csv');
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'tqa: nope.txt: no such file\n']);
  });

  it('refuses a JSON file that is not a report, naming the place', () => {
    const bad = sampleReport();
    (bad.documents[0]!.findings[0] as { severity: string }).severity = 'fatal';
    const p = join(dir, 'bad.json');
    writeFileSync(p, JSON.stringify(bad));
    const r = tqa('export', '--from', p, '--format', 'csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: not a tqa report: documents\[0\]\.findings\[0\]\.severity/);
  });

  describe('folders of localization files', () => {
    const fx = (n: string) => join(ROOT, 'tests/fixtures/formats', n);
    const folder = (name: string, files: Record<string, string>) => {
      const d = join(dir, name);
      mkdirSync(d, { recursive: true });
      for (const [to, from] of Object.entries(files)) copyFileSync(fx(from), join(d, to));
      return d;
    };
    const docOf = (out: string) => readReportJson(out, 'stdout').documents;
    const shape = (d: Report['documents'][number]) => ({ mt: d.mt.text, findings: d.findings.map((f) => [f.rule, f.category, f.mt.text]) });

    it('XLIFF content in mt.txt/corrected.txt is audited as XLIFF, like naming the .xlf files', () => {
      const d = folder('xml-as-txt', { 'mt.txt': 'xliff12-mt.xlf', 'corrected.txt': 'xliff12-corrected.xlf' });
      const viaFolder = tqa('export', d, '--format', 'json');
      expect(viaFolder.stderr).toBe('');
      const viaFiles = tqa('export', fx('xliff12-mt.xlf'), fx('xliff12-corrected.xlf'), '--format', 'json');
      const [a] = docOf(viaFolder.stdout);
      const [b] = docOf(viaFiles.stdout);
      expect(a!.id).toBe('xml-as-txt');
      expect(a!.mt.text).not.toContain('<trans-unit');
      expect(a!.findings.length).toBeGreaterThan(0);
      expect(shape(a!)).toEqual(shape(b!));
      const csv = parseCsv(tqa('export', d, '--format', 'csv').stdout, { columns: true }) as Record<string, string>[];
      expect(csv.length).toBe(a!.findings.length);
      expect(JSON.stringify(csv)).not.toContain('trans-unit');
    });

    it('a folder with mt.xlf + corrected.xlf, and a folder of such folders, export like the files', () => {
      const parent = join(dir, 'l10n-tree');
      folder('l10n-tree/pair', { 'mt.xlf': 'xliff12-mt.xlf', 'corrected.xlf': 'xliff12-corrected.xlf' });
      folder('l10n-tree/one', { 'review.xlf': 'xliff12-review.xlf' });
      const viaFiles = docOf(tqa('export', fx('xliff12-mt.xlf'), fx('xliff12-corrected.xlf'), '--format', 'json').stdout);
      const viaFile = docOf(tqa('export', fx('xliff12-review.xlf'), '--format', 'json').stdout);
      const tree = docOf(tqa('export', parent, '--format', 'json').stdout);
      expect(tree.map((d) => d.id)).toEqual(['one', 'pair']);
      expect(shape(tree[0]!)).toEqual(shape(viaFile[0]!));
      expect(shape(tree[1]!)).toEqual(shape(viaFiles[0]!));
      const csv = tqa('export', join(parent, 'pair'), '--format', 'csv');
      expect(csv.status).toBe(0);
      const named = tqa('export', fx('xliff12-mt.xlf'), fx('xliff12-corrected.xlf'), '--format', 'csv');
      // Same rows once the file names (the only difference) are set aside.
      const rows = (t: string) => (parseCsv(t, { columns: true }) as Record<string, string>[]).map((r) => Object.values(r).filter((v) => !v.includes('.xlf')).join('|'));
      expect(rows(csv.stdout)).toEqual(rows(named.stdout).map((r) => r.replaceAll('xliff12-mt', 'pair')));
    });

    it('--format xliff writes back into the one XLIFF of a folder; a folder of several refuses', () => {
      const d = folder('xliff-one', { 'review.xlf': 'xliff12-review.xlf' });
      const viaFolder = tqa('export', d, '--format', 'xliff');
      expect(viaFolder.status).toBe(0);
      const viaFile = tqa('export', join(d, 'review.xlf'), '--format', 'xliff');
      expect(viaFolder.stdout).toBe(viaFile.stdout);
      expect(XMLValidator.validate(viaFolder.stdout)).toBe(true);
      const many = tqa('export', join(dir, 'l10n-tree'), '--format', 'xliff');
      expect(many.status).toBe(2);
      expect(many.stderr).toMatch(/--format xliff writes into an XLIFF file/);
    });
  });
});
