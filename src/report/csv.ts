import { tagText } from './tags.js';
import type { Report } from '../model.js';
import {
  correctionOf,
  effectiveCategory,
  effectiveSeverity,
  effortOf,
  folderEffort,
  isRecategorised,
  segmentNumber,
  segmentSources,
  sortedFindings,
} from './effective.js';
import type { FormatOptions } from './options.js';

/** Column names of the CSV export, in order. */
export const CSV_COLUMNS = [
  'document',
  'segment',
  'line',
  'col',
  'end_line',
  'end_col',
  'source',
  'mt',
  'correction',
  'operation',
  'category',
  'type',
  'severity',
  'decision',
  'reviewer',
  'comment',
  'rule',
  'message',
  'id',
  'origin',
  'recategorised_from',
  'segment_similarity',
] as const;

/** One row per finding, rejected ones included (decision = "rejected"), so a spreadsheet can filter them.
 *  Category and severity are the effective ones (a reviewer's recategorisation wins; `recategorised_from` names
 *  the original "category severity"); `origin` is `reviewer` for a finding a reviewer added. `source` is the
 *  segment's source text where the source has one line per segment (else empty); `segment_similarity` the
 *  segment's post-editing similarity in percent (src/metrics/effort.ts), empty when not measured. Segment numbers
 *  are 1-based. RFC 4180: CRLF line ends; a field with a quote, comma, CR or LF is quoted, quotes doubled.
 *  Cells are neutralised against formula injection (see csvCell), so a text starting with = + - @ tab or CR
 *  reads back with a leading apostrophe. */
export function formatCsv(report: Report): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const doc of report.documents) {
    const sources = segmentSources(doc);
    const t = tagText(doc);
    const similarity = new Map(doc.effort?.segments.map((s) => [s.segment, s.similarity]));
    for (const f of sortedFindings(doc.findings)) {
      const sim = similarity.get(f.segment);
      rows.push([
        doc.id,
        String(segmentNumber(f.segment)),
        String(f.mt.line),
        String(f.mt.col),
        String(f.mt.endLine),
        String(f.mt.endCol),
        t(sources?.get(f.segment) ?? ''),
        t(f.mt.text),
        t(correctionOf(f) ?? ''),
        f.operation,
        effectiveCategory(f),
        f.type,
        effectiveSeverity(f),
        f.decision?.status ?? '',
        f.decision?.reviewer ?? '',
        f.decision?.comment ?? '',
        f.rule,
        t(f.message),
        f.id,
        f.origin ?? '',
        isRecategorised(f) ? `${f.category} ${f.severity}` : '',
        sim === undefined ? '' : String(sim),
      ]);
    }
  }
  return csvText(rows);
}

export const EFFORT_CSV_COLUMNS = ['document', 'band', 'min', 'max', 'segments', 'words'] as const;

/** The post-editing effort bands as CSV: per document one row per band, and, for two or more documents, the
 *  folder's totals with document `(all documents)`. Documents without a measured effort are left out. */
export function formatEffortCsv(report: Report, opts: FormatOptions = {}): string {
  const rows: string[][] = [[...EFFORT_CSV_COLUMNS]];
  const add = (name: string, bands: Array<{ label: string; min: number; max: number; segments: number; words: number }>) => {
    for (const b of bands) rows.push([name, b.label, String(b.min), String(b.max), String(b.segments), String(b.words)]);
  };
  for (const doc of report.documents) {
    const e = effortOf(doc, opts);
    if (e) add(doc.id, e.bands);
  }
  const total = folderEffort(report.documents, opts);
  if (total) add('(all documents)', total.bands);
  return csvText(rows);
}

function csvText(rows: string[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(s: string): string {
  const v = csvCell(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** OWASP "CSV Injection": a cell that starts with = + - @ tab or carriage return is read as a formula by Excel,
 *  LibreOffice and Google Sheets (=HYPERLINK(…), DDE), so it is prefixed with a single quote, which those
 *  programs show as text. The quote is visible to a program that re-reads the file: the price of safety. */
export function csvCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
