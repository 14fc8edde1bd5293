import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isInputError } from '../io/errors.js';
import type { DocumentReport } from '../model.js';
import type { Store } from '../store/index.js';
import { TOOL } from '../version.js';
import type { TaskProgress, WorkerPool } from '../workers/pool.js';
import { type AuditJob, type Library, type LibraryEntry, type StagedUpload, type UploadParts } from './library.js';

// The server's audits, off the request thread: each document's audit runs in THE worker pool (src/workers/) from
// its queue, so a big pair keeps one worker busy and every other page answers at once. Results are kept in
// memory and in SQLite under a hash of everything they depend on (the texts or files, the tqa version and the
// options), so a restarted server serves them without auditing again; an edited file gets a new hash.

export type AuditState =
  | { status: 'ready'; report: DocumentReport }
  | { status: 'pending'; since: number; progress?: TaskProgress }
  | { status: 'failed'; message: string };

interface Tracked {
  stamp: string;
  state: AuditState;
  done: Promise<void>;
  abort?: AbortController;
}

export class Audits {
  private readonly tracked = new Map<string, Tracked>();
  private closing = false;

  constructor(
    readonly library: Library,
    private readonly store: Store,
    private readonly pool: WorkerPool,
    private readonly log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  ) {}

  /** Where the entry's audit stands now; starts it when nothing current is known. Never waits. */
  state(entry: LibraryEntry): AuditState {
    return this.track(entry).state;
  }

  /** The entry's report once its audit is done (a failed audit rejects with its InputError message). */
  async report(entry: LibraryEntry): Promise<AuditState> {
    let t = this.track(entry);
    // An edit during the wait starts a new audit: wait for the current one.
    while (t.state.status === 'pending') {
      await t.done;
      t = this.track(entry);
    }
    return t.state;
  }

  /** Starts every listed document's audit (the server's start-up) and resolves when all are done. */
  async warm(): Promise<void> {
    await Promise.all(this.library.list().map((e) => this.report(e)));
  }

  /** Audits a staged upload in a worker, then moves it in place (or removes it and rethrows the audit's error). */
  async addUpload(parts: UploadParts): Promise<string> {
    const staged: StagedUpload = this.library.stageUpload(parts);
    let report: DocumentReport;
    try {
      report = { ...(await this.run(staged.job)), id: staged.id };
    } catch (e) {
      throw this.library.discardUpload(staged, e);
    }
    const kept = this.library.commitUpload(staged, report);
    const entry = this.library.find(kept.id);
    if (entry) {
      const stamp = this.library.stamp(entry);
      this.tracked.set(entry.dir, { stamp, state: { status: 'ready', report: kept.report }, done: Promise.resolve() });
      this.save(keyOf(this.library.jobFor(entry), entry.dir), entry.id, kept.report);
    }
    return kept.id;
  }

  /** Stops every running audit (the server is closing): they end without a failure in the log. */
  close(): void {
    this.closing = true;
    for (const t of this.tracked.values()) t.abort?.abort();
  }

  /** Forgets a document (deleted): a running audit of it is stopped. */
  forget(entry: LibraryEntry): void {
    this.tracked.get(entry.dir)?.abort?.abort();
    this.tracked.delete(entry.dir);
  }

  private track(entry: LibraryEntry): Tracked {
    const stamp = this.library.stamp(entry);
    const cur = this.tracked.get(entry.dir);
    if (cur && cur.stamp === stamp) return cur;
    cur?.abort?.abort();
    let job: AuditJob;
    try {
      job = this.library.jobFor(entry);
    } catch (e) {
      if (!isInputError(e)) throw e;
      return this.set(entry.dir, { stamp, state: { status: 'failed', message: e.message }, done: Promise.resolve() });
    }
    const key = keyOf(job, entry.dir);
    const stored = this.store.cachedAudit(key);
    if (stored !== undefined) {
      try {
        const report = JSON.parse(stored) as DocumentReport;
        return this.set(entry.dir, { stamp, state: { status: 'ready', report: { ...report, id: entry.id } }, done: Promise.resolve() });
      } catch {
        /* a damaged row: audit again */
      }
    }
    const abort = new AbortController();
    const state: AuditState = { status: 'pending', since: Date.now() };
    const t: Tracked = { stamp, state, abort, done: Promise.resolve() };
    t.done = this.run(job, abort.signal, (p) => {
      if (t.state.status === 'pending') t.state.progress = p;
    }).then(
      (report) => {
        const doc = { ...report, id: entry.id };
        t.state = { status: 'ready', report: doc };
        this.save(key, entry.id, doc);
      },
      (e: unknown) => {
        // A stopped audit must still leave 'pending', or report()'s loop spins on the settled promise (a SIGTERM
        // during start-up then never ended the server). A changed document is tracked anew; waiters move on to it.
        if (abort.signal.aborted || this.closing) {
          t.state = { status: 'failed', message: 'The audit was stopped: the server is closing or the document changed.' };
          return;
        }
        if (isInputError(e)) t.state = { status: 'failed', message: e.message };
        else {
          this.log(`tqa serve: audit of ${entry.id} failed: ${(e as Error)?.message ?? String(e)}`);
          t.state = { status: 'failed', message: 'The audit of this document failed on the server (the details are in the server log).' };
        }
      },
    );
    return this.set(entry.dir, t);
  }

  private set(dir: string, t: Tracked): Tracked {
    this.tracked.set(dir, t);
    return t;
  }

  private run(job: AuditJob, signal?: AbortSignal, onProgress?: (p: TaskProgress) => void): Promise<DocumentReport> {
    const opts = { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) };
    return job.kind === 'audit-document' ? this.pool.run('audit-document', job.payload, opts) : this.pool.run('audit-files', job.payload, opts);
  }

  /** Keeps a result for the next start; a read-only or full database only costs the re-audit then. */
  private save(key: string, id: string, report: DocumentReport): void {
    try {
      this.store.saveAudit(key, id, JSON.stringify(report));
    } catch (e) {
      this.log(`tqa serve: the audit of ${id} was not stored (${(e as { code?: string }).code ?? (e as Error).message})`);
    }
  }
}

/** Hash of what an audit depends on: its texts (or the bytes of its files), tqa's version and the options. The
 *  folder is part of it because the report names its files. */
export function keyOf(job: AuditJob, dir: string): string {
  const h = createHash('sha256');
  h.update(`${TOOL.name} ${TOOL.version}\0${job.kind}\0${dir}\0`);
  if (job.kind === 'audit-document') {
    const { input, options } = job.payload;
    h.update(JSON.stringify(options ?? {}));
    for (const part of [input.mt, input.corrected, input.source]) h.update(part ? `\0${part.path}\0${part.text}` : '\0-');
    h.update(`\0${JSON.stringify(input.glossary ?? null)}`);
  } else {
    const { mt, corrected, flags, options } = job.payload;
    h.update(JSON.stringify({ flags, options: options ?? {} }));
    for (const f of [mt, corrected, flags.glossary]) {
      h.update(`\0${f ?? '-'}\0`);
      if (f) h.update(readFileSync(f));
    }
  }
  return h.digest('hex');
}

