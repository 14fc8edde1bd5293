import { InputError } from '../errors.js';
import { TagChars, xmlPiece } from './piece.js';
import type { ElementPos, FileUnit } from './types.js';
import { childElements, firstChild, parseXml, type XmlDocument, type XmlElement } from './xml.js';

// XLIFF 1.2 (file → body/group → trans-unit: source, target@state, alt-trans) and XLIFF 2.x (file → group →
// unit → segment@state: source, target; MT in an mtc:matches/mtc:match next to the segments). One FileUnit per
// 1.2 trans-unit and per 2.x segment, keyed by unit id (and segment id when a unit has several).

export interface XliffFile {
  version: '1.2' | '2';
  units: FileUnit[];
  doc: XmlDocument;
  /** Units marked translate="no" (on themselves or a group around them): not read. */
  notTranslatable: number;
  /** 1.2 file@source-language / target-language, 2.x xliff@srcLang / trgLang (of the first file). */
  sourceLang?: string;
  targetLang?: string;
}

export function readXliff(text: string, file: string, chars: TagChars): XliffFile {
  const doc = parseXml(text, file);
  const root = doc.root;
  if (root.local !== 'xliff') throw new InputError(`${file}:${doc.lines.position(root.start).line}: not an XLIFF file (the root element is <${root.name}>)`);
  const version = (root.attrs.get('version') ?? '').startsWith('1.') ? '1.2' : '2';
  const files = childElements(root, 'file');
  const units: FileUnit[] = [];
  const skipped = { n: 0 };
  files.forEach((f, fi) => {
    const prefix = files.length > 1 ? `${f.attrs.get(version === '1.2' ? 'original' : 'id') ?? `file${fi + 1}`}/` : '';
    if (f.attrs.get('translate') === 'no') return void (skipped.n += countUnits(f));
    if (version === '1.2') collect12(doc, f, prefix, chars, units, skipped);
    else collect2(doc, f, prefix, chars, units, skipped);
  });
  refuseDuplicates(units, file);
  if (units.length === 0 && skipped.n === 0) throw new InputError(`${file}: no translation units (trans-unit / unit) in this XLIFF file`);
  const first = files[0];
  const sourceLang = version === '1.2' ? first?.attrs.get('source-language') : root.attrs.get('srcLang');
  const targetLang = version === '1.2' ? first?.attrs.get('target-language') : root.attrs.get('trgLang');
  return { version, units, doc, notTranslatable: skipped.n, ...(sourceLang ? { sourceLang } : {}), ...(targetLang ? { targetLang } : {}) };
}

function pos(e: XmlElement): ElementPos {
  return { start: e.start, openEnd: e.openEnd, closeStart: e.closeStart, end: e.end, selfClosing: e.selfClosing };
}

function unitId(doc: XmlDocument, e: XmlElement, what: string): string {
  const id = e.attrs.get('id');
  if (id === undefined || id === '') throw new InputError(`${doc.file}:${doc.lines.position(e.start).line}: a <${what}> without an id`);
  return id;
}

/** Units under an element (for a translate="no" file or group, which are counted, not read). */
function countUnits(el: XmlElement): number {
  let n = 0;
  for (const c of childElements(el)) n += c.local === 'trans-unit' || c.local === 'unit' ? Math.max(1, childElements(c, 'segment').length) : countUnits(c);
  return n;
}

function collect12(doc: XmlDocument, el: XmlElement, prefix: string, chars: TagChars, out: FileUnit[], skipped: { n: number }): void {
  for (const c of childElements(el)) {
    if (c.attrs.get('translate') === 'no' && (c.local === 'trans-unit' || c.local === 'group')) {
      skipped.n += c.local === 'group' ? countUnits(c) : 1;
      continue;
    }
    if (c.local !== 'trans-unit') {
      if (c.local === 'body' || c.local === 'group') collect12(doc, c, prefix, chars, out, skipped);
      continue;
    }
    const source = firstChild(c, 'source');
    const target = firstChild(c, 'target');
    const unit: FileUnit = { key: prefix + unitId(doc, c, 'trans-unit'), line: doc.lines.position(c.start).line };
    // maxwidth counts characters only with size-unit="char" (the default unit is the pixel).
    const maxwidth = Number(c.attrs.get('maxwidth'));
    if (Number.isInteger(maxwidth) && maxwidth > 0 && c.attrs.get('size-unit') === 'char') unit.maxLength = maxwidth;
    if (source) unit.source = xmlPiece(doc.text, source, chars);
    if (target) {
      unit.target = xmlPiece(doc.text, target, chars);
      unit.targetElement = pos(target);
      unit.stateElement = pos(target);
      const state = target.attrs.get('state');
      if (state !== undefined) unit.state = state;
    }
    const alt = mtAltTrans(childElements(c, 'alt-trans'));
    const altTarget = alt && firstChild(alt, 'target');
    if (altTarget) unit.mt = xmlPiece(doc.text, altTarget, chars);
    out.push(unit);
  }
}

/** The alt-trans that holds the MT: one whose origin/alttranstype says machine translation, else the first
 *  proposal (alt-trans that are previous versions, rejected or references are never the MT). */
function mtAltTrans(alts: XmlElement[]): XmlElement | undefined {
  const isMt = (a: XmlElement) => /(^|[^a-z])(mt|machine)/i.test(`${a.attrs.get('origin') ?? ''} ${a.attrs.get('alttranstype') ?? ''} ${a.attrs.get('tool-id') ?? ''}`);
  const proposal = (a: XmlElement) => !['previous-version', 'rejected', 'reference'].includes(a.attrs.get('alttranstype') ?? 'proposal');
  return alts.find(isMt) ?? alts.find(proposal);
}

function collect2(doc: XmlDocument, el: XmlElement, prefix: string, chars: TagChars, out: FileUnit[], skipped: { n: number }): void {
  for (const c of childElements(el)) {
    if (c.attrs.get('translate') === 'no' && (c.local === 'unit' || c.local === 'group')) {
      skipped.n += countUnits({ ...c, children: [c] });
      continue;
    }
    if (c.local !== 'unit') {
      if (c.local === 'group') collect2(doc, c, prefix, chars, out, skipped);
      continue;
    }
    const id = unitId(doc, c, 'unit');
    const segments = childElements(c, 'segment');
    const matches = childElements(c, 'matches').flatMap((m) => childElements(m, 'match'));
    segments.forEach((s, k) => {
      const segId = s.attrs.get('id');
      const key = prefix + (segments.length === 1 ? id : `${id}#${segId ?? k + 1}`);
      const unit: FileUnit = { key, line: doc.lines.position(s.start).line };
      // The Size and Length Restriction module's default profile counts code points.
      const limit = Number(c.attrs.get('slr:sizeRestriction'));
      if (Number.isInteger(limit) && limit > 0 && !c.attrs.has('slr:profiles')) unit.maxLength = limit;
      const source = firstChild(s, 'source');
      const target = firstChild(s, 'target');
      if (source) unit.source = xmlPiece(doc.text, source, chars);
      if (target) {
        unit.target = xmlPiece(doc.text, target, chars);
        unit.targetElement = pos(target);
      }
      unit.stateElement = pos(s);
      const state = s.attrs.get('state');
      if (state !== undefined) unit.state = state;
      const mine = matches.filter((m) => refersTo(m.attrs.get('ref'), segId) || (segments.length === 1 && !m.attrs.has('ref')) || segments.length === 1);
      const match = mine.find((m) => m.attrs.get('type') === 'mt') ?? mine[0];
      const mtTarget = match && firstChild(match, 'target');
      if (mtTarget) unit.mt = xmlPiece(doc.text, mtTarget, chars);
      out.push(unit);
    });
  }
}

/** An mtc:match ref (`#s1`, `#/f=f1/u=u1/s1`, `#f=f1/u=u1/s=s1`) names this segment id. */
function refersTo(ref: string | undefined, segId: string | undefined): boolean {
  if (ref === undefined || segId === undefined) return false;
  const last = ref.replace(/^#/, '').split('/').pop() ?? '';
  return last === segId || last === `s=${segId}`;
}

export function refuseDuplicates(units: FileUnit[], file: string): void {
  const seen = new Map<string, number>();
  for (const u of units) {
    const first = seen.get(u.key);
    if (first !== undefined) throw new InputError(`${file}:${u.line}: duplicate unit id "${u.key}" (first at line ${first})`);
    seen.set(u.key, u.line);
  }
}
