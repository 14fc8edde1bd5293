// One audit spread over worker threads, into exactly the report one thread gives (`--jobs N` output is
// byte-identical to `--jobs 1`):
// - lines mode (--segmentation lines, localization files): chunks of lines, each audited alone in a worker
//   (src/stream), summed in order — each worker holds only its chunk;
// - sentence alignment ('auto'): the document's segments cut into `jobs` contiguous shards, each audited in a
//   worker (src/shard.ts: a shard aligns the whole text and audits its slice), then merged back — the same merge
//   as `tqa merge`.
import { makeReport, type AuditInput, type AuditStage } from '../audit.js';
import type { DocumentReport } from '../model.js';
import { mergeShardReports } from '../shard.js';
import { auditLinesDocument } from '../stream/lines-audit.js';
import { WorkerPool } from './pool.js';
import type { PlainAuditOptions, TaskProgress } from './tasks.js';

const STAGES: readonly AuditStage[] = ['align', 'edits', 'classify', 'score'];

/** Audits `input` in `jobs` workers (of `pool`, or a pool of its own closed at the end). `onProgress` sees the
 *  stage the slowest worker is in, with done/total summed over the workers in it. */
export async function auditInWorkers(
  input: AuditInput,
  options: PlainAuditOptions,
  jobs: number,
  opts: { pool?: WorkerPool; signal?: AbortSignal; onProgress?: (stage: AuditStage, done: number, total: number) => void } = {},
): Promise<DocumentReport> {
  const pool = opts.pool ?? new WorkerPool({ size: jobs });
  if (options.segmentation === 'lines' && !options.shard) {
    try {
      const { segmentation: _lines, shard: _none, ...rest } = options;
      return await auditLinesDocument(input, rest, { pool, ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
    } finally {
      if (!opts.pool) await pool.close();
    }
  }
  const latest: Array<TaskProgress | undefined> = new Array(jobs).fill(undefined);
  const report = (i: number, p: TaskProgress): void => {
    latest[i] = p;
    if (!opts.onProgress) return;
    const stage = STAGES[Math.min(...latest.map((l) => (l ? STAGES.indexOf(l.stage) : 0)))]!;
    let done = 0;
    let total = 0;
    for (const l of latest) if (l?.stage === stage) (done += l.done), (total += l.total);
    opts.onProgress(stage, done, total);
  };
  try {
    const shards = await Promise.all(
      Array.from({ length: jobs }, (_, i) =>
        pool.run('audit-document', { input, options: { ...options, shard: { index: i + 1, count: jobs } } }, {
          ...(opts.signal ? { signal: opts.signal } : {}),
          onProgress: (p) => report(i, p),
        }),
      ),
    );
    const merged = mergeShardReports(
      shards.map((d) => makeReport([d])),
      shards.map((_, i) => `worker ${i + 1}`),
    );
    return merged.documents[0]!;
  } finally {
    if (!opts.pool) await pool.close();
  }
}
