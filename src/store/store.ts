import { accessSync, constants, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { CATEGORIES, SEVERITIES, type Category, type Decision, type Severity } from '../model.js';
import { InputError } from '../io/errors.js';
import type { Annotation, NewAnnotation } from '../review/annotations.js';
import { Accounts } from './accounts.js';
import { migrate } from './schema.js';

/** Where decisions live unless `--db` says otherwise: a data directory under the working directory. */
export const DEFAULT_DATA_DIR = '.tqa';
export const DEFAULT_DB_FILE = 'tqa.db';
export function defaultDbPath(cwd: string = process.cwd()): string {
  return join(resolve(cwd), DEFAULT_DATA_DIR, DEFAULT_DB_FILE);
}

export type DecisionStatus = Decision['status'];
const STATUSES: readonly DecisionStatus[] = ['open', 'accepted', 'rejected'];

/** What a reviewer changes about a finding. `null` clears a category/severity override or a comment. */
export interface DecisionChange {
  status?: DecisionStatus;
  category?: Category | null;
  severity?: Severity | null;
  comment?: string | null;
}

/** Enough about a finding to tell a reviewer what an orphaned decision was about. */
export interface FindingSnapshot {
  segment: number;
  line: number;
  mt: string;
  corrected: string;
  category: Category;
  severity: Severity;
  type: string;
}

export type { Annotation, NewAnnotation };

export interface HistoryEntry {
  seq: number;
  documentId: string;
  findingId: string;
  reviewer: string;
  at: string;
  /** 'arbitration': a lead settled a disagreement between reviewers (to = the status decided). */
  field: keyof DecisionChange | 'arbitration' | 'added' | 'removed' | 'correction';
  from: string | null;
  to: string | null;
}

export interface StoredDecision extends Decision {
  findingId: string;
  revision: number;
  snapshot?: FindingSnapshot;
}

/** A finding on which reviewers' latest judgements differ since the last arbitration: their statuses, or, both
 *  accepting it, the category or severity they gave it. */
export interface Disagreement {
  findingId: string;
  /** Each reviewer's latest status (and category/severity override when they gave one), by reviewer name (sorted). */
  statuses: Array<{ reviewer: string; status: string; at: string; category?: string; severity?: string }>;
}

/** A lead's settlement of a disagreement: the final decision that counts until a later one. */
export interface Resolution {
  findingId: string;
  by: string;
  at: string;
  status: string;
}

export interface Store {
  readonly path: string;
  /** Accounts, sessions and API tokens (a shared server). */
  readonly accounts: Accounts;
  /** True when the file cannot be written (permissions, read-only mount): decisions would fail. */
  readonly readOnly: boolean;
  /** Findings that reviewers disagree on (latest status per reviewer differs), for a lead to arbitrate. */
  disagreements(documentId: string): Disagreement[];
  /** Each rater's own decisions, replayed from the history (the decisions table holds only the final one):
   *  rater name → finding id → that rater's latest status, category, severity and comment. A lead's arbitration
   *  is a resolution, not a rating: it is not in the lead's own decisions. */
  raterDecisions(documentId: string): Map<string, Map<string, Decision>>;
  /** The latest resolution per finding by a lead (arbitrate). */
  resolutions(documentId: string): Map<string, Resolution>;
  /** Marks an uploaded document as deleted (its decisions and history stay; the id is never reused). */
  markDeleted(documentId: string, by: string): void;
  deletedIds(): Set<string>;
  /** A stored audit report (JSON text) by the hash of its inputs, tqa version and options. */
  cachedAudit(key: string): string | undefined;
  saveAudit(key: string, documentId: string, report: string): void;
  /** The current decision for every decided finding of a document, keyed by Finding.id. */
  decisions(documentId: string): Map<string, Decision>;
  /** Same, with revision numbers and snapshots (for the history and orphan views). */
  storedDecisions(documentId: string): StoredDecision[];
  /** Applies a change atomically (read-modify-write in one immediate transaction, so concurrent writers from
   *  other connections or processes serialise: the later one wins and both are in the history). On a finding a
   *  lead has resolved, an ordinary change is the rater's own (history, rater view) and the final decision stays the
   *  lead's; `arbitrate` makes the change the new resolution. */
  decide(documentId: string, findingId: string, change: DecisionChange, reviewer: string, snapshot?: FindingSnapshot, opts?: { arbitrate?: boolean }): Decision;
  /** The same change to many findings in one transaction (bulk actions). Returns how many were changed. */
  decideMany(documentId: string, items: Array<{ findingId: string; snapshot?: FindingSnapshot }>, change: DecisionChange, reviewer: string): number;
  /** Every change, oldest first; for one finding when `findingId` is given. */
  history(documentId: string, findingId?: string): HistoryEntry[];
  /** A number that grows with every change by any connection or process (the last history row): callers cache
   *  what they derive from decisions and recompute when it moves. */
  version(): number;
  /** Decisions whose finding no longer exists in the latest audit (it was edited away or the text changed). */
  orphans(documentId: string, liveFindingIds: Iterable<string>): StoredDecision[];
  /** Marks an error by hand (one history row 'added'); returns it with its new id. */
  annotate(documentId: string, a: NewAnnotation, reviewer: string): Annotation;
  /** Records an in-place edit of a segment's correction (finding id `segment:<n>`, 0-based; from → to). */
  logCorrection(documentId: string, segment: number, from: string, to: string, reviewer: string): void;
  /** The document's hand-marked errors (removed ones left out), oldest first. */
  annotations(documentId: string): Annotation[];
  /** Removes a hand-marked error (a history row 'removed'); false when there is none by that id. */
  removeAnnotation(documentId: string, id: string, reviewer: string): boolean;
  close(): void;
}

const MAX_COMMENT = 4000;
const MAX_REVIEWER = 80;

/** Opens (creating if needed) a decisions database: WAL journal, schema version table, migrations. */
export function openStore(path: string): Store {
  const file = resolve(path);
  let db: Database.Database;
  try {
    mkdirSync(dirname(file), { recursive: true });
    // `timeout` is the busy timeout: a writer waits this long for another process's transaction to finish.
    db = new Database(file, { timeout: 10_000 });
  } catch (e) {
    throw new InputError(`${path}: cannot open the decisions database (${(e as Error).message})`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (e) {
    db.close();
    if (!canWrite(file)) throw new InputError(`${path}: the decisions database is read-only (${(e as Error).message}); tqa needs to write it`);
    throw new InputError(`${path}: not a usable tqa decisions database (${(e as Error).message})`);
  }
  return new SqliteStore(db, file, !canWrite(file));
}

/** SQLite's "cannot write" family (file permissions, read-only mount or a read-only WAL). */
export function isReadOnlyError(e: unknown): boolean {
  const code = String((e as { code?: string })?.code ?? '');
  return code.startsWith('SQLITE_READONLY') || code === 'EROFS';
}

/** The disk (or the database's size limit) is full. */
export function isDiskFullError(e: unknown): boolean {
  const code = String((e as { code?: string })?.code ?? '');
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** Whether the file and its folder (where the WAL lives) can be written. `access` also sees a read-only mount,
 *  which file modes do not show to root; a transaction that writes nothing would not notice either. */
function canWrite(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

interface DecisionRow {
  finding_id: string;
  status: DecisionStatus;
  category: string | null;
  severity: string | null;
  comment: string | null;
  reviewer: string;
  at: string;
  revision: number;
  snapshot: string | null;
}

interface AnnotationRow {
  id: string;
  side: 'mt' | 'source';
  segment: number;
  segment_text: string;
  start: number;
  end: number;
  category: string;
  severity: string;
  correction: string | null;
  comment: string | null;
  reviewer: string;
  at: string;
}

/** The fields applyOne logs, in the order it logs them. */
const FIELD_ORDER = ['status', 'category', 'severity', 'comment'] as const;

interface RatingRow {
  seq: number;
  finding_id: string;
  reviewer: string;
  field: string;
  new_value: string | null;
  at: string;
}

interface HistoryRow {
  seq: number;
  document_id: string;
  finding_id: string;
  reviewer: string;
  at: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

class SqliteStore implements Store {
  private readonly q;
  readonly accounts: Accounts;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
    readonly readOnly = false,
  ) {
    this.accounts = new Accounts(db);
    this.q = {
      raterLog: db.prepare<[string], RatingRow>(
        "SELECT seq, finding_id, reviewer, field, new_value, at FROM history WHERE document_id = ? AND field IN ('status', 'category', 'severity', 'comment', 'arbitration') ORDER BY seq",
      ),
      resolved: db.prepare<[string, string], { one: number }>(
        "SELECT 1 AS one FROM history WHERE document_id = ? AND finding_id = ? AND field = 'arbitration' LIMIT 1",
      ),
      markDeleted: db.prepare('INSERT OR REPLACE INTO deleted_documents (document_id, by, at) VALUES (?, ?, ?)'),
      deleted: db.prepare<[], { document_id: string }>('SELECT document_id FROM deleted_documents'),
      audit: db.prepare<[string], { report: string }>('SELECT report FROM audits WHERE key = ?'),
      saveAudit: db.prepare('INSERT OR REPLACE INTO audits (key, document_id, report, at) VALUES (?, ?, ?, ?)'),
      dropAudits: db.prepare('DELETE FROM audits WHERE document_id = ? AND key <> ?'),
      all: db.prepare<[string], DecisionRow>('SELECT * FROM decisions WHERE document_id = ? ORDER BY finding_id'),
      one: db.prepare<[string, string], DecisionRow>('SELECT * FROM decisions WHERE document_id = ? AND finding_id = ?'),
      upsert: db.prepare(
        `INSERT INTO decisions (document_id, finding_id, status, category, severity, comment, reviewer, at, revision, snapshot)
         VALUES (@documentId, @findingId, @status, @category, @severity, @comment, @reviewer, @at, @revision, @snapshot)
         ON CONFLICT (document_id, finding_id) DO UPDATE SET status = excluded.status, category = excluded.category,
           severity = excluded.severity, comment = excluded.comment, reviewer = excluded.reviewer, at = excluded.at,
           revision = excluded.revision, snapshot = COALESCE(excluded.snapshot, decisions.snapshot)`,
      ),
      log: db.prepare(
        `INSERT INTO history (document_id, finding_id, reviewer, at, field, old_value, new_value)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      annotate: db.prepare(
        `INSERT INTO annotations (document_id, id, side, segment, segment_text, start, "end", category, severity, correction, comment, reviewer, at)
         VALUES (@documentId, @id, @side, @segment, @segmentText, @start, @end, @category, @severity, @correction, @comment, @reviewer, @at)`,
      ),
      annotations: db.prepare<[string], AnnotationRow>('SELECT * FROM annotations WHERE document_id = ? AND removed = 0 ORDER BY at, id'),
      removeAnnotation: db.prepare('UPDATE annotations SET removed = 1 WHERE document_id = ? AND id = ? AND removed = 0'),
      version: db.prepare<[], { v: number }>('SELECT COALESCE(MAX(seq), 0) AS v FROM history'),
      historyDoc: db.prepare<[string], HistoryRow>('SELECT * FROM history WHERE document_id = ? ORDER BY seq'),
      historyOne: db.prepare<[string, string], HistoryRow>(
        'SELECT * FROM history WHERE document_id = ? AND finding_id = ? ORDER BY seq',
      ),
    };
  }

  decisions(documentId: string): Map<string, Decision> {
    const out = new Map<string, Decision>();
    for (const row of this.q.all.all(documentId)) out.set(row.finding_id, toDecision(row));
    return out;
  }

  storedDecisions(documentId: string): StoredDecision[] {
    return this.q.all.all(documentId).map(toStored);
  }

  decide(documentId: string, findingId: string, change: DecisionChange, reviewer: string, snapshot?: FindingSnapshot, opts: { arbitrate?: boolean } = {}): Decision {
    const who = checkReviewer(reviewer);
    checkChange(change);
    checkId(documentId, 'document id');
    checkId(findingId, 'finding id');
    return this.db
      .transaction(() => {
        const d = this.applyOne(documentId, findingId, change, who, snapshot, opts.arbitrate === true);
        if (opts.arbitrate) this.q.log.run(documentId, findingId, who, d.at, 'arbitration', null, d.status);
        return d;
      })
      .immediate();
  }

  disagreements(documentId: string): Disagreement[] {
    // Replays the raters' changes: each reviewer's latest judgement per finding; an arbitration settles what came
    // before (a judgement made since counts again).
    type Judgement = { status?: string; at: string; category?: string; severity?: string };
    const latest = new Map<string, Map<string, Judgement>>();
    for (const r of this.ratingRows(documentId)) {
      if (r.field === 'arbitration') {
        latest.delete(r.finding_id);
        continue;
      }
      let m = latest.get(r.finding_id);
      if (!m) latest.set(r.finding_id, (m = new Map()));
      const j: Judgement = m.get(r.reviewer) ?? { at: r.at };
      j.at = r.at;
      if (r.field === 'status') j.status = r.new_value ?? 'open';
      else if (r.field === 'category' || r.field === 'severity') {
        if (r.new_value === null) delete j[r.field];
        else j[r.field] = r.new_value;
      }
      m.set(r.reviewer, j);
    }
    const out: Disagreement[] = [];
    const labelOf = (j: Judgement) => (j.status === 'rejected' ? 'rejected' : `${j.status}\u0000${j.category ?? ''}\u0000${j.severity ?? ''}`);
    for (const [findingId, m] of latest) {
      const decided = [...m].filter(([, v]) => v.status !== undefined && v.status !== 'open');
      if (new Set(decided.map(([, v]) => labelOf(v))).size < 2) continue;
      out.push({
        findingId,
        statuses: decided
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([reviewer, v]) => ({ reviewer, status: v.status!, at: v.at, ...(v.status === 'accepted' && v.category ? { category: v.category } : {}), ...(v.status === 'accepted' && v.severity ? { severity: v.severity } : {}) })),
      });
    }
    return out.sort((a, b) => a.findingId.localeCompare(b.findingId));
  }

  raterDecisions(documentId: string): Map<string, Map<string, Decision>> {
    const out = new Map<string, Map<string, Decision>>();
    for (const r of this.ratingRows(documentId)) {
      if (r.field === 'arbitration') continue;
      let mine = out.get(r.reviewer);
      if (!mine) out.set(r.reviewer, (mine = new Map()));
      const d: Decision = mine.get(r.finding_id) ?? { status: 'open', reviewer: r.reviewer, at: r.at };
      d.at = r.at;
      const v = r.new_value;
      if (r.field === 'status') d.status = (v ?? 'open') as DecisionStatus;
      else if (r.field === 'category') v === null ? delete d.category : (d.category = v as Category);
      else if (r.field === 'severity') v === null ? delete d.severity : (d.severity = v as Severity);
      else if (r.field === 'comment') v === null ? delete d.comment : (d.comment = v);
      mine.set(r.finding_id, d);
    }
    return out;
  }

  resolutions(documentId: string): Map<string, Resolution> {
    const out = new Map<string, Resolution>();
    for (const r of this.ratingRows(documentId)) {
      if (r.field === 'arbitration') out.set(r.finding_id, { findingId: r.finding_id, by: r.reviewer, at: r.at, status: r.new_value ?? 'open' });
    }
    return out;
  }

  /** The history rows that carry judgements, oldest first, without the field rows a lead's arbitration wrote:
   *  those are the resolution, not the lead's rating. They are the rows just before the 'arbitration' row (one
   *  transaction: consecutive seq numbers), of the same finding, lead and moment, at most one per field in the
   *  order applyOne writes them. */
  private ratingRows(documentId: string): RatingRow[] {
    const rows = this.q.raterLog.all(documentId);
    const skip = new Set<number>();
    rows.forEach((a, i) => {
      if (a.field !== 'arbitration') return;
      let order: number = FIELD_ORDER.length;
      for (let j = i - 1; j >= 0; j--) {
        const r = rows[j]!;
        const k = FIELD_ORDER.indexOf(r.field as (typeof FIELD_ORDER)[number]);
        if (r.seq !== rows[j + 1]!.seq - 1 || r.finding_id !== a.finding_id || r.reviewer !== a.reviewer || r.at !== a.at || k < 0 || k >= order) break;
        skip.add(j);
        order = k;
      }
    });
    return skip.size === 0 ? rows : rows.filter((_, i) => !skip.has(i));
  }

  markDeleted(documentId: string, by: string): void {
    this.q.markDeleted.run(documentId, by, new Date().toISOString());
  }

  deletedIds(): Set<string> {
    return new Set(this.q.deleted.all().map((r) => r.document_id));
  }

  cachedAudit(key: string): string | undefined {
    return this.q.audit.get(key)?.report;
  }

  saveAudit(key: string, documentId: string, report: string): void {
    if (this.readOnly) return;
    // One stored audit per document: an edited file's old result is replaced, not accumulated.
    this.db.transaction(() => {
      this.q.saveAudit.run(key, documentId, report, new Date().toISOString());
      this.q.dropAudits.run(documentId, key);
    })();
  }

  decideMany(
    documentId: string,
    items: Array<{ findingId: string; snapshot?: FindingSnapshot }>,
    change: DecisionChange,
    reviewer: string,
  ): number {
    const who = checkReviewer(reviewer);
    checkChange(change);
    checkId(documentId, 'document id');
    for (const it of items) checkId(it.findingId, 'finding id');
    return this.db
      .transaction(() => {
        for (const it of items) this.applyOne(documentId, it.findingId, change, who, it.snapshot);
        return items.length;
      })
      .immediate();
  }

  history(documentId: string, findingId?: string): HistoryEntry[] {
    const rows = findingId === undefined ? this.q.historyDoc.all(documentId) : this.q.historyOne.all(documentId, findingId);
    return rows.map((r) => ({
      seq: r.seq,
      documentId: r.document_id,
      findingId: r.finding_id,
      reviewer: r.reviewer,
      at: r.at,
      field: r.field as keyof DecisionChange,
      from: r.old_value,
      to: r.new_value,
    }));
  }

  version(): number {
    return this.q.version.get()!.v;
  }

  orphans(documentId: string, liveFindingIds: Iterable<string>): StoredDecision[] {
    const live = new Set(liveFindingIds);
    return this.storedDecisions(documentId).filter((d) => !live.has(d.findingId));
  }

  annotate(documentId: string, a: NewAnnotation, reviewer: string): Annotation {
    const who = checkReviewer(reviewer);
    checkId(documentId, 'document id');
    checkAnnotation(a);
    const out: Annotation = { ...a, id: `r${randomBytes(8).toString('hex')}`, reviewer: who, at: new Date().toISOString() };
    if (out.correction === undefined) delete out.correction;
    if (!out.comment) delete out.comment;
    this.db
      .transaction(() => {
        this.q.annotate.run({ documentId, ...out, correction: out.correction ?? null, comment: out.comment ?? null });
        const what = `${a.side === 'source' ? 'source issue' : 'MT'} “${a.segmentText.slice(a.start, a.end)}”: ${a.category}, ${a.severity}`;
        this.q.log.run(documentId, out.id, who, out.at, 'added', null, what);
      })
      .immediate();
    return out;
  }

  logCorrection(documentId: string, segment: number, from: string, to: string, reviewer: string): void {
    this.q.log.run(documentId, `segment:${segment}`, checkReviewer(reviewer), new Date().toISOString(), 'correction', from, to);
  }

  annotations(documentId: string): Annotation[] {
    return this.q.annotations.all(documentId).map((r) => {
      const a: Annotation = {
        id: r.id,
        side: r.side,
        segment: r.segment,
        segmentText: r.segment_text,
        start: r.start,
        end: r.end,
        category: r.category as Category,
        severity: r.severity as Severity,
        reviewer: r.reviewer,
        at: r.at,
      };
      if (r.correction !== null) a.correction = r.correction;
      if (r.comment !== null) a.comment = r.comment;
      return a;
    });
  }

  removeAnnotation(documentId: string, id: string, reviewer: string): boolean {
    const who = checkReviewer(reviewer);
    return this.db
      .transaction(() => {
        if (this.q.removeAnnotation.run(documentId, id).changes === 0) return false;
        this.q.log.run(documentId, id, who, new Date().toISOString(), 'removed', null, null);
        return true;
      })
      .immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Must run inside a transaction: reads the current row, writes the merged one and one history row per field.
   *  A finding a lead resolved keeps its final decision unless this is a new resolution: the change is then the
   *  rater's own, in the history only. */
  private applyOne(documentId: string, findingId: string, change: DecisionChange, reviewer: string, snapshot?: FindingSnapshot, arbitrate = false): Decision {
    const before = this.q.one.get(documentId, findingId);
    const keepFinal = !arbitrate && before !== undefined && this.q.resolved.get(documentId, findingId) !== undefined;
    const at = new Date().toISOString();
    const next = {
      status: before?.status ?? 'open',
      category: before?.category ?? null,
      severity: before?.severity ?? null,
      comment: before?.comment ?? null,
    };
    for (const field of ['status', 'category', 'severity', 'comment'] as const) {
      const value = change[field];
      if (value === undefined) continue;
      const old = next[field];
      const neu = field === 'comment' && typeof value === 'string' && value.trim() === '' ? null : value;
      // Logged even when unchanged: a second reviewer confirming (or racing) is part of the record.
      this.q.log.run(documentId, findingId, reviewer, at, field, field === 'status' && !before ? null : old, neu);
      (next as Record<string, string | null>)[field] = neu;
    }
    if (keepFinal) return toDecision(before);
    const row = {
      documentId,
      findingId,
      ...next,
      reviewer,
      at,
      revision: (before?.revision ?? 0) + 1,
      snapshot: snapshot ? JSON.stringify(snapshot) : null,
    };
    this.q.upsert.run(row);
    return toDecision(row);
  }
}

function toDecision(row: Pick<DecisionRow, 'status' | 'category' | 'severity' | 'comment' | 'reviewer' | 'at'>): Decision {
  const d: Decision = { status: row.status, reviewer: row.reviewer, at: row.at };
  if (row.category) d.category = row.category as Category;
  if (row.severity) d.severity = row.severity as Severity;
  if (row.comment) d.comment = row.comment;
  return d;
}

function toStored(row: DecisionRow): StoredDecision {
  const d: StoredDecision = { ...toDecision(row), findingId: row.finding_id, revision: row.revision };
  if (row.snapshot) d.snapshot = JSON.parse(row.snapshot) as FindingSnapshot;
  return d;
}

function checkReviewer(reviewer: string): string {
  const who = String(reviewer ?? '').trim();
  if (who === '') throw new InputError('a reviewer name is required');
  if (who.length > MAX_REVIEWER) throw new InputError(`the reviewer name is too long (at most ${MAX_REVIEWER} characters)`);
  return who;
}

const MAX_SEGMENT_TEXT = 100_000;

/** A hand-marked error must be inside its segment's text, in the taxonomy, and of bounded size. */
function checkAnnotation(a: NewAnnotation): void {
  if (a.side !== 'mt' && a.side !== 'source') throw new InputError('side: use mt or source');
  if (!Number.isInteger(a.segment) || a.segment < 0) throw new InputError('segment: expected a segment number');
  if (typeof a.segmentText !== 'string' || a.segmentText.length > MAX_SEGMENT_TEXT) throw new InputError(`the segment is longer than ${MAX_SEGMENT_TEXT} characters`);
  if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end < a.start || a.end > a.segmentText.length) {
    throw new InputError('the marked span is not inside the segment');
  }
  if (a.side === 'source' && a.start === a.end) throw new InputError('select the source words the issue is about');
  if (!(CATEGORIES as readonly string[]).includes(a.category)) throw new InputError(`unknown category "${String(a.category)}"`);
  if (!(SEVERITIES as readonly string[]).includes(a.severity)) throw new InputError(`unknown severity "${String(a.severity)}" (use ${SEVERITIES.join(', ')})`);
  for (const [k, v] of [['correction', a.correction], ['comment', a.comment]] as const) {
    if (v !== undefined && (typeof v !== 'string' || v.length > MAX_COMMENT)) throw new InputError(`the ${k} is too long (at most ${MAX_COMMENT} characters)`);
  }
}

function checkId(id: string, what: string): void {
  if (typeof id !== 'string' || id === '' || id.length > 200) throw new InputError(`invalid ${what}`);
}

/** Refuses values outside the taxonomy: the store is the last line before they reach exports and the gate. */
export function checkChange(change: DecisionChange): void {
  const keys = Object.keys(change).filter((k) => (change as Record<string, unknown>)[k] !== undefined);
  if (keys.length === 0) throw new InputError('nothing to change');
  if (change.status !== undefined && !STATUSES.includes(change.status)) {
    throw new InputError(`unknown decision status "${String(change.status)}" (use ${STATUSES.join(', ')})`);
  }
  if (change.category != null && !(CATEGORIES as readonly string[]).includes(change.category)) {
    throw new InputError(`unknown category "${String(change.category)}"`);
  }
  if (change.severity != null && !(SEVERITIES as readonly string[]).includes(change.severity)) {
    throw new InputError(`unknown severity "${String(change.severity)}" (use ${SEVERITIES.join(', ')})`);
  }
  if (change.comment != null && (typeof change.comment !== 'string' || change.comment.length > MAX_COMMENT)) {
    throw new InputError(`the comment is too long (at most ${MAX_COMMENT} characters)`);
  }
}
