// Reading a UTF-8 text file line by line with memory bounded by a block, not the file: the lines as
// src/stream/chunks.ts textLines gives them for the whole text (line breaks kept, a BOM removed, "" one empty line).
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../io/errors.js';
import { assertReadableFile, readTextFile } from '../io/read-text.js';
import { MAX_SEGMENT_WORDS } from '../limits.js';
import { countWords } from '../metrics/index.js';
import { DECIDE_CHARS, DECIDE_WORDS } from './decide.js';

const BLOCK = 1 << 20;

/** The lines of the file at `path`, read BLOCK bytes at a time. Decoding errors throw (scanLines checks first). */
export function* fileLines(path: string): Generator<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new InputError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const buf = Buffer.allocUnsafe(BLOCK);
  let carry = '';
  let started = false;
  let yielded = false;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, BLOCK, null);
      let text = n === 0 ? decoder.decode() : decoder.decode(buf.subarray(0, n), { stream: true });
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      carry += text;
      let start = 0;
      for (let nl = carry.indexOf('\n'); nl !== -1; nl = carry.indexOf('\n', start)) {
        yield carry.slice(start, nl + 1);
        yielded = true;
        start = nl + 1;
      }
      carry = carry.slice(start);
      if (n === 0) break;
    }
    if (carry !== '' || !yielded) yield carry;
  } finally {
    closeSync(fd);
  }
}

export interface LineScan {
  /** Lines, as alignSegments counts them in lines mode. */
  lines: number;
  bytes: number;
  /** The first lines: enough for the document's decisions (src/stream/decide.ts), or the whole text. */
  prefix: string;
  /** The first line over MAX_SEGMENT_WORDS words (0-based) and its words, if any. */
  tooLong?: { line: number; words: number };
}

/** One pass over the file before the audit: the checks readTextFile makes (a regular file within the size limit,
 *  not empty, no NUL byte, valid UTF-8, not only whitespace — refused with readTextFile's own one-line message),
 *  the line count and the prefix that decides the language and tokenisation. */
export function scanLines(path: string): LineScan {
  const bytes = assertReadableFile(path);
  const prefix: string[] = [];
  let prefixChars = 0;
  let prefixWords = 0;
  let prefixBlank = true;
  let lines = 0;
  let blank = true;
  let tooLong: LineScan['tooLong'];
  try {
    for (const line of fileLines(path)) {
      if (line.includes('\0')) throw new Error('NUL');
      lines++;
      // n characters hold at most (n + 1) / 2 words: only long lines are counted.
      if (!tooLong && line.length > 2 * MAX_SEGMENT_WORDS) {
        const words = countWords(line);
        if (words > MAX_SEGMENT_WORDS) tooLong = { line: lines - 1, words };
      }
      const lineBlank = line.trim() === '';
      if (!lineBlank) blank = false;
      if (prefixChars <= DECIDE_CHARS || prefixBlank || prefixWords <= DECIDE_WORDS) {
        prefix.push(line);
        prefixChars += line.length;
        if (!lineBlank) prefixBlank = false;
        prefixWords += line.match(/\S+/gu)?.length ?? 0;
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    readTextFile(path); // throws the whole-file reader's message (the byte offset of the NUL or invalid sequence)
    throw new InputError(`${path}: not a UTF-8 text file`);
  }
  if (bytes === 0 || blank) readTextFile(path); // "the file is empty" / "has no text"
  return { lines, bytes, prefix: prefix.join(''), ...(tooLong ? { tooLong } : {}) };
}
