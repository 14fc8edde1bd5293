import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { auditDocument, listDocumentDirs, readDocumentDir, type AuditInput, type AuditOptions } from '../audit.js';
import { auditFiles } from '../audit-files.js';
import { localizedDocumentFiles } from '../io/formats/document-files.js';
import { InputError } from '../io/errors.js';
import { parseGlossary } from '../io/glossary.js';
import { decodeText } from '../io/read-text.js';
import type { DocumentReport } from '../model.js';

// The documents a server shows: every pair folder under DIR plus the pairs uploaded in the browser. Uploads are
// saved under the data directory (<data>/uploads/<id>/mt.txt, ...) so that they, like DIR's pairs, survive a
// restart. Audits are cached and redone when a file's size or modification time changes, so editing mt.txt or
// corrected.txt while the server runs re-audits on the next page load (decisions follow by fingerprint).
// A folder may hold localization files instead of text (mt.xlf + corrected.xlf, or one XLIFF/TMX/CSV with both):
// they are audited unit by unit, with their source as the third column.

export type Origin = 'folder' | 'upload';

export interface LibraryEntry {
  id: string;
  origin: Origin;
  dir: string;
}

interface Cached {
  stamp: string;
  report: DocumentReport;
}

const PAIR_FILES = ['mt.txt', 'corrected.txt', 'source.txt', 'glossary.tsv'] as const;
/** Document ids are folder names: this keeps them safe in URLs, file names and SQL alike. */
const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,119}$/u;

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id) && !id.includes('..');
}

export interface UploadParts {
  name?: string;
  mt: Uint8Array;
  corrected: Uint8Array;
  source?: Uint8Array;
  glossary?: Uint8Array;
}

export class Library {
  readonly root: string;
  readonly uploadsDir: string;
  private readonly cache = new Map<string, Cached>();

  constructor(
    root: string,
    dataDir: string,
    private readonly auditOptions: AuditOptions = {},
  ) {
    this.root = resolve(root);
    this.uploadsDir = join(resolve(dataDir), 'uploads');
  }

  /** Every pair, folders first (sorted), then uploads (sorted). Ids are unique: a folder wins over an upload. */
  list(): LibraryEntry[] {
    const out: LibraryEntry[] = [];
    const seen = new Set<string>();
    const add = (dir: string, origin: Origin) => {
      const id = basename(dir);
      if (!isValidId(id) || seen.has(id)) return;
      seen.add(id);
      out.push({ id, origin, dir });
    };
    // DIR may itself be one pair folder (`tqa serve texts/article`).
    if (isPairDir(this.root)) add(this.root, 'folder');
    for (const dir of pairDirsUnder(this.root)) add(dir, 'folder');
    if (existsSync(this.uploadsDir)) for (const dir of listDocumentDirs(this.uploadsDir).sort()) add(dir, 'upload');
    return out;
  }

  /** Looks an id up among the listed pairs (never joins it into a path), audits it if needed. */
  get(id: string): { entry: LibraryEntry; report: DocumentReport } | undefined {
    if (!isValidId(id)) return undefined;
    const entry = this.list().find((e) => e.id === id);
    if (!entry) return undefined;
    return { entry, report: this.audit(entry) };
  }

  audit(entry: LibraryEntry): DocumentReport {
    const stamp = stampOf(entry.dir);
    const hit = this.cache.get(entry.dir);
    if (hit && hit.stamp === stamp) return hit.report;
    const localized = localizedDocumentFiles(entry.dir);
    const report = localized
      ? { ...auditFiles(localized.mt, localized.corrected, {}, { audit: this.auditOptions }), id: entry.id }
      : auditDocument({ ...readDocumentDir(entry.dir), id: entry.id }, this.auditOptions);
    this.cache.set(entry.dir, { stamp, report });
    return report;
  }

  /** Checks, audits and saves an uploaded pair; returns its id. Bad text throws InputError naming the part. */
  addUpload(parts: UploadParts): string {
    const mt = decodeText(parts.mt, 'MT text');
    const corrected = decodeText(parts.corrected, 'Corrected text');
    const source = parts.source && parts.source.length > 0 ? decodeText(parts.source, 'Source text') : undefined;
    const glossaryText = parts.glossary && parts.glossary.length > 0 ? decodeText(parts.glossary, 'Glossary') : undefined;
    const glossary = glossaryText !== undefined ? parseGlossary(glossaryText, 'Glossary') : undefined;

    const id = this.freshId(parts.name);
    const dir = join(this.uploadsDir, id);
    const input: AuditInput = {
      id,
      mt: { path: join(dir, 'mt.txt'), text: mt },
      corrected: { path: join(dir, 'corrected.txt'), text: corrected },
    };
    if (source !== undefined) input.source = { path: join(dir, 'source.txt'), text: source };
    if (glossary !== undefined) input.glossary = glossary;
    // Audit before saving anything: a pair the engine refuses never lands on disk.
    const report = auditDocument(input, this.auditOptions);

    mkdirSync(this.uploadsDir, { recursive: true });
    const tmp = join(this.uploadsDir, `.tmp-${id}-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    writeFileSync(join(tmp, 'mt.txt'), mt);
    writeFileSync(join(tmp, 'corrected.txt'), corrected);
    if (source !== undefined) writeFileSync(join(tmp, 'source.txt'), source);
    if (glossaryText !== undefined) writeFileSync(join(tmp, 'glossary.tsv'), glossaryText);
    renameSync(tmp, dir);
    this.cache.set(dir, { stamp: stampOf(dir), report });
    return id;
  }

  private freshId(name: string | undefined): string {
    const slug = (name ?? '')
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40);
    const base = `upload-${slug || 'pair'}`;
    const taken = new Set(this.list().map((e) => e.id));
    if (existsSync(this.uploadsDir)) for (const d of readdirSync(this.uploadsDir)) taken.add(d);
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
  }
}

function isPairDir(dir: string): boolean {
  return (existsSync(join(dir, 'mt.txt')) && existsSync(join(dir, 'corrected.txt'))) || localizedDocumentFiles(dir) !== undefined;
}

/** The sub-folders of root (sorted) that hold a text pair or localization files. */
function pairDirsUnder(root: string): string[] {
  const textPairs = new Set(listDocumentDirs(root));
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [...textPairs].sort();
  }
  const dirs = names.map((n) => join(root, n)).filter((d) => textPairs.has(d) || (isDirectory(d) && localizedDocumentFiles(d) !== undefined));
  return dirs.sort();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Size and mtime of each file of a pair: a change means the audit must be redone. */
function stampOf(dir: string): string {
  const localized = localizedDocumentFiles(dir);
  const files = localized ? [localized.mt, localized.corrected ?? '-'] : PAIR_FILES.map((f) => join(dir, f));
  return files.map((f) => {
    try {
      const st = statSync(f);
      return `${st.size}:${st.mtimeMs}`;
    } catch {
      return '-';
    }
  }).join('|');
}

export function checkRoot(root: string): void {
  let st;
  try {
    st = statSync(root);
  } catch {
    throw new InputError(`${root}: no such directory`);
  }
  if (!st.isDirectory()) throw new InputError(`${root}: not a directory`);
}
