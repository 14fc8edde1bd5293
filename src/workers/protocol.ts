// The messages between the pool and its workers (types only).
import type { TaskProgress } from './tasks.js';

export interface ToWorker {
  id: number;
  kind: string;
  payload: unknown;
}

export type FromWorker =
  | { id: number; type: 'progress'; progress: TaskProgress }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'error'; error: { input: boolean; name: string; message: string; stack: string } };
