import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import type { DocumentReport, Report } from '../../model.js';
import { InputError } from '../../io/errors.js';
import { readGlossary } from '../../io/glossary.js';
import { decodeText, readTextFile } from '../../io/read-text.js';
import { applyDecisions, auditDocument, documentId, listDocumentDirs, makeReport, readDocumentDir, type AuditInput, type AuditOptions } from '../../audit.js';
import { FORMATS, formatReport, readReportJson, type ReportFormat } from '../../report/index.js';
import { openStore } from '../../store/index.js';

const FORMAT_HELP = `
Formats (a reviewer's recategorisation always wins; "rejected" says what happens to rejected findings):
  json     the audit report exactly (tqa audit --format json); rejected kept, with their decision
  csv      one row per finding, RFC 4180; rejected kept (decision column)
  md       summary tables + findings by category; rejected left out, counted
  html     one self-contained page: highlighted text, summary, SVG charts, printable; rejected listed apart
  mqm-tsv  WMT/Google MQM TSV for the Marot viewer, <v>…</v> spans, No-error rows; rejected left out
  m2       ERRANT M2 (S tokens + A edits, noop for clean segments); every edit of the correction
  sarif    SARIF 2.1.0 for code scanning; rejected kept as suppressed results
  junit    JUnit XML, a testcase per segment, a failure per minor+ finding; rejected left out
  github   GitHub Actions ::error/::warning annotations, 50 at most, then a summary line; rejected left out

Examples:
  tqa export mt.txt corrected.txt --format html --out report.html
  tqa export texts/ --format csv --db .tqa/tqa.db > findings.csv
  tqa audit mt.txt corrected.txt --format json > report.json && tqa export --from report.json --format sarif
`;

interface ExportOpts {
  format: ReportFormat;
  from?: string;
  source?: string;
  glossary?: string;
  db?: string;
  out?: string;
  segmentation?: 'auto' | 'lines';
  mqmPreset?: 'mqm-core' | 'wmt-google';
  threshold?: string;
}

export function register(program: Command): void {
  program
    .command('export')
    .description('write a correction report (an audit of MT against its correction, or a saved JSON report) in a format other tools read')
    .argument('[mt]', 'the MT text, or a folder with mt.txt + corrected.txt [+ source.txt, glossary.tsv], or a folder of such folders')
    .argument('[corrected]', 'the corrected (post-edited) text')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).makeOptionMandatory())
    .option('--from <report.json>', 'export a saved report (tqa audit --format json) instead of auditing')
    .option('--source <file>', 'the source text (for the audit; the MQM TSV source column when it has one line per segment)')
    .option('--glossary <file>', 'glossary TSV: term<TAB>forbidden|variants')
    .option('--db <file>', 'reviewer decisions (tqa serve): rejected findings drop out, recategorised ones change')
    .addOption(new Option('--segmentation <mode>', 'segment by sentences (auto) or by lines').choices(['auto', 'lines']))
    .addOption(new Option('--mqm-preset <preset>', 'MQM-based scoring weights').choices(['mqm-core', 'wmt-google']))
    .option('--threshold <score>', 'MQM-based pass threshold')
    .option('--out <file>', 'write to a file instead of stdout')
    .addHelpText('after', FORMAT_HELP)
    .action((mt: string | undefined, corrected: string | undefined, opts: ExportOpts) => runExport(mt, corrected, opts));
}

function runExport(mt: string | undefined, corrected: string | undefined, opts: ExportOpts): void {
  // Refuse a missing database before auditing (openStore would create an empty one).
  if (opts.db !== undefined && !existsSync(opts.db)) throw new InputError(`${opts.db}: no such decisions database`);
  const report = opts.from !== undefined ? reportFromJson(mt, opts) : reportFromAudit(mt, corrected, opts);
  const output = formatReport(report, opts.format);
  if (opts.out !== undefined) {
    try {
      writeFileSync(opts.out, output);
    } catch (e) {
      throw new InputError(`${opts.out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  } else process.stdout.write(output);
}

function auditOptions(opts: ExportOpts): AuditOptions {
  const out: AuditOptions = {};
  if (opts.segmentation) out.segmentation = opts.segmentation;
  if (opts.mqmPreset || opts.threshold !== undefined) {
    out.mqm = {};
    if (opts.mqmPreset) out.mqm.preset = opts.mqmPreset;
    if (opts.threshold !== undefined) {
      const t = Number(opts.threshold);
      if (opts.threshold.trim() === '' || !Number.isFinite(t)) throw new InputError(`--threshold: not a number: "${opts.threshold}"`);
      out.mqm.threshold = t;
    }
  }
  return out;
}

function reportFromJson(mt: string | undefined, opts: ExportOpts): Report {
  if (mt !== undefined) throw new InputError('export: give either --from REPORT.json or MT and CORRECTED, not both');
  for (const [flag, value] of [
    ['--source', opts.source],
    ['--glossary', opts.glossary],
    ['--segmentation', opts.segmentation],
  ] as const) {
    if (value !== undefined) throw new InputError(`export: ${flag} applies to an audit, not to a report read with --from`);
  }
  if (opts.db === undefined && (opts.mqmPreset !== undefined || opts.threshold !== undefined)) {
    throw new InputError('export: --mqm-preset/--threshold re-score a report read with --from only together with --db');
  }
  const path = opts.from!;
  let text: string;
  try {
    text = decodeText(readFileBytes(path), path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const report = readReportJson(text, path);
  if (opts.db === undefined) return report;
  // Decisions re-score the document with the preset and threshold it was scored with (unless overridden).
  return withDecisions(report.documents, opts.db, (doc) => {
    const o = auditOptions(opts);
    return { ...o, mqm: { preset: doc.metrics.mqm.preset, threshold: doc.metrics.mqm.threshold, ...o.mqm } };
  });
}

function readFileBytes(path: string): Uint8Array {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code})`);
  }
  if (st.isDirectory()) throw new InputError(`${path}: is a directory, not a report file`);
  return readFileSync(path);
}

function reportFromAudit(mt: string | undefined, corrected: string | undefined, opts: ExportOpts): Report {
  if (mt === undefined) throw new InputError('export: give MT and CORRECTED (or a folder), or --from REPORT.json');
  const auditOpts = auditOptions(opts);
  const inputs = auditInputs(mt, corrected, opts);
  const documents = inputs.map((input) => auditDocument(input, auditOpts));
  return opts.db === undefined ? makeReport(documents) : withDecisions(documents, opts.db, () => auditOpts);
}

/** What to audit: a pair of files, a document folder, or a folder of document folders. */
function auditInputs(mt: string, corrected: string | undefined, opts: ExportOpts): AuditInput[] {
  const glossary = opts.glossary !== undefined ? readGlossary(opts.glossary) : undefined;
  const source = opts.source !== undefined ? readTextFile(opts.source) : undefined;
  if (isDirectory(mt)) {
    if (corrected !== undefined) throw new InputError(`export: ${mt} is a folder; give CORRECTED only with an MT file`);
    const dirs = existsSync(join(mt, 'mt.txt')) ? [mt] : listDocumentDirs(mt);
    if (dirs.length === 0) throw new InputError(`${mt}: no mt.txt + corrected.txt in this folder or its sub-folders`);
    if (source && dirs.length > 1) throw new InputError(`export: --source goes with one document (${mt} holds ${dirs.length})`);
    return dirs.map((d) => {
      const input = readDocumentDir(d);
      if (source) input.source = source;
      if (glossary) input.glossary = glossary;
      return input;
    });
  }
  if (corrected === undefined) throw new InputError(`export: give the corrected text after ${mt} (or a folder with mt.txt + corrected.txt)`);
  const input: AuditInput = { mt: readTextFile(mt), corrected: readTextFile(corrected), id: documentId(mt) };
  if (source) input.source = source;
  if (glossary) input.glossary = glossary;
  return [input];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Applies the reviewers' decisions from the database to every document (keyed by document id). */
function withDecisions(documents: DocumentReport[], db: string, optsFor: (doc: DocumentReport) => AuditOptions): Report {
  const store = openStore(db);
  try {
    return makeReport(documents.map((doc) => applyDecisions(doc, store.decisions(doc.id), optsFor(doc))));
  } finally {
    store.close();
  }
}
