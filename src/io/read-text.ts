import { readFileSync, statSync } from 'node:fs';
import type { TextFile } from '../model.js';
import { InputError } from './errors.js';

/** Largest text file tqa reads (a 1,000,000-word document is about 6 MB). */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes as UTF-8 text for the audit: refuses binary data and invalid UTF-8, strips a BOM, keeps line
 *  endings verbatim (offsets point into the text exactly as the user has it). `name` is used in messages. */
export function decodeText(bytes: Uint8Array, name: string, opts: { allowEmpty?: boolean } = {}): string {
  if (bytes.length === 0 && !opts.allowEmpty) throw new InputError(`${name}: the file is empty`);
  // A NUL byte never occurs in text; it is the surest sign of a binary file (images, PDFs, UTF-16).
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError(`${name}: binary data (a NUL byte at offset ${nul}), not a UTF-8 text file`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(`${name}: invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!opts.allowEmpty && text.trim() === '') throw new InputError(`${name}: the file has no text (only whitespace)`);
  return text;
}

/** Checks that `path` is a regular file within MAX_TEXT_BYTES before anything reads it (a device such as
 *  /dev/zero or a FIFO would never end); returns its size. Every problem is one InputError naming the limit. */
export function assertReadableFile(path: string): number {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path}: is a directory, not a text file`);
    if (!st.isFile()) throw new InputError(`${path}: not a regular file (a device, FIFO or socket; tqa reads regular files up to ${MAX_TEXT_BYTES} bytes)`);
    if (st.size > MAX_TEXT_BYTES) throw new InputError(`${path}: too large (${st.size} bytes; the limit is ${MAX_TEXT_BYTES})`);
    return st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
    if (code === 'EACCES') throw new InputError(`${path}: permission denied`);
    throw new InputError(`${path}: cannot read (${code ?? String(e)})`);
  }
}

/** Reads a regular file's bytes after assertReadableFile; a read error is one InputError. */
export function readInputBytes(path: string): Buffer {
  assertReadableFile(path);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** Reads a UTF-8 text file for the audit; every problem becomes one InputError naming the file. */
export function readTextFile(path: string, opts: { allowEmpty?: boolean } = {}): TextFile {
  return { path, text: decodeText(readInputBytes(path), path, opts) };
}

/** Index of the first byte where UTF-8 decoding fails, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}
