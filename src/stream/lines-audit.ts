// A line-aligned document held in memory (a plain-text pair with --segmentation lines, or a localization file's
// units joined one per line), audited chunk by chunk — on this thread or over the worker pool — into exactly the
// report auditDocument gives.
import { checkDocumentSize, type AuditInput, type AuditOptions, type AuditStage } from '../audit.js';
import { documentId } from '../io/document-dir.js';
import { InputError } from '../io/errors.js';
import { MAX_DOCUMENT_WORDS } from '../limits.js';
import type { DocumentReport } from '../model.js';
import type { WorkerPool } from '../workers/pool.js';
import { assembleDocument } from './assemble.js';
import type { ChunkContext, ChunkResult } from './chunk-audit.js';
import { CHUNK_CHARS, lineChunks, lineCount, textLines } from './chunks.js';
import { decideDocument } from './decide.js';
import { auditChunks } from './run.js';

/** The options a chunked audit understands (lines mode is implied; a shard goes through src/shard.ts). */
export type LinesAuditOptions = Omit<AuditOptions, 'segmentation' | 'shard' | 'onProgress'>;

/** The chunk context of a whole document: what it decides, and what every chunk needs of it. */
export function chunkContext(input: AuditInput, opts: LinesAuditOptions, decided = decideDocument(input, opts)): ChunkContext {
  return {
    mtPath: input.mt.path,
    correctedPath: input.corrected.path,
    language: decided.language,
    preTokenised: decided.preTokenised,
    ...(opts.correctedKind ? { correctedKind: opts.correctedKind } : {}),
    ...(input.glossary ? { glossary: input.glossary } : {}),
    ...(input.source ? { source: { path: input.source.path, text: input.source.text } } : {}),
    effort: input.corrected.text.trim() !== '',
  };
}

export async function auditLinesDocument(
  input: AuditInput,
  opts: LinesAuditOptions,
  run: { pool?: WorkerPool; signal?: AbortSignal; chunkChars?: number; onProgress?: (stage: AuditStage, done: number, total: number) => void } = {},
): Promise<DocumentReport> {
  checkDocumentSize(input, opts.maxWords ?? MAX_DOCUMENT_WORDS);
  const a = lineCount(input.mt.text);
  const b = lineCount(input.corrected.text);
  if (a !== b) throw new InputError(`${input.mt.path} and ${input.corrected.path}: line counts differ: the MT has ${a} lines, the corrected text ${b}`);
  const ctx = chunkContext(input, opts);
  const chunks = lineChunks(textLines(input.mt.text), textLines(input.corrected.text), run.chunkChars ?? CHUNK_CHARS);
  const results: ChunkResult[] = [];
  let done = 0;
  run.onProgress?.('classify', 0, a);
  for await (const { result: r } of auditChunks(chunks, ctx, { ...(run.pool ? { pool: run.pool } : {}), ...(run.signal ? { signal: run.signal } : {}) })) {
    results.push(r);
    done += r.segments.length;
    run.onProgress?.('classify', done, a);
  }
  return assembleDocument(
    {
      id: input.id ?? documentId(input.mt.path),
      mt: { path: input.mt.path, text: input.mt.text },
      corrected: { path: input.corrected.path, text: input.corrected.text },
      ...(opts.correctedKind ? { correctedKind: opts.correctedKind } : {}),
      ...(input.source ? { source: { path: input.source.path, text: input.source.text } } : {}),
      language: ctx.language,
      ...(opts.mqm ? { mqm: opts.mqm } : {}),
    },
    results,
  );
}
