// Worker entry when tqa runs from its TypeScript sources (tests, benches under tsx): a worker thread does not
// inherit tsx's loader, so register it here before importing worker.ts. The compiled CLI starts dist/workers/worker.js
// directly and never loads this file.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.tqaWorker);
