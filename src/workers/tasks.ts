// What a pool worker can do: a table of tasks, each a function from a plain (structured-cloneable) payload to a
// plain result. The worker (worker.ts) runs them; the pool (pool.ts) only knows their names and types.
import { auditDocument, type AuditInput, type AuditOptions, type AuditStage } from '../audit.js';
import { auditFiles, type AuditFlags } from '../audit-files.js';
import type { DocumentReport } from '../model.js';
import { auditLineChunk, type ChunkContext, type ChunkResult, type LineChunk } from '../stream/chunk-audit.js';

/** Audit options that can cross a thread boundary (progress comes back as messages instead of a callback). */
export type PlainAuditOptions = Omit<AuditOptions, 'onProgress'>;

/** A progress report from a running task: the audit's stage and how far it is. */
export interface TaskProgress {
  stage: AuditStage;
  done: number;
  total: number;
}

/** Every task: its payload and its result. */
export interface Tasks {
  /** auditDocument on texts already read (the web library, a chunk of a line-aligned corpus). */
  'audit-document': { payload: { input: AuditInput; options?: PlainAuditOptions }; result: DocumentReport };
  /** auditFiles on paths: plain text pair or a localization file, read in the worker. */
  'audit-files': {
    payload: { mt: string; corrected?: string; flags: AuditFlags; options?: PlainAuditOptions; format?: string };
    result: DocumentReport;
  };
  /** One chunk of lines of a line-aligned corpus (src/stream): its segments, findings and sums. */
  'audit-chunk': { payload: { chunk: LineChunk; ctx: ChunkContext }; result: ChunkResult };
}
export type TaskKind = keyof Tasks;
export type TaskPayload<K extends TaskKind> = Tasks[K]['payload'];
export type TaskResult<K extends TaskKind> = Tasks[K]['result'];

type Runner<K extends TaskKind> = (payload: TaskPayload<K>, progress: (p: TaskProgress) => void) => TaskResult<K>;

const onProgress = (progress: (p: TaskProgress) => void): AuditOptions['onProgress'] => (stage, done, total) => progress({ stage, done, total });

export const TASKS: { [K in TaskKind]: Runner<K> } = {
  'audit-document': (p, progress) => auditDocument(p.input, { ...p.options, onProgress: onProgress(progress) }),
  'audit-files': (p, progress) =>
    auditFiles(p.mt, p.corrected, p.flags, {
      audit: { ...p.options, onProgress: onProgress(progress) },
      ...(p.format !== undefined ? { format: p.format } : {}),
    }),
  'audit-chunk': (p, progress) => auditLineChunk(p.chunk, p.ctx, onProgress(progress)),
};
