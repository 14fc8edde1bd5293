import { InputError } from '../errors.js';
import type { Piece, Placeholder } from './types.js';
import { decodeRun, type XmlElement } from './xml.js';

// Builds the audit's view of a target (or source) text: decoded characters, each with the offset where it starts
// in the original file, and inline tags replaced by one private-use character each. The same tag (same key)
// gets the same character in the source, the MT and the corrected text, so an unchanged tag is an unchanged
// token for the aligner, and one that moved, vanished or appeared is found by comparing tag sequences.

const PUA_FIRST = 0xe000;
const PUA_LAST = 0xf8ff;

/** Is this character a placeholder (a private-use character standing for an inline tag)? */
export function isPlaceholderChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return c.length === 1 && code >= PUA_FIRST && code <= PUA_LAST;
}

export const PLACEHOLDER_RE = /[\uE000-\uF8FF]/gu;

/** Tag key → placeholder character, shared by every file of one reading so that keys agree across files. */
export class TagChars {
  private readonly byKey = new Map<string, string>();
  private next = PUA_FIRST;
  /** `texts`: the files being read; a private-use character they contain literally is never a placeholder. */
  constructor(texts: string[] = []) {
    for (const t of texts) for (const m of t.matchAll(PLACEHOLDER_RE)) this.taken.add(m[0]);
  }
  private readonly taken = new Set<string>();
  charFor(key: string): string {
    let c = this.byKey.get(key);
    if (c === undefined) {
      while (this.next <= PUA_LAST && this.taken.has(String.fromCharCode(this.next))) this.next++;
      if (this.next > PUA_LAST) throw new InputError('more than 6400 distinct inline tags in one reading: tqa cannot tell them apart');
      c = String.fromCharCode(this.next++);
      this.byKey.set(key, c);
    }
    return c;
  }
}

/** Collects characters and their original offsets. Line breaks become spaces: one unit is one line of the
 *  joined text, so a target's own line breaks must not split it (the offsets still point at the break). */
export class PieceBuilder {
  readonly chars: string[] = [];
  readonly map: number[] = [];
  readonly ends: number[] = [];
  readonly tags = new Map<string, Placeholder>();
  readonly breaks: number[] = [];
  /** A character spelled by text[offset, end) of the file (end defaults to offset + 1). */
  push(ch: string, offset: number, end = offset + 1): void {
    const lineBreak = ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029' || ch === '\u0085';
    // \r\n is one break.
    if (lineBreak && !(ch === '\n' && this.chars.length && this.breaks.at(-1) === this.chars.length - 1 && this.lastRaw === '\r')) this.breaks.push(this.chars.length);
    this.lastRaw = ch;
    this.chars.push(lineBreak ? ' ' : ch);
    this.map.push(offset);
    this.ends.push(end);
  }
  placeholder(char: string, tag: Placeholder, offset: number): void {
    this.chars.push(char);
    this.map.push(offset);
    this.ends.push(offset + tag.raw.length);
    this.tags.set(char, tag);
  }
  private lastRaw = '';
  /** The piece; the builder is spent (its map array becomes the piece's). */
  finish(end: number): Piece {
    this.map.push(end);
    const p: Piece = { text: this.chars.join(''), map: this.map, ends: this.ends, tags: this.tags };
    if (this.breaks.length) p.breaks = this.breaks;
    return p;
  }
}

// Elements whose content is native code, not translatable text: the whole element is one placeholder.
const WHOLE = new Set(['ph', 'bpt', 'ept', 'it', 'ut', 'sub', 'cp']);

/** The content of an XLIFF source/target (or TMX seg) element as a Piece. */
export function xmlPiece(text: string, el: XmlElement, chars: TagChars): Piece {
  const b = new PieceBuilder();
  const ordinals = new Map<string, number>();
  const keyOf = (e: XmlElement): string => {
    const id = e.attrs.get('id') ?? e.attrs.get('startRef') ?? e.attrs.get('i') ?? e.attrs.get('rid') ?? e.attrs.get('x');
    if (id !== undefined) return `${e.local}#${id}`;
    const n = (ordinals.get(e.local) ?? 0) + 1;
    ordinals.set(e.local, n);
    return `${e.local}@${n}`;
  };
  const walk = (node: XmlElement): void => {
    for (const c of node.children) {
      if (c.kind === 'text') {
        decodeRun(text, c.start, c.end, c.cdata, b);
      } else if (c.kind === 'other') {
        const key = `#other@${c.start}`;
        b.placeholder(chars.charFor(key), { key, label: text.slice(c.start, Math.min(c.end, c.start + 12)), raw: text.slice(c.start, c.end) }, c.start);
      } else if (c.local === 'mrk' && c.attrs.get('mtype') === 'seg' && !c.selfClosing) {
        // XLIFF 1.2 sub-segment markers (seg-source/target, as Trados and Okapi write them) are structure, not
        // inline markup: their text is the unit's text, and they are no tag to compare with the source.
        walk(c);
      } else if (c.selfClosing || WHOLE.has(c.local)) {
        const key = keyOf(c);
        b.placeholder(chars.charFor(key), { key, label: tagLabel(c, true), raw: text.slice(c.start, c.end) }, c.start);
      } else {
        const key = keyOf(c);
        b.placeholder(chars.charFor(key), { key, label: tagLabel(c, false), raw: text.slice(c.start, c.openEnd) }, c.start);
        walk(c);
        const close = `/${key}`;
        b.placeholder(chars.charFor(close), { key: close, label: `</${c.name}>`, raw: text.slice(c.closeStart, c.end) }, c.closeStart);
      }
    }
  };
  walk(el);
  return b.finish(el.selfClosing ? el.end : el.closeStart);
}

function tagLabel(e: XmlElement, empty: boolean): string {
  const attr = ['id', 'startRef', 'i', 'x', 'rid'].find((a) => e.attrs.has(a));
  const idAttr = attr === undefined ? '' : ` ${attr}="${e.attrs.get(attr)}"`;
  return `<${e.name}${idAttr}${empty ? '/' : ''}>`;
}
