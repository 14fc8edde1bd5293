import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { applyDecisions, type AuditOptions } from '../audit.js';
import { InputError } from '../io/errors.js';
import type { DocumentReport } from '../model.js';
import { defaultDbPath, openStore } from '../store/index.js';
import { annotationFindings } from '../review/annotations.js';

/** Puts the reviewers' decisions on a document (keyed by its id) and re-scores it with `opts.mqm`. */
export type ApplyDecisions = (doc: DocumentReport, opts: AuditOptions) => DocumentReport;

/** The database a command uses: `--db` as given (its folder must exist: a mistyped folder would silently start an
 *  empty database that looks like lost decisions), or .tqa/tqa.db in the working directory (created on first use). */
export function dbPathFor(flag: string | undefined): string {
  if (flag === undefined) return defaultDbPath();
  const path = resolve(flag);
  const dir = dirname(path);
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new InputError(`--db ${flag}: no such folder ${dir}`);
  }
  if (!st.isDirectory()) throw new InputError(`--db ${flag}: ${dir} is not a folder`);
  return path;
}

/** Runs `use` with the decisions of the --db database (none without --db: documents pass unchanged), then closes
 *  it. A missing file is refused rather than opened: that would create an empty database, and a report without
 *  the decisions it was asked for looks right and is wrong. Shared by export, check and learn.
 *  Decisions that match no finding of the document they are about are counted and reported on stderr: a review
 *  made with other inputs or options (another glossary, another segmentation) gives other fingerprints. */
export function withDecisionStore<T>(path: string | undefined, use: (apply: ApplyDecisions) => T, warn: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): T {
  if (path === undefined) return use((doc) => doc);
  if (!existsSync(path)) throw new InputError(`${path}: no such decisions database`);
  const store = openStore(path);
  const unmatched = new Map<string, number>();
  const unplaced = new Map<string, number>();
  try {
    const result = use((doc, opts) => {
      const decisions = store.decisions(doc.id);
      const annotations = store.annotations(doc.id);
      const placed = annotationFindings(doc, annotations);
      if (placed.unplaced.length > 0) unplaced.set(doc.id, placed.unplaced.length);
      if (decisions.size > 0) {
        const live = new Set([...doc.findings, ...placed.findings].map((f) => f.id));
        let n = 0;
        for (const id of decisions.keys()) if (!live.has(id)) n++;
        if (n > 0) unmatched.set(doc.id, n);
        else unmatched.delete(doc.id);
      }
      return applyDecisions(doc, decisions, opts, annotations);
    });
    for (const [id, n] of unmatched) {
      warn(`tqa: warning: ${n} decision${n === 1 ? '' : 's'} on "${id}" in ${path} match${n === 1 ? 'es' : ''} no finding (audited with another glossary, segmentation or text than in the review?)`);
    }
    for (const [id, n] of unplaced) {
      warn(`tqa: warning: ${n} error${n === 1 ? '' : 's'} marked by hand on "${id}" in ${path} ${n === 1 ? 'is' : 'are'} on a segment whose text changed (left out)`);
    }
    return result;
  } finally {
    store.close();
  }
}
