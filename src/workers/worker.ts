// A pool worker: receives tasks from pool.ts, runs them one at a time, answers with progress, a result or an error.
import { parentPort } from 'node:worker_threads';
import { isInputError } from '../io/errors.js';
import { TASKS, type TaskKind } from './tasks.js';
import type { FromWorker, ToWorker } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('src/workers/worker.ts runs as a worker thread (started by src/workers/pool.ts)');

port.on('message', (msg: ToWorker) => {
  const post = (m: FromWorker): void => port.postMessage(m);
  try {
    const run = TASKS[msg.kind as TaskKind] as (payload: unknown, progress: (p: unknown) => void) => unknown;
    if (!run) throw new Error(`unknown task: ${msg.kind}`);
    const result = run(msg.payload, (progress) => post({ id: msg.id, type: 'progress', progress } as FromWorker));
    post({ id: msg.id, type: 'done', result });
  } catch (e) {
    const err = e as Error;
    post({ id: msg.id, type: 'error', error: { input: isInputError(e), name: err?.name ?? 'Error', message: err?.message ?? String(e), stack: err?.stack ?? '' } });
  }
});
