import { XMLValidator } from 'fast-xml-parser';
import { InputError } from '../errors.js';
import { LineIndex } from '../lines.js';

// A small position-keeping XML tree for localization files. fast-xml-parser's validator decides whether the file
// is well-formed (and says where it is not); this scanner then keeps what a value-only parser drops: the exact
// offsets of every start tag, end tag and text run, so that a target text maps back to its line and column and
// can be replaced without touching any other byte. Entities are never expanded beyond the five predefined ones
// and character references: a DOCTYPE that declares entities (billion laughs, external SYSTEM entities) is
// refused before anything else is read.

export interface XmlText {
  kind: 'text';
  start: number;
  end: number;
  /** CDATA content: no entities inside, [start, end) is the content without the markers. */
  cdata: boolean;
}

export interface XmlOther {
  kind: 'other';
  start: number;
  end: number;
}

export interface XmlElement {
  kind: 'element';
  /** Qualified name as written (`mtc:match`). */
  name: string;
  /** Local name (`match`). */
  local: string;
  attrs: Map<string, string>;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  children: XmlNode[];
}

export type XmlNode = XmlText | XmlOther | XmlElement;

export interface XmlDocument {
  root: XmlElement;
  text: string;
  file: string;
  lines: LineIndex;
}

/** Deepest element nesting read (real XLIFF/TMX nest a few dozen levels; the readers walk the tree recursively). */
export const MAX_XML_DEPTH = 1000;

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses a localization XML file; every problem is an InputError naming the file and the line. */
export function parseXml(text: string, file: string): XmlDocument {
  const lines = new LineIndex(text);
  const at = (offset: number) => {
    const p = lines.position(offset);
    return `${file}:${p.line}:${p.col}`;
  };
  refuseEntityDeclarations(text, at);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) throw new InputError(`${file}:${valid.err.line}:${valid.err.col}: malformed XML: ${valid.err.msg}`);
  const root = scan(text, at);
  return { root, text, file, lines };
}

/** Refuses any entity declaration (in a DOCTYPE's internal subset, where it would take effect). Refusing it
 *  wherever it appears is stricter than needed (a comment may mention one) and never wrong for a TM file. */
function refuseEntityDeclarations(text: string, at: (o: number) => string): void {
  const entity = text.search(/<!ENTITY/);
  if (entity !== -1) {
    throw new InputError(`${at(entity)}: the file declares XML entities (<!ENTITY …>); refused: tqa never expands entities (XML bomb, external entity)`);
  }
}

function scan(text: string, at: (o: number) => string): XmlElement {
  const top: XmlElement = { kind: 'element', name: '#document', local: '#document', attrs: new Map(), start: 0, openEnd: 0, closeStart: text.length, end: text.length, selfClosing: false, children: [] };
  const stack: XmlElement[] = [top];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const parent = stack[stack.length - 1]!;
    const lt = text.indexOf('<', i);
    if (lt === -1 || lt > i) {
      const end = lt === -1 ? n : lt;
      checkEntities(text, i, end, at);
      parent.children.push({ kind: 'text', start: i, end, cdata: false });
      i = end;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4) + 3;
      parent.children.push({ kind: 'other', start: i, end });
      i = end;
    } else if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9);
      parent.children.push({ kind: 'text', start: i + 9, end: close, cdata: true });
      i = close + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2) + 2;
      parent.children.push({ kind: 'other', start: i, end });
      i = end;
    } else if (text.startsWith('<!DOCTYPE', i)) {
      const end = doctypeEnd(text, i);
      if (end === -1) throw new InputError(`${at(i)}: malformed XML: unterminated DOCTYPE`);
      parent.children.push({ kind: 'other', start: i, end });
      i = end;
    } else if (text[i + 1] === '/') {
      const gt = text.indexOf('>', i);
      const el = stack.pop()!;
      el.closeStart = i;
      el.end = gt + 1;
      i = gt + 1;
    } else {
      const el = startTag(text, i, at);
      parent.children.push(el);
      if (!el.selfClosing) stack.push(el);
      if (stack.length > MAX_XML_DEPTH + 1) throw new InputError(`${at(i)}: elements nested deeper than ${MAX_XML_DEPTH} levels (the limit tqa reads)`);
      i = el.openEnd;
    }
  }
  if (stack.length !== 1) throw new InputError(`${at(stack[stack.length - 1]!.start)}: malformed XML: element never closed`);
  const root = top.children.find((c): c is XmlElement => c.kind === 'element');
  if (!root) throw new InputError(`${at(0)}: malformed XML: no root element`);
  return root;
}

const NAME_RE = /[^\s/>]+/y;
const ATTR_RE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

function startTag(text: string, i: number, at: (o: number) => string): XmlElement {
  NAME_RE.lastIndex = i + 1;
  const name = NAME_RE.exec(text)![0];
  const attrs = new Map<string, string>();
  let j = NAME_RE.lastIndex;
  for (;;) {
    ATTR_RE.lastIndex = j;
    const m = ATTR_RE.exec(text);
    if (!m) break;
    const raw = m[2] ?? m[3] ?? '';
    const valueStart = ATTR_RE.lastIndex - raw.length - 1;
    attrs.set(m[1]!, decodeEntities(raw, valueStart, at));
    j = ATTR_RE.lastIndex;
  }
  while (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r') j++;
  const selfClosing = text[j] === '/';
  const openEnd = text.indexOf('>', j) + 1;
  const colon = name.indexOf(':');
  return {
    kind: 'element',
    name,
    local: colon === -1 ? name : name.slice(colon + 1),
    attrs,
    start: i,
    openEnd,
    closeStart: selfClosing ? openEnd : -1,
    end: selfClosing ? openEnd : -1,
    selfClosing,
    children: [],
  };
}

function doctypeEnd(text: string, i: number): number {
  let depth = 0;
  for (let j = i + 9; j < text.length; j++) {
    const c = text[j];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return j + 1;
  }
  return -1;
}

/** An entity reference the file may use: the five predefined ones and character references. */
function entityValue(name: string): string | undefined {
  if (name.startsWith('#x') || name.startsWith('#X')) return codePoint(parseInt(name.slice(2), 16), /^[0-9a-fA-F]+$/.test(name.slice(2)));
  if (name.startsWith('#')) return codePoint(Number(name.slice(1)), /^[0-9]+$/.test(name.slice(1)));
  return PREDEFINED[name];
}

function codePoint(cp: number, ok: boolean): string | undefined {
  if (!ok || !Number.isInteger(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return String.fromCodePoint(cp);
}

function checkEntities(text: string, start: number, end: number, at: (o: number) => string): void {
  for (let k = start; k < end; k++) {
    if (text.charCodeAt(k) !== 38) continue; // '&' (indexOf would scan past `end` to the end of the file)
    const semi = text.indexOf(';', k);
    const name = semi === -1 || semi > end ? '' : text.slice(k + 1, semi);
    if (entityValue(name) === undefined) {
      throw new InputError(`${at(k)}: ${name ? `undefined entity &${name};` : 'a bare "&"'}: tqa reads only the predefined entities and character references`);
    }
  }
}

function decodeEntities(raw: string, base: number, at: (o: number) => string): string {
  return raw.replace(/&([^;]*);|&/g, (m, name: string | undefined, k: number) => {
    const v = name === undefined ? undefined : entityValue(name);
    if (v === undefined) throw new InputError(`${at(base + k)}: ${name ? `undefined entity &${name};` : 'a bare "&"'} in an attribute`);
    return v;
  });
}

/** Feeds the decoded characters of text[start, end) to `sink`, each with the offset where it starts. */
export function decodeRun(text: string, start: number, end: number, cdata: boolean, sink: { push(ch: string, offset: number, end: number): void }): void {
  let k = start;
  while (k < end) {
    if (!cdata && text.charCodeAt(k) === 38) {
      const semi = text.indexOf(';', k);
      const v = entityValue(text.slice(k + 1, semi))!;
      for (let u = 0; u < v.length; u++) sink.push(v[u]!, k, semi + 1);
      k = semi + 1;
    } else {
      sink.push(text[k]!, k, k + 1);
      k++;
    }
  }
}

/** Escapes text for element content (what a writer puts between tags). */
export function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Child elements with a given local name. */
export function childElements(el: XmlElement, local?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element' && (local === undefined || c.local === local));
}

export function firstChild(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => c.kind === 'element' && c.local === local);
}
