// The Excel export read back by exceljs (as a spreadsheet program reads it: sheets, typed cells, the autofilter) and
// by its raw OOXML through jszip (no formula element anywhere, no server path), and written by the CLI to --out (in
// process, tests/cli/run-cli.ts) and by the real binary to a redirected stdout (the process is the point there).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDocument, makeReport, readDocumentDir } from '../../src/audit.js';
import { withBands } from '../../src/metrics/effort.js';
import type { Report } from '../../src/model.js';
import { formatBinaryReport } from '../../src/report/index.js';
import { runCli } from '../cli/run-cli.js';
import { buildDocument } from '../fixtures/report/sample-report.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SEED = join(ROOT, 'texts/ukraine-security-guarantees');

async function readBook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Rows of a sheet as arrays of plain cell values (index 0 = column A). */
function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    out.push(values.slice(1));
  });
  return out;
}

/** The Summary row whose first cell is `label`, after the document's heading `after`. */
function summaryValue(all: unknown[][], label: string, from = 0): unknown[] | undefined {
  return all.slice(from).find((r) => r[0] === label);
}

describe('xlsx of a real audit of the seed', () => {
  let report: Report;
  let bytes: Uint8Array;
  beforeAll(async () => {
    report = makeReport([auditDocument(readDocumentDir(SEED))]);
    bytes = await formatBinaryReport(report, 'xlsx');
  });
  const doc = () => report.documents[0]!;

  it('is a zip workbook with the sheets Summary, Findings and Effort', async () => {
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
    const wb = await readBook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Findings', 'Effort']);
  });

  it('Findings: the header, an autofilter over it, one typed row per finding', async () => {
    const ws = (await readBook(bytes)).getWorksheet('Findings')!;
    const all = rows(ws);
    expect(all[0]).toEqual([
      'Document', 'Segment', 'Line:col', 'Source', 'MT', 'Correction', 'Category', 'Severity', 'Type', 'Rule', 'Status',
      'Review', 'Recategorised from', 'Origin', 'Message', 'Id',
    ]);
    expect(all).toHaveLength(doc().findings.length + 1);
    const v = all.find((r) => r[4] === 'Volodyr')!;
    const f = doc().findings.find((x) => x.mt.text === 'Volodyr')!;
    expect(v.slice(0, 10)).toEqual(['ukraine-security-guarantees', 1, `1:${f.mt.col}`, '', 'Volodyr', 'Volodymyr', f.category, f.severity, f.type, f.rule]);
    expect(typeof v[1]).toBe('number');
    const zip = await JSZip.loadAsync(bytes);
    const sheet2 = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(sheet2).toContain('<autoFilter ref="A1:P1"/>');
  });

  it('Summary: the scores as numbers, the category × severity counts, the effort bands of the seed', async () => {
    const all = rows((await readBook(bytes)).getWorksheet('Summary')!);
    expect(summaryValue(all, 'HTER')![1]).toBeCloseTo(doc().metrics.hter, 12);
    expect(summaryValue(all, 'Findings (not rejected)')![1]).toBe(doc().findings.length);
    expect(summaryValue(all, 'MT')![1]).toBe('mt.txt');
    const header = all.findIndex((r) => r[0] === 'Category');
    expect(all[header]).toEqual(['Category', 'critical', 'major', 'minor', 'neutral', 'Total']);
    const total = summaryValue(all, 'Total', header)!;
    expect(total[5]).toBe(doc().findings.length);
    // The seed's bands, as tests/metrics/effort.test.ts has them from the independent Python table.
    const bands = all.findIndex((r) => r[0] === 'Similarity (MT vs. post-edit)');
    expect(all.slice(bands + 1, bands + 8).map((r) => r.slice(0, 3))).toEqual([
      ['100%', 3, 64],
      ['95–99%', 5, 141],
      ['85–94%', 8, 243],
      ['75–84%', 5, 136],
      ['50–74%', 0, 0],
      ['< 50%', 0, 0],
      ['Total', 21, 584],
    ]);
    expect(all[bands + 3]![3]).toBeCloseTo(243 / 584, 12);
  });

  it('Effort: one row per segment with its similarity and band', async () => {
    const all = rows((await readBook(bytes)).getWorksheet('Effort')!);
    expect(all).toHaveLength(doc().segments.length + 1);
    expect(all.find((r) => r[1] === 8)).toEqual(['ukraine-security-guarantees', 8, 7, 1, 48, 97, '95–99%']); // "Photo :"
  });
});

describe('xlsx for a client', () => {
  const clientReport = (): Report => {
    const doc = buildDocument(
      'client-a',
      [
        { mt: '=SUM(A1) is what the MT wrote.', edits: [{ find: '=SUM(A1)', replace: '+total', category: 'fluency/grammar', severity: 'minor', type: 'R:OTHER' }] },
        {
          mt: 'Canada and her allies.',
          edits: [{ find: 'her', replace: 'its', category: 'fluency/grammar', severity: 'minor', type: 'R:PRON', decision: { status: 'accepted', category: 'accuracy/mistranslation', reviewer: 'ben' } }],
        },
        { mt: 'No soldiers.', edits: [{ find: 'soldiers', replace: 'troops', category: 'style/awkward', severity: 'minor', type: 'R:NOUN', origin: 'reviewer', decision: { status: 'accepted', reviewer: 'ana' } }] },
      ],
      '\n',
      { mt: '/srv/tqa/texts/client-a/mt.txt', corrected: '/srv/tqa/texts/client-a/corrected.txt' },
    );
    doc.source = { path: '/srv/tqa/texts/client-a/source.txt', text: '=Source un.\nLe Canada et ses alliés.\nPas de soldats.' };
    doc.effort = withBands([
      { segment: 0, distance: 3, length: 30, similarity: 90, words: 6 },
      { segment: 1, distance: 3, length: 22, similarity: 86, words: 4 },
      { segment: 2, distance: 0, length: 12, similarity: 100, words: 2 },
    ]);
    return { tool: { name: 'tqa', version: 'test' }, documents: [doc] };
  };

  it('has the source, the status, recategorised and reviewer-added marks; texts stay text, never formulas', async () => {
    const bytes = await formatBinaryReport(clientReport(), 'xlsx');
    const all = rows((await readBook(bytes)).getWorksheet('Findings')!);
    const col = (name: string) => (all[0] as string[]).indexOf(name);
    const her = all.find((r) => r[col('MT')] === 'her')!;
    expect([her[col('Source')], her[col('Category')], her[col('Status')], her[col('Recategorised from')]]).toEqual([
      'Le Canada et ses alliés.',
      'accuracy/mistranslation',
      'accepted',
      'fluency/grammar minor',
    ]);
    expect(her[col('Review')]).toBe('accepted by ben, recategorised (was fluency/grammar, minor)');
    const added = all.find((r) => r[col('MT')] === 'soldiers')!;
    expect([added[col('Origin')], added[col('Review')]]).toEqual(['reviewer', 'added by ana']);
    const sum = all.find((r) => r[col('MT')] === '=SUM(A1)')!;
    expect([sum[col('Source')], sum[col('Correction')]]).toEqual(['=Source un.', '+total']);
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).not.toMatch(/<f[ >]/);
      expect(xml, name).not.toContain('/srv/');
    }
  });
});

describe('tqa export --format xlsx', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tqa-xlsx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The compiled binary (tests/setup/build-dist.ts keeps dist/ current), its stdout a pipe as when redirected.
  const binary = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), ...args], { cwd: ROOT, maxBuffer: 1 << 26 });

  it('writes the workbook to --out, and the same workbook to a redirected stdout (bytes differ only by the zip dates)', async () => {
    const out = join(dir, 'r.xlsx');
    const a = await runCli(['export', SEED, '--format', 'xlsx', '--out', out], ROOT);
    expect(a.code, a.stderr).toBe(0);
    const b = binary(['export', SEED, '--format', 'xlsx']);
    expect(b.status, b.stderr.toString()).toBe(0);
    const file = readFileSync(out);
    const wbFile = await readBook(file);
    const wbPipe = await readBook(b.stdout);
    expect(rows(wbPipe.getWorksheet('Findings')!)).toEqual(rows(wbFile.getWorksheet('Findings')!));
    expect(rows(wbFile.getWorksheet('Findings')!).length).toBeGreaterThan(20);
  }, 240_000); // one real CLI run (audit included); the shared build machine is slow

  it('refuses bad --effort-bands with the limit named (exit 2, one line)', async () => {
    const r = await runCli(['export', SEED, '--format', 'xlsx', '--out', join(dir, 'x.xlsx'), '--effort-bands', '100,95,120'], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tqa: export: --effort-bands 100,95,120: 120 is not an integer percent from 0 to 100\n');
  });
});
