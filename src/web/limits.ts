import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, type TransformCallback, type Writable } from 'node:stream';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

// What a shared server accepts, stated on the upload page and in every refusal, and enforced while the body
// streams in (chunked bodies too): nothing is held in memory beyond the limits, and an upload is written to a
// per-request temporary folder that is removed whatever happens to the request.

export interface Limits {
  /** Bytes of one upload, all its parts together. */
  uploadBytes: number;
  /** Lines of any one part. */
  uploadLines: number;
  /** Bytes of the longest line of any one part. */
  lineBytes: number;
  /** Bytes of every upload kept on the server together. */
  storageBytes: number;
  /** Documents listed (folders and uploads). */
  documents: number;
}

export const DEFAULT_LIMITS: Omit<Limits, 'uploadBytes'> = {
  uploadLines: 200_000,
  lineBytes: 256 * 1024,
  storageBytes: 2 * 1024 ** 3,
  documents: 1000,
};

/** A refusal for a limit, answered 413 with its message. */
export class LimitError extends Error {
  readonly status = 413;
}

export function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${round(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${round(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
const round = (n: number) => Math.round(n * 10) / 10;
const count = (n: number) => n.toLocaleString('en-US');

/** The limits as the upload page and the 413 page state them, with the flag that changes each. */
export function describeLimits(l: Limits): Array<{ what: string; value: string; flag: string }> {
  return [
    { what: 'one upload (all parts)', value: size(l.uploadBytes), flag: '--max-upload' },
    { what: 'lines in one part', value: count(l.uploadLines), flag: '--max-lines' },
    { what: 'longest line', value: size(l.lineBytes), flag: '--max-line' },
    { what: 'all uploads on the server', value: size(l.storageBytes), flag: '--max-storage' },
    { what: 'documents', value: count(l.documents), flag: '--max-documents' },
  ];
}

const PART_LABEL: Record<string, string> = { mtFile: 'MT file', correctedFile: 'Corrected file', sourceFile: 'Source file', glossaryFile: 'Glossary file' };
export const partLabel = (field: string) => PART_LABEL[field] ?? field;

/** Counts lines and the longest line of a byte stream and refuses one over the limits (a UTF-16 file's line
 *  feed is 0x0A too; its line length counts bytes). */
export class LineCounter {
  lines = 0;
  private run = 0;
  constructor(
    private readonly limits: Pick<Limits, 'uploadLines' | 'lineBytes'>,
    private readonly label: string,
  ) {}

  push(chunk: Uint8Array): void {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      const end = nl < 0 ? chunk.length : nl;
      this.run += end - from;
      if (this.run > this.limits.lineBytes) throw new LimitError(`${this.label}: a line is longer than the limit of ${size(this.limits.lineBytes)} (tqa serve --max-line).`);
      if (nl < 0) break;
      this.lines++;
      if (this.lines > this.limits.uploadLines) throw new LimitError(`${this.label}: more than the limit of ${count(this.limits.uploadLines)} lines (tqa serve --max-lines).`);
      this.run = 0;
      from = nl + 1;
    }
  }

  /** A pasted text (already in memory): the same checks. */
  static check(text: string, limits: Pick<Limits, 'uploadLines' | 'lineBytes'>, label: string): void {
    new LineCounter(limits, label).push(Buffer.from(text, 'utf8'));
  }
}

/** Per request: the folder its files go to and the bytes received so far. */
interface Incoming {
  dir: string;
  bytes: number;
  streams: Writable[];
}

const incomingOf = (req: Request) => (req as unknown as { tqaIncoming?: Incoming }).tqaIncoming;

/** Multer storage: each file streamed to <uploads>/.incoming-<random>/<field>, checked as it arrives. */
export function uploadStorage(uploadsDir: string, limits: Limits): StorageEngine {
  return {
    _handleFile(req, file, cb) {
      const inc = incomingOf(req as unknown as Request);
      if (!inc) return cb(new Error('upload storage used without beginUpload'));
      try {
        mkdirSync(inc.dir, { recursive: true });
      } catch (e) {
        return cb(e as Error);
      }
      const path = join(inc.dir, file.fieldname.replace(/[^A-Za-z]/g, '') || 'part');
      const label = partLabel(file.fieldname);
      const lines = new LineCounter(limits, label);
      let bytes = 0;
      const check = new Transform({
        transform(chunk: Buffer, _enc, done: TransformCallback) {
          bytes += chunk.length;
          inc.bytes += chunk.length;
          if (inc.bytes > limits.uploadBytes) return done(new LimitError(`The upload is larger than the limit of ${size(limits.uploadBytes)} (tqa serve --max-upload).`));
          try {
            lines.push(chunk);
          } catch (e) {
            return done(e as Error);
          }
          done(null, chunk);
        },
      });
      const out = createWriteStream(path, { flags: 'wx' });
      inc.streams.push(out);
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        file.stream.unpipe(check);
        file.stream.resume();
        out.destroy();
        cb(e);
      };
      check.on('error', fail);
      out.on('error', fail);
      out.on('finish', () => {
        if (!failed) cb(null, { path, size: bytes });
      });
      file.stream.pipe(check).pipe(out);
    },
    _removeFile(_req, file, cb) {
      rmSync(file.path, { force: true });
      cb(null);
    },
  };
}

/** Gives the request its temporary folder, removed when the response is done (sent, failed or aborted). */
export function beginUpload(req: Request, uploadsDir: string): void {
  const inc: Incoming = { dir: join(uploadsDir, `.incoming-${process.pid}-${randomBytes(6).toString('hex')}`), bytes: 0, streams: [] };
  (req as unknown as { tqaIncoming?: Incoming }).tqaIncoming = inc;
  req.res?.once('close', () => {
    for (const s of inc.streams) s.destroy();
    rmSync(inc.dir, { recursive: true, force: true });
  });
}

/** Bytes of the request body seen so far must stay under `limit`: busboy gets the body through this counter. */
export function countingStreamHandler(limit: number, tooLarge: () => Error) {
  return (req: Request, busboy: Writable & { destroy(err?: Error): void }) => {
    let n = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        n += chunk.length;
        if (n > limit) return done(tooLarge());
        done(null, chunk);
      },
    });
    counter.on('error', (e) => {
      req.unpipe(counter);
      busboy.destroy(e);
    });
    req.pipe(counter).pipe(busboy);
  };
}

/** Bytes under a folder (files only; symlinks not followed). */
export function folderBytes(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += folderBytes(p);
    else if (e.isFile()) {
      try {
        total += statSync(p).size;
      } catch {
        /* removed meanwhile */
      }
    }
  }
  return total;
}

/** Leftovers of uploads interrupted by a crash or kill -9 (temporary and half-deleted folders). */
export function removeLeftovers(uploadsDir: string): number {
  let n = 0;
  let names: string[];
  try {
    names = readdirSync(uploadsDir);
  } catch {
    return 0;
  }
  for (const name of names) {
    // Another server on the same data folder may be writing its own: those of a live process stay.
    const pid = Number((/^\.(?:incoming|deleted)-(\d+)-/.exec(name) ?? /^\.tmp-.*-(\d+)$/.exec(name))?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) continue;
    if (/^\.(incoming|tmp|deleted)-/.test(name)) {
      rmSync(join(uploadsDir, name), { recursive: true, force: true });
      n++;
    }
  }
  return n;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
