// THE worker pool: audits off the main thread, for the CLI (`--jobs`) and the web server alike.
//
// API
//   const pool = new WorkerPool({ size: 2 });         // size: default os.availableParallelism() (see defaultJobs)
//   const doc = await pool.run('audit-document', { input, options }, { signal, onProgress });
//   const doc2 = await pool.run('audit-files', { mt: 'a.xlf', flags: {} });
//   await pool.close();                               // rejects what is still queued, stops the threads
//
// - Tasks (names, payloads, results) are the table in tasks.ts; payloads and results are plain data (structured
//   clone), so AuditOptions' onProgress becomes `onProgress({ stage, done, total })`, called on this thread.
// - Queue: at most `size` tasks run at once, one per worker; the rest wait first in, first out. Workers start on
//   first use and are kept for the next task; an idle worker does not keep the process alive (unref).
// - Cancellation: `signal` aborted while queued drops the task; while running terminates its worker (an audit is
//   one synchronous computation, there is no cooperative stop) and a fresh worker takes the next task. Either way
//   the promise rejects with an AbortError (or the signal's reason, when it is an Error).
// - Errors: an InputError thrown in a worker rejects as an InputError with the same message (so the CLI still
//   prints one line and exits 2, the web a 4xx); any other error as an Error with the worker's message and stack.
//   A worker that dies (out of memory with `maxHeapMb`, a crash) rejects its task and is replaced.
// - Runs from the compiled dist/ (dist/workers/worker.js) and from the sources under tsx or vitest (the worker
//   then registers tsx's loader first: tsx-entry.mjs), decided by this file's own extension.
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../io/errors.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { TaskKind, TaskPayload, TaskProgress, TaskResult } from './tasks.js';

export type { TaskKind, TaskPayload, TaskProgress, TaskResult } from './tasks.js';

export interface PoolOptions {
  /** How many tasks run at once (worker threads). Default: defaultJobs(). */
  size?: number;
  /** Old-generation heap limit of each worker in MiB; a worker above it dies and its task rejects. */
  maxHeapMb?: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (p: TaskProgress) => void;
}

/** The default number of jobs: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism());
}

/** Jobs above this are refused: more threads than this gain nothing and each holds a copy of its texts. */
export const MAX_JOBS = 256;

/** Parses a `--jobs` value: a whole number from 1 to MAX_JOBS. */
export function parseJobs(value: string, flag = '--jobs'): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(n) || n < 1 || n > MAX_JOBS) {
    throw new InputError(`${flag}: expected a whole number from 1 to ${MAX_JOBS}, got "${value}"`);
  }
  return n;
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './tsx-entry.mjs' : './worker.js', import.meta.url);
const WORKER_DATA = FROM_SOURCE ? { tqaWorker: new URL('./worker.ts', import.meta.url).href } : undefined;

interface Task {
  id: number;
  kind: string;
  payload: unknown;
  opts: RunOptions;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
}

export class WorkerPool {
  readonly size: number;
  private readonly maxHeapMb: number | undefined;
  private readonly queue: Task[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(opts: PoolOptions = {}) {
    this.size = Math.max(1, Math.floor(opts.size ?? defaultJobs()));
    this.maxHeapMb = opts.maxHeapMb;
  }

  /** Tasks waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  /** Tasks running now. */
  get running(): number {
    return this.slots.filter((s) => s.task).length;
  }

  run<K extends TaskKind>(kind: K, payload: TaskPayload<K>, opts: RunOptions = {}): Promise<TaskResult<K>> {
    return new Promise<TaskResult<K>>((resolve, reject) => {
      if (this.closed) return reject(new Error('the worker pool is closed'));
      if (opts.signal?.aborted) return reject(abortReason(opts.signal));
      const task: Task = { id: this.nextId++, kind, payload, opts, resolve: resolve as (v: unknown) => void, reject };
      if (opts.signal) {
        task.onAbort = () => this.cancel(task);
        opts.signal.addEventListener('abort', task.onAbort, { once: true });
      }
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Rejects queued tasks, stops every worker (running tasks reject too) and refuses new ones. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) this.settle(t, new Error('the worker pool was closed'));
    const slots = this.slots.splice(0);
    for (const s of slots) if (s.task) this.settle(s.task, new Error('the worker pool was closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      const msg: ToWorker = { id: task.id, kind: task.kind, payload: task.payload };
      slot.worker.postMessage(msg);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      ...(WORKER_DATA ? { workerData: WORKER_DATA } : {}),
      ...(this.maxHeapMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } } : {}),
    });
    const slot: Slot = { worker };
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (e: Error) => this.onDeath(slot, e));
    worker.on('exit', (code) => this.onDeath(slot, new Error(`the worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    const task = slot.task;
    if (!task || task.id !== m.id) return;
    if (m.type === 'progress') {
      task.opts.onProgress?.(m.progress);
      return;
    }
    slot.task = undefined;
    slot.worker.unref();
    if (m.type === 'done') this.settle(task, undefined, m.result);
    else if (m.error.input) this.settle(task, new InputError(m.error.message));
    else this.settle(task, Object.assign(new Error(m.error.message), { name: m.error.name, stack: m.error.stack }));
    this.dispatch();
  }

  /** A worker that errs or exits on its own: its task fails, the slot is freed for a fresh worker. */
  private onDeath(slot: Slot, e: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return; // already removed (cancelled, closed)
    this.slots.splice(i, 1);
    if (slot.task) this.settle(slot.task, new Error(`audit worker failed: ${e.message}`));
    slot.task = undefined;
    void slot.worker.terminate();
    this.dispatch();
  }

  private cancel(task: Task): void {
    const reason = abortReason(task.opts.signal!);
    const q = this.queue.indexOf(task);
    if (q >= 0) {
      this.queue.splice(q, 1);
      this.settle(task, reason);
      return;
    }
    const slot = this.slots.find((s) => s.task === task);
    if (!slot) return; // already settled
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.task = undefined;
    void slot.worker.terminate();
    this.settle(task, reason);
    this.dispatch();
  }

  private settle(task: Task, error: unknown, result?: unknown): void {
    if (task.onAbort) task.opts.signal?.removeEventListener('abort', task.onAbort);
    if (error !== undefined) task.reject(error);
    else task.resolve(result);
  }
}

function abortReason(signal: AbortSignal): Error {
  const r: unknown = signal.reason;
  if (r instanceof Error) return r;
  return Object.assign(new Error('the task was cancelled'), { name: 'AbortError' });
}
