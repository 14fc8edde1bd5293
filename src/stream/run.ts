// Chunks audited in order: on this thread, or spread over THE worker pool (src/workers/pool.ts) with a bounded
// number in flight, their results handed back in chunk order (the sums and the output need that order).
import type { AuditStage } from '../audit.js';
import type { WorkerPool } from '../workers/pool.js';
import { auditLineChunk, type ChunkContext, type ChunkResult, type LineChunk } from './chunk-audit.js';

export interface RunChunksOptions {
  /** Without a pool the chunks are audited on this thread, one after the other. */
  pool?: WorkerPool;
  signal?: AbortSignal;
  /** Chunks queued or running at once (default 2 per worker: one running, one waiting, so no worker idles while
   *  the results are taken in order). Memory holds at most this many chunks and their results. */
  inFlight?: number;
  onProgress?: (stage: AuditStage, done: number, total: number) => void;
}

/** Each chunk with its result, in chunk order. */
export async function* auditChunks(chunks: Iterable<LineChunk>, ctx: ChunkContext, opts: RunChunksOptions = {}): AsyncGenerator<{ chunk: LineChunk; result: ChunkResult }> {
  const pool = opts.pool;
  if (!pool) {
    for (const chunk of chunks) {
      opts.signal?.throwIfAborted();
      yield { chunk, result: auditLineChunk(chunk, ctx, opts.onProgress) };
    }
    return;
  }
  const limit = Math.max(1, opts.inFlight ?? 2 * pool.size);
  const pending: Array<{ chunk: LineChunk; result: Promise<ChunkResult> }> = [];
  const it = chunks[Symbol.iterator]();
  let more = true;
  const fill = (): void => {
    while (more && pending.length < limit) {
      const next = it.next();
      if (next.done) {
        more = false;
        return;
      }
      const result = pool.run('audit-chunk', { chunk: next.value, ctx }, opts.signal ? { signal: opts.signal } : {});
      result.catch(() => {}); // awaited in order below; a later chunk's failure must not go unhandled meanwhile
      pending.push({ chunk: next.value, result });
    }
  };
  fill();
  while (pending.length > 0) {
    const { chunk, result } = pending.shift()!;
    const r = await result;
    fill();
    yield { chunk, result: r };
  }
}
