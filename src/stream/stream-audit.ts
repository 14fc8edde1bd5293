// A line-aligned plain-text pair audited as a stream: the files read a block at a time, cut into chunks of lines,
// audited in order (on this thread or over the worker pool), each chunk's records written as soon as it and the
// chunks before it are done. Memory holds the chunks in flight, not the file: no whole-document word limit
// (MAX_DOCUMENT_WORDS guards formats that hold the whole report), the per-segment limit still holds.
// What it writes is byte for byte what `tqa audit --format jsonl` writes for the whole document.
import { segmentTooLong, type AuditInput, type AuditOptions, type AuditStage } from '../audit.js';
import { documentId } from '../io/document-dir.js';
import { InputError } from '../io/errors.js';
import type { DocumentLanguage, Finding, Glossary, TextFile } from '../model.js';
import { jsonlRecord } from '../report/jsonl.js';
import type { WorkerPool } from '../workers/pool.js';
import { ChunkSums } from './assemble.js';
import type { ChunkResult, LineChunk } from './chunk-audit.js';
import { CHUNK_CHARS, lineChunks } from './chunks.js';
import { decideDocument } from './decide.js';
import { fileLines, scanLines } from './file-lines.js';
import { chunkContext } from './lines-audit.js';
import { auditChunks } from './run.js';

export interface StreamAuditInput {
  mtPath: string;
  correctedPath: string;
  source?: TextFile;
  glossary?: Glossary;
}

/** What a streamed output format does with the chunks: a start, each chunk's segments in order, an end. */
export interface StreamFormat {
  start?(doc: { id: string; mtPath: string; correctedPath: string; language: DocumentLanguage }): string;
  chunk(doc: { id: string }, chunk: LineChunk, result: ChunkResult, findings: Finding[]): string;
  end?(sums: ChunkSums, language: DocumentLanguage): string;
}

/** --format jsonl: one record per segment, as src/report/jsonl.ts writes it (line k + 1 holds segment k). */
export const JSONL_STREAM: StreamFormat = {
  chunk(doc, chunk, result, findings) {
    const out: string[] = [];
    let f = 0;
    for (const s of result.segments) {
      const own: Finding[] = [];
      while (f < findings.length && findings[f]!.segment === s.id) own.push(findings[f++]!);
      out.push(
        jsonlRecord(
          doc.id,
          s,
          { line: s.id + 1, text: chunk.mt.slice(s.mt.start - chunk.mtOffset, s.mt.end - chunk.mtOffset) },
          { line: s.id + 1, text: chunk.corrected.slice(s.corrected.start - chunk.correctedOffset, s.corrected.end - chunk.correctedOffset) },
          own,
        ),
      );
    }
    return out.join('');
  },
};

export interface StreamRun {
  pool?: WorkerPool;
  signal?: AbortSignal;
  chunkChars?: number;
  /** Bytes of the MT file read so far, of its size. */
  onProgress?: (stage: AuditStage, done: number, total: number) => void;
  /** The language was decided (before the first record): for a notice on stderr. */
  onLanguage?: (language: DocumentLanguage, id: string) => void;
}

/** Audits the pair and hands the output to `write` piece by piece, in order. */
export async function streamLinesAudit(input: StreamAuditInput, opts: Omit<AuditOptions, 'segmentation' | 'shard' | 'onProgress' | 'maxWords'>, format: StreamFormat, write: (s: string) => void, run: StreamRun = {}): Promise<ChunkSums> {
  const mtScan = scanLines(input.mtPath);
  const corScan = scanLines(input.correctedPath);
  if (mtScan.lines !== corScan.lines) {
    throw new InputError(`${input.mtPath} and ${input.correctedPath}: line counts differ: the MT has ${mtScan.lines} lines, the corrected text ${corScan.lines}`);
  }
  // A line over the segment limit is refused before anything is written (the first one, MT before corrected, as
  // the whole-text audit finds it).
  const long = [mtScan.tooLong && { path: input.mtPath, ...mtScan.tooLong }, corScan.tooLong && { path: input.correctedPath, ...corScan.tooLong }]
    .filter((x) => x !== undefined)
    .sort((a, b) => a.line - b.line)[0];
  if (long) throw segmentTooLong(long.path, long.line, long.line + 1, long.words);
  // The decisions read only the first lines (the corrected file is not blank: scanLines refused that).
  const head: AuditInput = {
    mt: { path: input.mtPath, text: mtScan.prefix },
    corrected: { path: input.correctedPath, text: corScan.prefix },
    ...(input.source ? { source: input.source } : {}),
    ...(input.glossary ? { glossary: input.glossary } : {}),
  };
  const ctx = { ...chunkContext(head, opts, decideDocument(head, opts)), effort: false }; // no streamed format shows effort
  const id = documentId(input.mtPath);
  run.onLanguage?.(ctx.language, id);
  const sums = new ChunkSums(opts.mqm);
  if (format.start) write(format.start({ id, mtPath: input.mtPath, correctedPath: input.correctedPath, language: ctx.language }));
  const chunks = lineChunks(fileLines(input.mtPath), fileLines(input.correctedPath), run.chunkChars ?? CHUNK_CHARS);
  let done = 0;
  run.onProgress?.('classify', 0, mtScan.lines);
  for await (const { chunk, result } of auditChunks(chunks, ctx, { ...(run.pool ? { pool: run.pool } : {}), ...(run.signal ? { signal: run.signal } : {}) })) {
    const findings = sums.add(result);
    write(format.chunk({ id }, chunk, result, findings));
    done += result.segments.length;
    run.onProgress?.('classify', done, mtScan.lines);
  }
  if (format.end) write(format.end(sums, ctx.language));
  return sums;
}
