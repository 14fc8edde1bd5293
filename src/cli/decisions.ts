import { existsSync } from 'node:fs';
import { applyDecisions, type AuditOptions } from '../audit.js';
import { InputError } from '../io/errors.js';
import type { DocumentReport } from '../model.js';
import { openStore } from '../store/index.js';

/** Puts the reviewers' decisions on a document (keyed by its id) and re-scores it with `opts.mqm`. */
export type ApplyDecisions = (doc: DocumentReport, opts: AuditOptions) => DocumentReport;

/** Runs `use` with the decisions of the --db database (none without --db: documents pass unchanged), then closes
 *  it. A missing file is refused rather than opened: that would create an empty database, and a report without
 *  the decisions it was asked for looks right and is wrong. Shared by export, check and learn. */
export function withDecisionStore<T>(path: string | undefined, use: (apply: ApplyDecisions) => T): T {
  if (path === undefined) return use((doc) => doc);
  if (!existsSync(path)) throw new InputError(`${path}: no such decisions database`);
  const store = openStore(path);
  try {
    return use((doc, opts) => applyDecisions(doc, store.decisions(doc.id), opts));
  } finally {
    store.close();
  }
}
