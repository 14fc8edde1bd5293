import type { Report } from '../model.js';
import { correctionOf, effectiveCategory, effectiveSeverity, segmentNumber, sortedFindings } from './effective.js';

/** Column names of the CSV export, in order. */
export const CSV_COLUMNS = [
  'document',
  'segment',
  'line',
  'col',
  'end_line',
  'end_col',
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
] as const;

/** One row per finding, rejected ones included (decision = "rejected"), so a spreadsheet can filter them.
 *  Category and severity are the effective ones (a reviewer's recategorisation wins). Segment numbers are
 *  1-based. RFC 4180: CRLF line ends; a field with a quote, comma, CR or LF is quoted, quotes doubled.
 *  Text is written verbatim (no formula-escaping), so a re-read gives the exact spans back. */
export function formatCsv(report: Report): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const doc of report.documents) {
    for (const f of sortedFindings(doc.findings)) {
      rows.push([
        doc.id,
        String(segmentNumber(f.segment)),
        String(f.mt.line),
        String(f.mt.col),
        String(f.mt.endLine),
        String(f.mt.endCol),
        f.mt.text,
        correctionOf(f) ?? '',
        f.operation,
        effectiveCategory(f),
        f.type,
        effectiveSeverity(f),
        f.decision?.status ?? '',
        f.decision?.reviewer ?? '',
        f.decision?.comment ?? '',
        f.rule,
        f.message,
        f.id,
      ]);
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
