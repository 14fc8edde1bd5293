import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readDocumentDir, type AuditInput, type AuditOptions } from '../audit.js';
import { documentLanguagesText, LANGUAGE_FILE } from '../io/document-dir.js';
import { TASKS, type TaskPayload } from '../workers/tasks.js';
import { documentDirsUnder, isDocumentDir, localizedDocumentFiles, localizedFilesOf } from '../io/formats/document-files.js';
import { describeFormat, detectFormat, formatOfFile, type InputFormat } from '../io/formats/index.js';
import { InputError, isInputError } from '../io/errors.js';
import { parseGlossary } from '../io/glossary.js';
import { decodeText } from '../io/read-text.js';
import type { DocumentReport } from '../model.js';

// The documents a server shows: every pair folder under DIR plus the pairs uploaded in the browser. Uploads are
// saved under the data directory (<data>/uploads/<id>/mt.txt, ...) so that they, like DIR's pairs, survive a
// restart. Audits are cached and redone when a file's size or modification time changes, so editing mt.txt or
// corrected.txt while the server runs re-audits on the next page load (decisions follow by fingerprint).
// A folder may hold localization files instead of text (mt.xlf + corrected.xlf, or one XLIFF/TMX/CSV with both):
// they are audited unit by unit, with their source as the third column. The format is told by the content, so an
// XLIFF saved as mt.txt is read as XLIFF too; an uploaded localization file is saved under its own extension
// (mt.xlf + corrected.xlf, or review.xlf when one file holds both) and so is found again after a restart.

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
  /** May be missing when the MT file is a localization file that holds the correction too (XLIFF, TMX, CSV/TSV). */
  corrected?: Uint8Array;
  /** The uploaded files' names: their extension helps when the content does not tell the format. */
  mtName?: string;
  correctedName?: string;
  source?: Uint8Array;
  glossary?: Uint8Array;
  /** The languages given in the form (BCP 47, checked): kept in the pair's language.json. */
  targetLang?: string;
  sourceLang?: string;
}

/** An audit as a worker task (src/workers/tasks.ts). */
export type AuditJob =
  | { id: string; kind: 'audit-document'; payload: TaskPayload<'audit-document'> }
  | { id: string; kind: 'audit-files'; payload: TaskPayload<'audit-files'> };

export interface StagedUpload {
  id: string;
  dir: string;
  tmp: string;
  job: AuditJob;
}

/** Runs an audit task in this thread (the same function a worker runs). */
export function runJob(job: AuditJob): DocumentReport {
  const report = job.kind === 'audit-document' ? TASKS['audit-document'](job.payload, () => {}) : TASKS['audit-files'](job.payload, () => {});
  return { ...report, id: job.id };
}

/** The report with one folder's path replaced by another (a localization upload audited before its rename). */
export function relocate(report: DocumentReport, from: string, to: string): DocumentReport {
  if (from === to) return report;
  const fix = (p: string) => (p.startsWith(`${from}/`) ? to + p.slice(from.length) : p);
  const out: DocumentReport = { ...report, mt: { ...report.mt, path: fix(report.mt.path) }, corrected: { ...report.corrected, path: fix(report.corrected.path) } };
  if (report.source) out.source = { ...report.source, path: fix(report.source.path) };
  return out;
}

export class Library {
  readonly root: string;
  readonly uploadsDir: string;
  private readonly cache = new Map<string, Cached>();

  constructor(
    root: string,
    dataDir: string,
    private readonly auditOptions: AuditOptions = {},
    /** Ids never to give a new upload (deleted uploads: their decisions stay in the history under that id). */
    private readonly reserved: () => Set<string> = () => new Set(),
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
    if (isDocumentDir(this.root)) add(this.root, 'folder');
    for (const dir of documentDirsUnder(this.root)) add(dir, 'folder');
    if (existsSync(this.uploadsDir)) for (const dir of documentDirsUnder(this.uploadsDir)) add(dir, 'upload');
    return out;
  }

  /** Looks an id up among the listed pairs (never joins it into a path), audits it if needed. */
  get(id: string): { entry: LibraryEntry; report: DocumentReport } | undefined {
    const entry = this.find(id);
    if (!entry) return undefined;
    return { entry, report: this.audit(entry) };
  }

  audit(entry: LibraryEntry): DocumentReport {
    const stamp = stampOf(entry.dir);
    const hit = this.cache.get(entry.dir);
    if (hit && hit.stamp === stamp) return hit.report;
    const report = runJob(this.jobFor(entry));
    this.cache.set(entry.dir, { stamp, report });
    return report;
  }

  /** The entry listed under `id` (never joins the id into a path), without auditing it. */
  find(id: string): LibraryEntry | undefined {
    if (!isValidId(id)) return undefined;
    return this.list().find((e) => e.id === id);
  }

  /** What the audit of an entry depends on, as a task a worker can run: a text pair is read here (its texts
   *  travel with the task), localization files are read by the worker. Bad files throw InputError. */
  jobFor(entry: LibraryEntry): AuditJob {
    const files = localizedFilesOf(entry.dir);
    if (files) return this.localizedJob(entry.dir, files, entry.id);
    return { id: entry.id, kind: 'audit-document', payload: { input: { ...readDocumentDir(entry.dir), id: entry.id }, options: this.auditOptions } };
  }

  /** The corrected.txt of a plain-text pair, which a reviewer may edit in place; undefined for localization files
   *  (their correction lives inside XLIFF/PO/TMX units, which this does not rewrite). */
  correctedFile(entry: LibraryEntry): string | undefined {
    if (localizedFilesOf(entry.dir)) return undefined;
    const file = join(entry.dir, 'corrected.txt');
    return existsSync(file) ? file : undefined;
  }

  /** An XLIFF document's files (its correction can be edited in place and downloaded as XLIFF); undefined for
   *  any other kind of document. */
  xliffFiles(entry: LibraryEntry): { mt: string; corrected?: string } | undefined {
    const files = localizedFilesOf(entry.dir);
    if (!files) return undefined;
    const file = files.corrected ?? files.mt;
    // By name first: the page asks on every view, and sniffing reads the file.
    const named = /\.(xlf|xliff|sdlxliff|mxliff)$/i.test(file);
    return named || (!/\.(po|tmx|csv|tsv)$/i.test(file) && formatOfFile(file) === 'xliff') ? files : undefined;
  }

  /** Size and mtime of the entry's files: a change means its audit must be redone. */
  stamp(entry: LibraryEntry): string {
    return stampOf(entry.dir);
  }

  /** A folder's localization files audited unit by unit (their source comes from the file; the folder's
   *  glossary.tsv applies as it does to a text pair). */
  private localizedJob(dir: string, files: { mt: string; corrected?: string }, id: string): AuditJob {
    const glossary = join(dir, 'glossary.tsv');
    const flags = existsSync(glossary) ? { glossary } : {};
    return { id, kind: 'audit-files', payload: { mt: files.mt, ...(files.corrected !== undefined ? { corrected: files.corrected } : {}), flags, options: this.auditOptions } };
  }

  /** Checks, audits and saves an uploaded pair (in this thread); returns its id. Bad text throws InputError
   *  naming the part. The server uses stageUpload/commitUpload with the audit in a worker instead. */
  addUpload(parts: UploadParts): string {
    const staged = this.stageUpload(parts);
    let report: DocumentReport;
    try {
      report = runJob(staged.job);
    } catch (e) {
      throw this.discardUpload(staged, e);
    }
    return this.commitUpload(staged, report).id;
  }

  /** Checks an upload and writes it to a temporary folder; the audit (staged.job) decides whether it is kept.
   *  The MT part's format comes from its bytes (and name). */
  stageUpload(parts: UploadParts): StagedUpload {
    const format = formatOfUpload(parts.mt, parts.mtName);
    const corrected = parts.corrected && parts.corrected.length > 0 ? parts.corrected : undefined;
    if (format !== 'text') return this.stageLocalized(parts, format, corrected);
    if (corrected === undefined) throw new InputError('Corrected text: give a file or paste the text.');
    const correctedFormat = formatOfUpload(corrected, parts.correctedName);
    if (correctedFormat !== 'text') throw new InputError(`Corrected text: ${describeFormat(correctedFormat)}, but the MT is plain text: give two files of the same format.`);

    const mt = decodeText(parts.mt, 'MT text');
    const correctedText = decodeText(corrected, 'Corrected text');
    const source = parts.source && parts.source.length > 0 ? decodeText(parts.source, 'Source text') : undefined;
    const glossaryText = this.glossaryText(parts);
    const glossary = glossaryText !== undefined ? parseGlossary(glossaryText, 'Glossary') : undefined;

    const id = this.freshId(parts.name);
    const dir = join(this.uploadsDir, id);
    const input: AuditInput = {
      id,
      mt: { path: join(dir, 'mt.txt'), text: mt },
      corrected: { path: join(dir, 'corrected.txt'), text: correctedText },
    };
    if (source !== undefined) input.source = { path: join(dir, 'source.txt'), text: source };
    if (glossary !== undefined) input.glossary = glossary;
    if (parts.targetLang) input.targetLang = parts.targetLang;
    if (parts.sourceLang) input.sourceLang = parts.sourceLang;
    const languages = documentLanguagesText(parts);
    const tmp = this.tempDir(id);
    try {
      if (languages !== undefined) writeFileSync(join(tmp, LANGUAGE_FILE), languages);
      writeFileSync(join(tmp, 'mt.txt'), mt);
      writeFileSync(join(tmp, 'corrected.txt'), correctedText);
      if (source !== undefined) writeFileSync(join(tmp, 'source.txt'), source);
      if (glossaryText !== undefined) writeFileSync(join(tmp, 'glossary.tsv'), glossaryText);
    } catch (e) {
      // A full disk leaves nothing half-written behind.
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
    return { id, dir, tmp, job: { id, kind: 'audit-document', payload: { input, options: this.auditOptions } } };
  }

  /** An XLIFF/PO/TMX/CSV/TSV upload: saved under its format's extension (mt.<ext> + corrected.<ext>, or
   *  review.<ext> when the one file holds MT and correction) in the temporary folder, audited there. */
  private stageLocalized(parts: UploadParts, format: Exclude<InputFormat, 'text'>, corrected: Uint8Array | undefined): StagedUpload {
    if (parts.source && parts.source.length > 0) {
      throw new InputError(`Source text: the MT is ${describeFormat(format)}, its source text comes from the file; leave the source empty.`);
    }
    if (corrected === undefined && format === 'po') throw new InputError('Corrected text: a PO file holds the MT only: give the corrected PO file too.');
    if (corrected !== undefined) {
      const other = formatOfUpload(corrected, parts.correctedName);
      if (other !== format) throw new InputError(`Corrected text: ${describeFormat(other)}, but the MT is ${describeFormat(format)}: give two files of the same format.`);
    }
    const glossaryText = this.glossaryText(parts);
    if (glossaryText !== undefined) parseGlossary(glossaryText, 'Glossary');

    const id = this.freshId(parts.name);
    const dir = join(this.uploadsDir, id);
    const ext = FORMAT_EXTENSION[format];
    const tmp = this.tempDir(id);
    try {
      // Bytes as given: the format readers know the encodings (a UTF-16 TMX stays UTF-16).
      if (corrected !== undefined) {
        writeFileSync(join(tmp, `mt${ext}`), parts.mt);
        writeFileSync(join(tmp, `corrected${ext}`), corrected);
      } else {
        writeFileSync(join(tmp, `review${ext}`), parts.mt);
      }
      if (glossaryText !== undefined) writeFileSync(join(tmp, 'glossary.tsv'), glossaryText);
      const files = localizedFilesOf(tmp);
      if (!files) throw new InputError(`MT text: ${describeFormat(format)} could not be read back`);
      return { id, dir, tmp, job: this.localizedJob(tmp, files, id) };
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
  }

  /** Moves an audited upload in place; returns its entry and the report (paths under the final folder). */
  commitUpload(staged: StagedUpload, report: DocumentReport): { id: string; report: DocumentReport } {
    try {
      renameSync(staged.tmp, staged.dir);
    } catch (e) {
      rmSync(staged.tmp, { recursive: true, force: true });
      throw e;
    }
    // A localization file was audited in the temporary folder: its report names the final one.
    const final = relocate(report, staged.tmp, staged.dir);
    this.cache.set(staged.dir, { stamp: stampOf(staged.dir), report: final });
    return { id: staged.id, report: final };
  }

  /** Removes a staged upload the audit refused; the message of its error no longer names server paths. */
  discardUpload(staged: StagedUpload, error?: unknown): unknown {
    rmSync(staged.tmp, { recursive: true, force: true });
    if (isInputError(error)) return new InputError(withoutPaths(error.message, [staged.tmp, this.uploadsDir]));
    return error;
  }

  /** Removes an uploaded document's files (a folder under DIR is the user's and stays). Decisions stay. */
  removeUpload(id: string): void {
    const entry = isValidId(id) ? this.list().find((e) => e.id === id) : undefined;
    if (!entry) throw new InputError(`No document "${id}" here.`);
    if (entry.origin !== 'upload') throw new InputError(`"${id}" is a folder under ${basename(this.root)}/, not an upload: remove it there.`);
    // Out of the listing at once (one rename), then removed.
    const trash = join(this.uploadsDir, `.deleted-${process.pid}-${Date.now().toString(36)}-${id}`);
    renameSync(entry.dir, trash);
    this.cache.delete(entry.dir);
    rmSync(trash, { recursive: true, force: true });
  }

  private glossaryText(parts: UploadParts): string | undefined {
    return parts.glossary && parts.glossary.length > 0 ? decodeText(parts.glossary, 'Glossary') : undefined;
  }

  private tempDir(id: string): string {
    mkdirSync(this.uploadsDir, { recursive: true });
    const tmp = join(this.uploadsDir, `.tmp-${id}-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    return tmp;
  }

  private freshId(name: string | undefined): string {
    const slug = (name ?? '')
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40);
    const base = `upload-${slug || 'pair'}`;
    const taken = new Set([...this.list().map((e) => e.id), ...this.reserved()]);
    if (existsSync(this.uploadsDir)) for (const d of readdirSync(this.uploadsDir)) taken.add(d);
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
  }
}

const FORMAT_EXTENSION: Record<Exclude<InputFormat, 'text'>, string> = { xliff: '.xlf', po: '.po', tmx: '.tmx', csv: '.csv', tsv: '.tsv' };

/** An upload's format from its bytes (UTF-16 with a byte-order mark decoded first), then its file name. */
function formatOfUpload(bytes: Uint8Array, name: string | undefined): InputFormat {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const content = utf16 ? new TextDecoder(utf16).decode(bytes.subarray(2, 2 + 131072)) : bytes;
  return detectFormat(content, name ?? '');
}

/** A message with the server's folders taken out (`/srv/data/uploads/.tmp-x/mt.xlf: line 3` → `mt.xlf: line 3`). */
export function withoutPaths(message: string, dirs: string[]): string {
  let out = message;
  for (const d of dirs) out = out.split(`${d}/`).join('').split(d).join('');
  return out;
}

/** Size and mtime of each file of a pair: a change means the audit must be redone. */
function stampOf(dir: string): string {
  const localized = localizedDocumentFiles(dir);
  const files = localized ? [localized.mt, localized.corrected ?? '-', join(dir, 'glossary.tsv')] : PAIR_FILES.map((f) => join(dir, f));
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
