import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { DocumentReport, Report } from '../../model.js';
import { InputError } from '../../io/errors.js';
import { INPUT_FORMATS } from '../../io/formats/index.js';
import { readGlossary } from '../../io/glossary.js';
import { readTextFile } from '../../io/read-text.js';
import { auditDocument, makeReport, readDocumentDir, type AuditInput } from '../../audit.js';
import { documentDirsUnder, isDocumentDir, localizedFilesOf } from '../../io/formats/document-files.js';
import { BINARY_FORMATS, FORMATS, formatBinaryReport, formatReport, isBinaryFormat, readReportJson, type FormatOptions, type ReportFormat } from '../../report/index.js';
import { normaliseBands } from '../../metrics/effort.js';
import { auditFiles, auditOptionsFromFlags, xliffFromFiles, type AuditFlags } from '../../audit-files.js';
import { withDecisionStore } from '../decisions.js';
import { writeOutput } from '../output.js';

/** The report formats, plus `xliff`: the reviewer-approved corrections written back into the XLIFF file. */
const EXPORT_FORMATS = [...FORMATS, ...BINARY_FORMATS, 'xliff'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FORMAT_HELP = `
Formats (a reviewer's recategorisation always wins; "rejected" says what happens to rejected findings):
  json     the audit report exactly (tqa audit --format json); rejected kept, with their decision
  csv      one row per finding, RFC 4180, cells starting with = + - @ guarded by a '; rejected kept (decision column)
  effort-csv  the post-editing effort bands (words per similarity band) per document and for the folder
  xlsx     an Excel workbook: Summary (scores, category x severity, effort bands), Findings (autofilter), Effort
  md       summary tables + findings by category; rejected left out, counted
  html     one self-contained page: highlighted text, summary, SVG charts, printable; rejected listed apart
  mqm-tsv  WMT/Google MQM TSV for the Marot viewer, <v>…</v> spans, No-error rows; rejected left out
  m2       ERRANT M2 (S tokens + A edits, noop for clean segments); every edit of the correction
  sarif    SARIF 2.1.0 for code scanning; rejected kept as suppressed results
  junit    JUnit XML, a testcase per segment, a failure per minor+ finding; rejected left out
  github   GitHub Actions ::error/::warning annotations, 50 at most, then a summary line; rejected left out
  xliff    the XLIFF input with the corrections written back (a rejected edit puts the MT back), states reviewed/final

Examples:
  tqa export mt.txt corrected.txt --format html --out report.html
  tqa export texts/ --format csv --db .tqa/tqa.db > findings.csv
  tqa audit mt.txt corrected.txt --format json > report.json && tqa export --from report.json --format sarif
`;

interface ExportOpts extends AuditFlags {
  format: ExportFormat;
  from?: string;
  db?: string;
  out?: string;
  effortBands?: string;
}

export function register(program: Command): void {
  program
    .command('export')
    .description('write a correction report (an audit of MT against its correction, or a saved JSON report) in a format other tools read')
    .argument('[mt]', 'the MT (UTF-8 text, or XLIFF/PO/TMX/CSV/TSV), or a folder with mt.txt + corrected.txt [+ source.txt, glossary.tsv] or localization files (mt.xlf + corrected.xlf, one review.xlf...), or a folder of such folders')
    .argument('[corrected]', 'the corrected (post-edited) text (omit for an XLIFF/TMX/CSV file that holds both)')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('--from <report.json>', 'export a saved report (tqa audit --format json) instead of auditing')
    .option('--source <file>', 'the source text (for the audit; the MQM TSV source column when it has one line per segment)')
    .option('--glossary <file>', 'glossary TSV: term<TAB>forbidden|variants')
    .option('--db <file>', 'reviewer decisions (tqa serve): rejected findings drop out, recategorised ones change')
    .addOption(new Option('--segmentation <mode>', 'segment by sentences (auto) or by lines').choices(['auto', 'lines']))
    .addOption(new Option('--corrected-kind <kind>', 'the corrected text is a post-edit of this MT, or an independent reference translation (differences that keep the meaning are neutral)').choices(['post-edit', 'reference']))
    .addOption(new Option('--mqm-preset <preset>', 'MQM-based scoring weights').choices(['mqm-core', 'wmt-google']))
    .option('--threshold <score>', 'MQM-based pass threshold')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--effort-bands <list>', 'lower bounds of the post-editing effort bands in percent (default 100,95,85,75,50)')
    .addOption(new Option('--input-format <format>', 'input file format (default: detected from the content)').choices(INPUT_FORMATS))
    .option('--columns <map>', 'CSV/TSV columns by header name, e.g. source=src,mt=mt,corrected=pe')
    .option('--mt-lang <code>', 'TMX: the xml:lang of the MT tuv (one file with both versions)')
    .option('--target-lang <bcp47>', 'the target language (de, fr-CA, zh…): its language pack; in a TMX also the corrected tuv (default: the file\'s metadata, else detected)')
    .option('--source-lang <bcp47>', 'the source language, for source-aware rules (default: the file\'s metadata, else detected from --source)')
    .addHelpText('after', FORMAT_HELP)
    .action((mt: string | undefined, corrected: string | undefined, opts: ExportOpts) => runExport(mt, corrected, opts));
}

/** Synchronous for the text formats (as callers of program.parse expect); a promise only for a binary format. */
function runExport(mt: string | undefined, corrected: string | undefined, opts: ExportOpts): void | Promise<void> {
  if (opts.effortBands !== undefined) effortBands(opts.effortBands); // bad bands fail before the audit runs
  if (isBinaryFormat(opts.format) && opts.out === undefined && process.stdout.isTTY) {
    throw new InputError(`export: --format ${opts.format} is binary: give --out FILE or redirect stdout`);
  }
  const output = opts.from !== undefined ? exportFromJson(mt, opts) : exportFromAudit(mt, corrected, opts);
  if (typeof output === 'string') return writeOutput(opts.out, output);
  return output.then((bytes) => writeOutput(opts.out, bytes));
}

/** A text format's string, or a binary format's bytes (xlsx, written asynchronously). */
type Rendered = string | Promise<Uint8Array>;

function render(report: Report, opts: ExportOpts): Rendered {
  const fo: FormatOptions = {};
  if (opts.effortBands !== undefined) fo.effortBands = effortBands(opts.effortBands);
  if (isBinaryFormat(opts.format)) return formatBinaryReport(report, opts.format, fo);
  return formatReport(report, opts.format as ReportFormat, fo);
}

function effortBands(list: string): number[] {
  try {
    return normaliseBands(list.split(',').map((x) => (x.trim() === '' ? NaN : Number(x))));
  } catch (e) {
    throw new InputError(`export: --effort-bands ${list}: ${(e as Error).message.replace(/^effort bands: /, '')}`);
  }
}

function exportFromJson(mt: string | undefined, opts: ExportOpts): Rendered {
  if (opts.format === 'xliff') throw new InputError('export: --format xliff writes into the XLIFF file: give the file, not --from');
  return render(reportFromJson(mt, opts), opts);
}

/** Audits files (plain text or a localization file, as `tqa audit` reads them) or document folders. */
function exportFromAudit(mt: string | undefined, corrected: string | undefined, opts: ExportOpts): Rendered {
  if (mt === undefined) throw new InputError('export: give MT and CORRECTED (or a folder), or --from REPORT.json');
  const auditOpts = auditOptionsFromFlags(opts);
  return withDecisionStore(opts.db, (apply) => {
    const decide = (doc: DocumentReport) => apply(doc, auditOpts);
    if (isDirectory(mt)) {
      const folders = folderDocuments(mt, corrected, opts);
      // A document keeps its folder's name as id (as `tqa serve` shows it), so the decisions made there apply.
      const as = (id: string) => (doc: DocumentReport) => decide({ ...doc, id });
      if (opts.format === 'xliff') {
        const only = folders.length === 1 ? folders[0]! : undefined;
        if (!only?.files) throw new InputError(`export: --format xliff writes into an XLIFF file; ${mt} is a folder without one XLIFF document`);
        return xliffFromFiles(only.files.mt, only.files.corrected, only.flags, { audit: auditOpts, decide: as(only.id) });
      }
      const docs = folders.map((f) =>
        f.files
          ? auditFiles(f.files.mt, f.files.corrected, f.flags, { audit: auditOpts, format: opts.format, then: as(f.id) })
          : decide(auditDocument(f.input!, auditOpts)),
      );
      return render(makeReport(docs), opts);
    }
    if (opts.format === 'xliff') return xliffFromFiles(mt, corrected, opts, { audit: auditOpts, decide });
    const doc = auditFiles(mt, corrected, opts, { audit: auditOpts, format: opts.format, then: decide });
    return render(makeReport([doc]), opts);
  });
}

function reportFromJson(mt: string | undefined, opts: ExportOpts): Report {
  if (mt !== undefined) throw new InputError('export: give either --from REPORT.json or MT and CORRECTED, not both');
  for (const [flag, value] of [
    ['--source', opts.source],
    ['--glossary', opts.glossary],
    ['--segmentation', opts.segmentation],
    ['--corrected-kind', opts.correctedKind],
    ['--input-format', opts.inputFormat],
    ['--columns', opts.columns],
    ['--mt-lang', opts.mtLang],
    ['--target-lang', opts.targetLang],
    ['--source-lang', opts.sourceLang],
  ] as const) {
    if (value !== undefined) throw new InputError(`export: ${flag} applies to an audit, not to a report read with --from`);
  }
  if (opts.db === undefined && (opts.mqmPreset !== undefined || opts.threshold !== undefined)) {
    throw new InputError('export: --mqm-preset/--threshold re-score a report read with --from only together with --db');
  }
  const path = opts.from!;
  const report = readReportJson(readTextFile(path).text, path);
  if (opts.db === undefined) return report;
  // Decisions re-score each document with the preset and threshold it was scored with (unless overridden).
  const o = auditOptionsFromFlags(opts);
  return withDecisionStore(opts.db, (apply) =>
    makeReport(report.documents.map((doc) => apply(doc, { ...o, mqm: { preset: doc.metrics.mqm.preset, threshold: doc.metrics.mqm.threshold, ...o.mqm } }))),
  );
}

/** One document of a folder: a text pair read as is, or localization files (by name, or by content in
 *  mt.txt/corrected.txt) with the flags to audit them. */
interface FolderDocument {
  id: string;
  input?: AuditInput;
  files?: { mt: string; corrected?: string };
  flags: AuditFlags;
}

/** A document folder (mt.txt + corrected.txt [+ source.txt, glossary.tsv], or localization files) or a folder of them. */
function folderDocuments(dir: string, corrected: string | undefined, opts: ExportOpts): FolderDocument[] {
  if (corrected !== undefined) throw new InputError(`export: ${dir} is a folder; give CORRECTED only with an MT file`);
  for (const [flag, value] of [
    ['--input-format', opts.inputFormat],
    ['--columns', opts.columns],
    ['--mt-lang', opts.mtLang],
  ] as const) {
    if (value !== undefined) throw new InputError(`export: ${flag} applies to a localization file, not to a folder; name the file`);
  }
  const dirs = isDocumentDir(dir) ? [dir] : documentDirsUnder(dir);
  if (dirs.length === 0) throw new InputError(`${dir}: no mt.txt + corrected.txt and no localization files (XLIFF, PO, TMX, CSV/TSV) in this folder or its sub-folders`);
  if (opts.source !== undefined && dirs.length > 1) throw new InputError(`export: --source goes with one document (${dir} holds ${dirs.length})`);
  const glossary = opts.glossary !== undefined ? readGlossary(opts.glossary) : undefined;
  const source = opts.source !== undefined ? readTextFile(opts.source) : undefined;
  return dirs.map((d) => {
    const id = basename(resolve(d));
    const files = localizedFilesOf(d);
    if (files) {
      const folderGlossary = join(d, 'glossary.tsv');
      const g = opts.glossary ?? (existsSync(folderGlossary) ? folderGlossary : undefined);
      return { id, files, flags: { ...(g !== undefined ? { glossary: g } : {}), ...(opts.source !== undefined ? { source: opts.source } : {}) } };
    }
    const input = readDocumentDir(d);
    if (source) input.source = source;
    if (glossary) input.glossary = glossary;
    return { id, input, flags: {} };
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
