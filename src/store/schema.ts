import type Database from 'better-sqlite3';

/** Current schema version; `migrate` brings an older file up to it step by step. */
export const SCHEMA_VERSION = 3;

// Step n takes the schema from version n-1 to n. Never edit a released step: add a new one.
const STEPS: string[] = [
  `
  CREATE TABLE decisions (
    document_id TEXT NOT NULL,
    finding_id  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
    category    TEXT,
    severity    TEXT,
    comment     TEXT,
    reviewer    TEXT NOT NULL,
    at          TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    -- What the finding looked like when it was last decided: lets an orphaned decision still say what it was about.
    snapshot    TEXT,
    PRIMARY KEY (document_id, finding_id)
  ) WITHOUT ROWID;
  CREATE TABLE history (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL,
    finding_id  TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    at          TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT
  );
  CREATE INDEX history_by_finding ON history (document_id, finding_id, seq);
  `,
  // 2: accounts for a shared server. Passwords as scrypt hashes; session and API tokens only as SHA-256 of the
  // random token (a copied database file does not let anyone log in). Deleted uploads keep their id reserved so
  // a new upload never inherits the old one's decisions. Audit results keyed by a hash of everything they depend on.
  `
  CREATE TABLE users (
    name     TEXT PRIMARY KEY,
    role     TEXT NOT NULL CHECK (role IN ('reviewer', 'lead', 'admin')),
    password TEXT NOT NULL,
    created  TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user       TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE ON UPDATE CASCADE,
    created    TEXT NOT NULL,
    expires    TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user       TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE ON UPDATE CASCADE,
    label      TEXT NOT NULL,
    created    TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE deleted_documents (
    document_id TEXT PRIMARY KEY,
    by          TEXT NOT NULL,
    at          TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE audits (
    key         TEXT PRIMARY KEY,
    document_id TEXT NOT NULL,
    report      TEXT NOT NULL,
    at          TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 3: errors a reviewer marked by hand (what tqa missed, or a source-side error). Located by the segment's text
  // and offsets inside it, not by document offsets, so an annotation survives a re-audit of an edited file as long
  // as its segment is unchanged. Removal is a flag: the history still says what was marked.
  `
  CREATE TABLE annotations (
    document_id  TEXT NOT NULL,
    id           TEXT NOT NULL,
    side         TEXT NOT NULL CHECK (side IN ('mt', 'source')),
    segment      INTEGER NOT NULL,
    segment_text TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    category     TEXT NOT NULL,
    severity     TEXT NOT NULL,
    correction   TEXT,
    comment      TEXT,
    reviewer     TEXT NOT NULL,
    at           TEXT NOT NULL,
    removed      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, id)
  ) WITHOUT ROWID;
  `,
];

/** Creates or upgrades the schema inside one immediate transaction, so two processes opening a new file at the
 *  same moment cannot both run a step. */
export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const run = db.transaction(() => {
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(`the database has schema version ${current}; this tqa knows up to ${SCHEMA_VERSION}`);
    }
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(STEPS[v]!);
    if (row === undefined) db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
    else if (current !== SCHEMA_VERSION) db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION);
  });
  run.immediate();
}
