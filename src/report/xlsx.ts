import { tagText } from './tags.js';
import ExcelJS from 'exceljs';
import type { EffortAnalysis, EffortTotals } from '../metrics/effort.js';
import type { DocumentReport, Finding, Report } from '../model.js';
import {
  SEVERITIES_DESC,
  correctionOf,
  countFindings,
  effectiveCategory,
  effectiveSeverity,
  effortOf,
  fileName,
  folderEffort,
  isRecategorised,
  isReferenceFree,
  reviewStatus,
  segmentNumber,
  segmentSources,
  sortedFindings,
} from './effective.js';
import type { FormatOptions } from './options.js';

// An Excel workbook (exceljs) for localization managers: a Summary sheet (per document the scores, the findings by
// category × severity and the post-editing effort bands; then the folder's effort), a Findings sheet (one row per
// finding, rejected ones included so that the autofilter can hide them, header frozen) and an Effort sheet (one row
// per segment). Numbers are numbers, not text. Texts are written as strings, never formulas: a cell starting with
// "=" is not evaluated (exceljs only writes a formula for a {formula} value), so no CSV-style quote is needed.
// Paths are file names only.

export const FINDING_COLUMNS = [
  'Document',
  'Segment',
  'Line:col',
  'Source',
  'MT',
  'Correction',
  'Category',
  'Severity',
  'Type',
  'Rule',
  'Status',
  'Review',
  'Recategorised from',
  'Origin',
  'Message',
  'Id',
] as const;

export const EFFORT_COLUMNS = ['Document', 'Segment', 'MT words', 'Distance (characters)', 'Length (characters)', 'Similarity %', 'Band'] as const;

/** Excel's limit on the characters of one cell. */
const CELL_MAX = 32767;

export async function formatXlsx(report: Report, opts: FormatOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `${report.tool.name} ${report.tool.version}`;
  summarySheet(wb.addWorksheet('Summary'), report, opts);
  findingsSheet(wb.addWorksheet('Findings', { views: [{ state: 'frozen', ySplit: 1 }] }), report);
  effortSheet(wb.addWorksheet('Effort', { views: [{ state: 'frozen', ySplit: 1 }] }), report, opts);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function summarySheet(ws: ExcelJS.Worksheet, report: Report, opts: FormatOptions): void {
  ws.columns = [{ width: 34 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  const heading = (text: string, size = 12) => {
    const row = ws.addRow([text]);
    row.font = { bold: true, size };
  };
  heading('Translation-quality report', 14);
  ws.addRow([`${report.tool.name} ${report.tool.version}`, `${report.documents.length} document${report.documents.length === 1 ? '' : 's'}`]);
  for (const doc of report.documents) {
    ws.addRow([]);
    heading(doc.id);
    ws.addRow(['MT', fileName(doc.mt.path)]);
    ws.addRow(['Corrected', doc.corrected.path ? fileName(doc.corrected.path) : 'none (reference-free checks)']);
    for (const [k, v] of metricRows(doc)) ws.addRow([k, v]);
    const counts = countFindings(doc.findings);
    if (counts.total > 0) {
      ws.addRow([]);
      headerRow(ws.addRow(['Category', ...SEVERITIES_DESC, 'Total']));
      const rows = [...counts.byCategory].map(([cat, bySev]) => ({ cat, counts: SEVERITIES_DESC.map((s) => bySev[s]), total: SEVERITIES_DESC.reduce((n, s) => n + bySev[s], 0) }));
      rows.sort((a, b) => b.total - a.total || a.cat.localeCompare(b.cat));
      for (const r of rows) ws.addRow([r.cat, ...r.counts, r.total]);
      const total = ws.addRow(['Total', ...SEVERITIES_DESC.map((s) => counts.bySeverity[s]), counts.total]);
      total.font = { bold: true };
    }
    const effort = effortOf(doc, opts);
    if (effort) effortTable(ws, effort, 'Post-editing effort');
  }
  const folder = folderEffort(report.documents, opts);
  if (folder) {
    ws.addRow([]);
    heading(`All documents (${folder.documents})`);
    effortTable(ws, folder, 'Post-editing effort, all documents');
  }
}

/** The scores of a document as numbers (reference metrics only when measured). */
function metricRows(doc: DocumentReport): Array<[string, number | string]> {
  const m = doc.metrics;
  const counts = countFindings(doc.findings);
  const rows: Array<[string, number | string]> = [];
  if (!isReferenceFree(doc)) {
    rows.push(['Segments', doc.segments.length], ['HTER', m.hter], ['TER', m.ter], ['chrF', m.chrf], ['chrF++', m.chrfpp], ['BLEU', m.bleu]);
  }
  rows.push(
    [`MQM-based score (${m.mqm.preset})`, m.mqm.score],
    ['MQM threshold', m.mqm.threshold],
    ['MQM verdict', m.mqm.pass ? 'pass' : 'fail'],
    ['MQM penalty per 1000 words', m.mqm.perThousand],
    ['Findings (not rejected)', counts.total],
    ['Rejected by reviewers', counts.rejected],
  );
  return rows;
}

function effortTable(ws: ExcelJS.Worksheet, e: EffortAnalysis | EffortTotals, title: string): void {
  ws.addRow([]);
  ws.addRow([title]).font = { bold: true };
  headerRow(ws.addRow(['Similarity (MT vs. post-edit)', 'Segments', 'Words', '% of words']));
  for (const b of e.bands) ws.addRow([b.label, b.segments, b.words, e.words ? b.words / e.words : 0]).getCell(4).numFmt = '0.0%';
  const total = ws.addRow(['Total', e.bands.reduce((n, b) => n + b.segments, 0), e.words, e.words ? 1 : 0]);
  total.font = { bold: true };
  total.getCell(4).numFmt = '0.0%';
  ws.addRow(['Similarity = 100 × (1 − character Levenshtein distance / longer segment length), floored; words are MT words.']).font = { italic: true };
}

function findingsSheet(ws: ExcelJS.Worksheet, report: Report): void {
  ws.columns = FINDING_COLUMNS.map((header) => ({ header, width: WIDTHS[header] ?? 14 }));
  headerRow(ws.getRow(1));
  for (const doc of report.documents) {
    const sources = segmentSources(doc);
    for (const f of sortedFindings(doc.findings)) ws.addRow(findingRow(doc, f, sources));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FINDING_COLUMNS.length } };
}

const WIDTHS: Partial<Record<string, number>> = { Source: 40, MT: 30, Correction: 30, Category: 24, Review: 30, Message: 50, 'Recategorised from': 24 };

function findingRow(doc: DocumentReport, f: Finding, sources: Map<number, string> | undefined): Array<string | number> {
  const t = tagText(doc);
  return [
    doc.id,
    segmentNumber(f.segment),
    `${f.mt.line}:${f.mt.col}`,
    cell(t(sources?.get(f.segment) ?? '')),
    cell(t(f.mt.text)),
    cell(t(correctionOf(f) ?? '')),
    effectiveCategory(f),
    effectiveSeverity(f),
    f.type,
    f.rule,
    f.decision?.status ?? '',
    cell(reviewStatus(f)),
    isRecategorised(f) ? `${f.category} ${f.severity}` : '',
    f.origin ?? '',
    cell(t(f.message)),
    f.id,
  ];
}

function effortSheet(ws: ExcelJS.Worksheet, report: Report, opts: FormatOptions): void {
  ws.columns = EFFORT_COLUMNS.map((header) => ({ header, width: header.length + 4 }));
  headerRow(ws.getRow(1));
  for (const doc of report.documents) {
    const e = effortOf(doc, opts);
    if (!e) continue;
    for (const s of e.segments) {
      const band = e.bands.find((b) => s.similarity >= b.min)!;
      ws.addRow([doc.id, segmentNumber(s.segment), s.words, s.distance, s.length, s.similarity, band.label]);
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EFFORT_COLUMNS.length } };
}

function headerRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
}

/** Text for one cell, within Excel's 32,767-character limit. */
function cell(s: string): string {
  if (s.length <= CELL_MAX) return s;
  const cut = /[\uD800-\uDBFF]/.test(s[CELL_MAX - 2]!) ? CELL_MAX - 2 : CELL_MAX - 1; // never half a surrogate pair
  return `${s.slice(0, cut)}…`;
}
