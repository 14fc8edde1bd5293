// The decisions store: reviewer decisions and their history in SQLite (the web view writes, export/check read).
export {
  DEFAULT_DATA_DIR,
  DEFAULT_DB_FILE,
  defaultDbPath,
  openStore,
  checkChange,
  isDiskFullError,
  isReadOnlyError,
  type Annotation,
  type NewAnnotation,
  type Disagreement,
  type Resolution,
  type DecisionChange,
  type DecisionStatus,
  type FindingSnapshot,
  type HistoryEntry,
  type Store,
  type StoredDecision,
} from './store.js';
export { SCHEMA_VERSION } from './schema.js';
export { Accounts, canAct, checkRole, checkUserName, ROLES, type Role, type User } from './accounts.js';
