import { extname } from 'node:path';
import type { InputFormat } from './types.js';

// The format of a file, from its content first (an XML root element, PO keywords, a header naming MT and
// corrected columns) and from its extension when the content does not say (a broken file named .xlf is still
// read as XLIFF, so the user gets the XML error rather than an audit of markup as prose).

const BY_EXTENSION: Record<string, InputFormat> = {
  '.xlf': 'xliff',
  '.xliff': 'xliff',
  '.xlz': 'xliff',
  '.sdlxliff': 'xliff',
  '.mxliff': 'xliff',
  '.po': 'po',
  '.pot': 'po',
  '.tmx': 'tmx',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
};

const HEADER_MT = /^(mt|hyp|hypothesis|machine[ _]translation|mt_target|target_mt)$/i;

export function detectFormat(content: string | Uint8Array, name = ''): InputFormat {
  const text = typeof content === 'string' ? content.slice(0, 65536) : new TextDecoder().decode(content.subarray(0, 65536));
  const body = text.replace(/^\uFEFF/, '');
  const root = xmlRoot(body);
  if (root !== undefined) {
    const local = root.replace(/^.*:/, '').toLowerCase();
    if (local === 'xliff') return 'xliff';
    if (local === 'tmx') return 'tmx';
  }
  if (/^msgid[ \t]+"/m.test(body) && /^msgstr(\[\d+\])?[ \t]+"/m.test(body)) return 'po';
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  for (const [format, sep] of [['tsv', '\t'], ['csv', ',']] as const) {
    const cells = firstLine.split(sep).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.length >= 2 && cells.some((c) => HEADER_MT.test(c))) return format;
  }
  return BY_EXTENSION[extname(name).toLowerCase()] ?? 'text';
}

/** The name of the root element when the text starts like an XML document. */
function xmlRoot(text: string): string | undefined {
  let s = text.trimStart();
  if (!s.startsWith('<')) return undefined;
  for (;;) {
    if (s.startsWith('<?')) s = s.slice(s.indexOf('?>') + 2).trimStart();
    else if (s.startsWith('<!--')) s = s.slice(s.indexOf('-->') + 3).trimStart();
    else if (s.startsWith('<!DOCTYPE')) {
      const lb = s.indexOf('[');
      const gt = s.indexOf('>');
      const end = lb !== -1 && lb < gt ? s.search(/\]\s*>/) : gt;
      s = end === -1 ? '' : s.slice(s.indexOf('>', end) + 1).trimStart();
    }
    else break;
    if (s === '') return undefined;
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(s)?.[1];
}
