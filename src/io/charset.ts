import iconv from 'iconv-lite';
import { InputError } from './errors.js';

// The charset a localization file declares for itself: a PO header's `Content-Type: text/plain; charset=X`, an
// XML prolog's `encoding="X"`. Both sit in the first bytes and are ASCII whatever the charset (UTF-16 files are
// told by their BOM before this is asked).

/** The declared charset, lower-cased, or undefined when the file declares none. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  const xml = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  // The PO header entry: its msgstr holds "Content-Type: text/plain; charset=...\n".
  const po = /^"Content-Type:[^"\n]*?charset=([A-Za-z0-9._:-]+)/im.exec(head);
  if (po && /^\s*(?:#[^\n]*\n\s*)*msgid\s+""/m.test(head)) return po[1]!.toLowerCase();
  return undefined;
}

const UTF8_NAMES = new Set(['utf-8', 'utf8', 'charset', 'us-ascii', 'ascii']);

/** True when the declared charset is UTF-8 or a subset of it (read by the strict UTF-8 decoder). PO templates
 *  say `charset=CHARSET` before a translator fills it in. */
export function isUtf8Charset(charset: string): boolean {
  return UTF8_NAMES.has(charset);
}

/** Decodes bytes in a declared legacy charset (CP1251, ISO-8859-2, KOI8-R, Shift_JIS…) with iconv-lite. */
export function decodeCharset(bytes: Uint8Array, charset: string, path: string): string {
  if (!iconv.encodingExists(charset)) throw new InputError(`${path}: declares the charset "${charset}", which tqa cannot decode (iconv-lite knows no such charset)`);
  if (bytes.indexOf(0) !== -1 && !/^(utf-?16|utf-?32|ucs)/.test(charset)) {
    throw new InputError(`${path}: binary data (a NUL byte at offset ${bytes.indexOf(0)}), not a ${charset.toUpperCase()} text file`);
  }
  const text = iconv.decode(Buffer.from(bytes), charset, { stripBOM: true });
  if (text.trim() === '') throw new InputError(`${path}: the file has no text (only whitespace)`);
  return text;
}
