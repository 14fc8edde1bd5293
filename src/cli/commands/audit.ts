import { Command, Option } from 'commander';
import { makeReport } from '../../audit.js';
import { FORMATS, formatReport, type ReportFormat } from '../../report/index.js';
import { INPUT_FORMATS } from '../../io/formats/index.js';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { auditOptionsFromFlags, prepareAudit, prepareStream, runPrepared, type AuditFlags } from '../../audit-files.js';
import { languageNotice } from '../../lang/index.js';
import { JSONL_STREAM, streamLinesAudit, type StreamFormat } from '../../stream/stream-audit.js';
import { WorkerPool } from '../../workers/pool.js';
import { auditTextParts, formatAuditText } from '../audit-text.js';
import { writeOutput } from '../output.js';
import { formatJsonChunks } from '../../report/json.js';
import { noticeLanguage } from '../language.js';
import { auditProgress } from '../progress.js';
import { formatJsonlChunks } from '../../report/jsonl.js';
import { InputError } from '../../io/errors.js';
import { parseShard } from '../../shard.js';
import { defaultJobs, parseJobs } from '../../workers/pool.js';
import { auditInWorkers } from '../../workers/parallel-audit.js';

interface AuditCliOptions extends AuditFlags {
  format: 'text' | ReportFormat;
  out?: string;
  progress?: boolean;
  jobs?: string;
  shard?: string;
}

/** Without --jobs, a text shorter than this is audited on this thread: starting workers (each loads the engine)
 *  costs more than it saves. */
const PARALLEL_MIN_CHARS = 200_000;

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
    .option('--jobs <n>', 'worker threads for one audit (default: the cores, for texts over 200,000 characters); output identical for any n')
    .option('--max-words <n>', 'refuse a document with more words than this on either side (default 2,000,000: about 1.6 GiB of memory; a line-aligned pair streamed as --format jsonl has no such limit)')
    .option('--shard <K/N>', 'audit only the K-th of N slices of the segments (units of a localization file; merge the N JSON reports with `tqa merge`)')
    .action((mt: string, corrected: string | undefined, opts: AuditCliOptions) => runAudit(mt, corrected, opts));
}

async function runAudit(mtPath: string, correctedPath: string | undefined, opts: AuditCliOptions): Promise<void> {
  const jobs = opts.jobs !== undefined ? parseJobs(opts.jobs) : undefined;
  const shard = opts.shard !== undefined ? parseShard(opts.shard) : undefined;
  const progress = auditProgress(opts.progress !== false && process.stderr.isTTY === true);
  // A line-aligned plain-text pair written as JSONL or as the listing is streamed: memory bounded by the chunks in flight, not the
  // file (docs/scale.md). Small files without --jobs take the whole-text path below (no workers to start).
  const stream = !shard && (opts.format === 'jsonl' || opts.format === 'text') ? prepareStream(mtPath, correctedPath, opts) : undefined;
  if (stream && (jobs !== undefined || fileChars(mtPath) >= PARALLEL_MIN_CHARS)) {
    const threads = jobs ?? defaultJobs();
    const pool = threads > 1 ? new WorkerPool({ size: threads }) : undefined;
    const sink = outputSink(opts.out);
    try {
      const { maxWords: _streamed, ...options } = auditOptionsFromFlags(opts);
      const format = opts.format === 'jsonl' ? JSONL_STREAM : textStream(opts.out === undefined && process.stdout.isTTY === true);
      await streamLinesAudit(stream, options, format, sink.write, {
        ...(pool ? { pool } : {}),
        onProgress: progress.onProgress,
        onLanguage: (language, id) => {
          const line = languageNotice(language, id);
          if (line) process.stderr.write(`${line}\n`);
        },
      });
    } finally {
      sink.close();
      progress.stop();
      await pool?.close();
    }
    return;
  }
  let report;
  try {
    progress.onProgress('read', 0, 1);
    const prepared = prepareAudit(mtPath, correctedPath, opts);
    if (shard && jobs !== undefined && jobs > 1) throw new InputError('--shard and --jobs: a shard runs on one thread (run more shards instead)');
    const threads = jobs ?? (shard || prepared.input.mt.text.length < PARALLEL_MIN_CHARS ? 1 : defaultJobs());
    const options = { ...auditOptionsFromFlags(opts), ...(shard ? { shard } : {}) };
    const doc =
      threads > 1
        ? prepared.finish(await auditInWorkers(prepared.input, prepared.options(options), threads, { onProgress: progress.onProgress }))
        : runPrepared(prepared, { ...options, onProgress: progress.onProgress });
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
        : opts.format === 'jsonl'
          ? formatJsonlChunks(report)
          : formatReport(report, opts.format);
  writeOutput(opts.out, output);
}

function fileChars(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the reader names the problem
  }
}

/** Streamed output to --out or stdout, in ~1 MB writes (both synchronous: a file, or stdout as a pipe or file). */
function outputSink(path: string | undefined): { write: (s: string) => void; close: () => void } {
  let batch: string[] = [];
  let size = 0;
  let fd: number | undefined;
  if (path !== undefined) {
    try {
      fd = openSync(path, 'w');
    } catch (e) {
      throw new InputError(`${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  const flush = (): void => {
    if (size === 0) return;
    const s = batch.join('');
    if (fd !== undefined) writeSync(fd, s);
    else process.stdout.write(s);
    batch = [];
    size = 0;
  };
  return {
    write(s) {
      batch.push(s);
      size += s.length;
      if (size >= 1 << 20) flush();
    },
    close() {
      flush();
      if (fd !== undefined) closeSync(fd);
    },
  };
}

/** --format text: the terminal listing (src/cli/audit-text.ts), its summary from the sums at the end. */
function textStream(color: boolean): StreamFormat {
  const text = auditTextParts(color);
  return {
    start: (doc) => `${text.header(doc.mtPath, doc.correctedPath)}\n`,
    chunk: (_doc, _chunk, _result, findings) => findings.map((f) => `${text.finding(f)}\n`).join(''),
    end: (sums, language) => `\n${text.summary({ findings: sums.findings, segments: sums.segments, byCategory: sums.byCategory, metrics: sums.metrics(language.target) })}\n`,
  };
}
