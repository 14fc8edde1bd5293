import { Command, Option } from 'commander';
import { makeReport } from '../../audit.js';
import { FORMATS, formatReport, type ReportFormat } from '../../report/index.js';
import { INPUT_FORMATS } from '../../io/formats/index.js';
import { auditOptionsFromFlags, prepareAudit, runPrepared, type AuditFlags } from '../../audit-files.js';
import { formatAuditText } from '../audit-text.js';
import { writeOutput } from '../output.js';
import { formatJsonChunks } from '../../report/json.js';
import { noticeLanguage } from '../language.js';
import { auditProgress } from '../progress.js';

interface AuditCliOptions extends AuditFlags {
  format: 'text' | ReportFormat;
  out?: string;
  progress?: boolean;
}

export function register(program: Command): void {
  program
    .command('audit')
    .description('align MT with its correction, extract, classify and score every edit')
    .argument('<mt>', 'the machine translation (UTF-8 text, or XLIFF/PO/TMX/CSV/TSV)')
    .argument('[corrected]', 'its human post-edit (omit for an XLIFF/TMX/CSV file that holds both)')
    .option('--source <file>', 'the source text')
    .option('--glossary <file>', 'glossary TSV: term<TAB>forbidden|variants')
    .addOption(new Option('--segmentation <mode>', 'sentences aligned across line breaks (auto), or one segment per line').choices(['auto', 'lines']).default('auto'))
    .addOption(new Option('--corrected-kind <kind>', 'the corrected text is a post-edit of this MT, or an independent reference translation (differences that keep the meaning are neutral)').choices(['post-edit', 'reference']))
    .addOption(new Option('--mqm-preset <preset>', 'MQM-based scoring weights').choices(['mqm-core', 'wmt-google']))
    .option('--threshold <score>', 'MQM-based pass threshold (default 95 for mqm-core)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', ...FORMATS]).default('text'))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--no-progress', 'no progress bar on stderr')
    .addOption(new Option('--input-format <format>', 'input file format (default: detected from the content)').choices(INPUT_FORMATS))
    .option('--columns <map>', 'CSV/TSV columns by header name, e.g. source=src,mt=mt,corrected=pe')
    .option('--mt-lang <code>', 'TMX: the xml:lang of the MT tuv (one file with both versions)')
    .option('--target-lang <bcp47>', 'the target language (de, fr-CA, zh…): its language pack; in a TMX also the corrected tuv (default: the file\'s metadata, else detected)')
    .option('--source-lang <bcp47>', 'the source language, for source-aware rules (default: the file\'s metadata, else detected from --source)')
    .action((mt: string, corrected: string | undefined, opts: AuditCliOptions) => runAudit(mt, corrected, opts));
}

function runAudit(mtPath: string, correctedPath: string | undefined, opts: AuditCliOptions): void {
  const prepared = prepareAudit(mtPath, correctedPath, opts);
  const progress = auditProgress(opts.progress !== false && process.stderr.isTTY === true);
  let report;
  try {
    const doc = runPrepared(prepared, { ...auditOptionsFromFlags(opts), onProgress: progress.onProgress });
    noticeLanguage(doc);
    report = makeReport([prepared.forFormat(doc, opts.format)]);
  } finally {
    progress.stop();
  }
  const color = opts.out === undefined && process.stdout.isTTY === true;
  const output =
    opts.format === 'text'
      ? formatAuditText(report, color)
      : opts.format === 'json'
        ? formatJsonChunks(report) // in pieces: a million-word report is ~200 MB of JSON
        : formatReport(report, opts.format);
  writeOutput(opts.out, output);
}
