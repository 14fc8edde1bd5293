// The report adapters: one Report in, one format out, one file per format. Pure functions (no I/O).
//
// Rules every format follows (see each file's header for the details):
// - A reviewer's decision wins: a recategorised finding is shown with the decision's category/severity.
// - Rejected findings: json, csv and m2 keep them (json/csv with the decision; m2 because it describes the
//   correction itself); sarif keeps them as suppressed results; html lists them apart, struck through; md,
//   mqm-tsv, junit and github leave them out (and md, html and github say how many).
// - Segments are numbered from 1 in every format but json (which is the model, 0-based ids).
// - `opts.gate` (from `tqa check`) adds the gate's verdict to json, md, html, sarif, junit and github.
import type { Report } from '../model.js';
import { formatCsv, formatEffortCsv } from './csv.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJsonl } from './jsonl.js';
import { formatJunit } from './junit.js';
import { formatM2 } from './m2.js';
import { formatMarkdown } from './markdown.js';
import { formatMqmTsv } from './mqm-tsv.js';
import type { FormatOptions } from './options.js';
import { formatSarif } from './sarif.js';

export type { FormatOptions, GateSummary } from './options.js';
export { readReportJson } from './read-json.js';

export const FORMATS = ['json', 'jsonl', 'csv', 'effort-csv', 'md', 'html', 'mqm-tsv', 'm2', 'sarif', 'junit', 'github'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export function isReportFormat(s: string): s is ReportFormat {
  return (FORMATS as readonly string[]).includes(s);
}

/** The usual file extension of each format, for naming output files. */
export const FORMAT_EXTENSIONS: Record<ReportFormat, string> = {
  json: 'json',
  jsonl: 'jsonl',
  csv: 'csv',
  'effort-csv': 'csv',
  md: 'md',
  html: 'html',
  'mqm-tsv': 'tsv',
  m2: 'm2',
  sarif: 'sarif',
  junit: 'xml',
  github: 'txt',
};

/** Formats whose output is bytes, written asynchronously (exceljs zips the workbook). */
export const BINARY_FORMATS = ['xlsx'] as const;
export type BinaryReportFormat = (typeof BINARY_FORMATS)[number];

export function isBinaryFormat(s: string): s is BinaryReportFormat {
  return (BINARY_FORMATS as readonly string[]).includes(s);
}

export async function formatBinaryReport(report: Report, format: BinaryReportFormat, opts: FormatOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'xlsx':
      // exceljs takes ~1 s to load: only an xlsx export pays for it.
      return (await import('./xlsx.js')).formatXlsx(report, opts);
  }
}

export function formatReport(report: Report, format: ReportFormat, opts: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(report, opts);
    case 'jsonl':
      return formatJsonl(report);
    case 'csv':
      return formatCsv(report);
    case 'effort-csv':
      return formatEffortCsv(report, opts);
    case 'md':
      return formatMarkdown(report, opts);
    case 'html':
      return formatHtml(report, opts);
    case 'mqm-tsv':
      return formatMqmTsv(report);
    case 'm2':
      return formatM2(report);
    case 'sarif':
      return formatSarif(report, opts);
    case 'junit':
      return formatJunit(report, opts);
    case 'github':
      return formatGithub(report, opts);
  }
}
