import { InputError } from '../errors.js';
import { LineIndex } from '../lines.js';
import { PieceBuilder } from './piece.js';
import type { FileUnit, Piece } from './types.js';
import { refuseDuplicates } from './xliff.js';

// gettext PO: entries of msgctxt / msgid / msgid_plural / msgstr / msgstr[n], each a run of quoted C strings,
// with `#,` flags (fuzzy). gettext-parser reads the values but not where they are; this reader keeps the offset
// of every decoded character (an escape such as \n or \" maps to its backslash), so a finding in a msgstr points
// at its line and column in the PO file. One FileUnit per msgstr (per plural form), keyed by msgctxt + msgid.
// The header entry (empty msgid) and obsolete entries (#~) are not translations and are skipped.

interface Field {
  name: string;
  b: PieceBuilder;
  raw: string[];
  end: number;
}

interface Entry {
  line: number;
  fuzzy: boolean;
  flags: string[];
  obsolete: boolean;
  fields: Field[];
}

const KEYWORD_RE = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+(?=")/;

export function readPo(text: string, file: string): FileUnit[] {
  const lines = new LineIndex(text);
  const entries: Entry[] = [];
  let entry: Entry | undefined;
  let field: Field | undefined;
  let lastWasString = false;
  const flush = () => {
    if (entry && entry.fields.length > 0) entries.push(entry);
    entry = undefined;
    field = undefined;
  };
  let lineStart = 0;
  let lineNo = 0;
  while (lineStart < text.length) {
    lineNo++;
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const where = `${file}:${lineNo}`;
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
    } else if (trimmed.startsWith('#')) {
      if (lastWasString) flush();
      entry ??= { line: lineNo, fuzzy: false, flags: [], obsolete: false, fields: [] };
      if (trimmed.startsWith('#~')) entry.obsolete = true;
      if (trimmed.startsWith('#,')) {
        const flags = trimmed.slice(2).split(',').map((f) => f.trim()).filter((f) => f !== '');
        if (flags.includes('fuzzy')) entry.fuzzy = true;
        entry.flags.push(...flags.filter((f) => f !== 'fuzzy'));
      }
      lastWasString = false;
    } else {
      const indent = line.length - line.trimStart().length;
      const m = KEYWORD_RE.exec(line.slice(indent));
      let at: number;
      if (m) {
        const name = m[1]!;
        if (name === 'msgctxt' || (name === 'msgid' && entry?.fields.some((f) => f.name.startsWith('msgstr')))) flush();
        entry ??= { line: lineNo, fuzzy: false, flags: [], obsolete: false, fields: [] };
        if (entry.fields.length === 0) entry.line = lineNo;
        if (entry.fields.some((f) => f.name === name)) throw new InputError(`${where}: ${name} given twice in one entry`);
        field = { name, b: new PieceBuilder(), raw: [], end: 0 };
        entry.fields.push(field);
        at = lineStart + indent + m[0].length;
      } else if (line.trimStart().startsWith('"') && field) {
        at = lineStart + indent;
      } else {
        throw new InputError(`${where}: not a PO line (expected msgctxt, msgid, msgstr, a quoted string or a comment): ${JSON.stringify(line.slice(0, 40))}`);
      }
      at = readString(text, at, lineStart + line.length, field!, where);
      if (text.slice(at, lineStart + line.length).trim() !== '') throw new InputError(`${where}: unexpected text after the closing quote`);
      lastWasString = true;
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  flush();

  const units: FileUnit[] = [];
  for (const e of entries) {
    if (e.obsolete) continue;
    const get = (name: string) => e.fields.find((f) => f.name === name);
    const id = get('msgid');
    if (!id) throw new InputError(`${file}:${e.line}: an entry without msgid`);
    const ctx = get('msgctxt');
    const idText = id.raw.join('');
    if (idText === '' && !ctx) continue; // the header
    const key = (ctx ? `${ctx.raw.join('')}\u0004` : '') + idText;
    const plural = get('msgid_plural');
    const strs = e.fields.filter((f) => f.name.startsWith('msgstr'));
    if (strs.length === 0) throw new InputError(`${file}:${e.line}: msgid ${JSON.stringify(idText)} has no msgstr`);
    for (const s of strs) {
      const n = /\[(\d+)\]/.exec(s.name)?.[1];
      const source = n !== undefined && n !== '0' && plural ? plural : id;
      const unit: FileUnit = {
        key: n === undefined ? key : `${key}[${n}]`,
        line: lines.position(s.b.map[0] ?? s.end).line,
        source: piece(source),
        target: piece(s),
      };
      if (e.fuzzy) unit.state = 'fuzzy';
      if (e.flags.length) unit.flags = e.flags;
      if (n !== undefined) unit.pluralForm = Number(n);
      units.push(unit);
    }
  }
  refuseDuplicates(
    units.map((u) => ({ ...u, key: u.key.replace('\u0004', ' | ') })),
    file,
  );
  if (units.length === 0) throw new InputError(`${file}: no translated entries (msgid/msgstr) in this PO file`);
  return units;
}

/** A field of the PO header entry (`Language`, `Plural-Forms`…), as written, or undefined. The header is the
 *  first entry, with an empty msgid; its msgstr lines read `"Name: value\n"`. */
export function poHeaderField(text: string, name: string): string | undefined {
  const head = text.slice(0, 16384);
  const m = new RegExp(`^"${name}:[ \\t]*([^"\\\\]*?)[ \\t]*(?:\\\\n)?"`, 'im').exec(head);
  return m && m[1] !== '' ? m[1] : undefined;
}

const pieces = new WeakMap<Field, Piece>();

/** The field's piece (built once: plural forms share their msgid_plural). */
function piece(f: Field): Piece {
  let p = pieces.get(f);
  if (!p) {
    p = f.b.finish(f.end);
    pieces.set(f, p);
  }
  return p;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', '?': '?', "'": "'" };

/** Reads one quoted string starting at text[at] === '"'; appends its characters to the field; returns the offset
 *  after the closing quote. */
function readString(text: string, at: number, lineEnd: number, field: Field, where: string): number {
  if (text[at] !== '"') throw new InputError(`${where}: expected a quoted string`);
  let k = at + 1;
  while (k < lineEnd && text[k] !== '"') {
    const start = k;
    let ch: string;
    if (text[k] === '\\') {
      const e = text[k + 1] ?? '';
      if (ESCAPES[e] !== undefined) {
        ch = ESCAPES[e];
        k += 2;
      } else if (/[0-7]/.test(e)) {
        const oct = /^[0-7]{1,3}/.exec(text.slice(k + 1, k + 4))![0];
        ch = String.fromCharCode(parseInt(oct, 8));
        k += 1 + oct.length;
      } else if (e === 'x' && /[0-9a-fA-F]/.test(text[k + 2] ?? '')) {
        const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(k + 2, k + 4))![0];
        ch = String.fromCharCode(parseInt(hex, 16));
        k += 2 + hex.length;
      } else {
        throw new InputError(`${where}: unknown escape "\\${e}" in a string`);
      }
    } else {
      ch = text[k]!;
      k++;
    }
    field.raw.push(ch);
    field.b.push(ch, start, k);
  }
  if (text[k] !== '"') throw new InputError(`${where}: unterminated string (no closing quote on this line)`);
  field.end = k;
  return k + 1;
}
