import iconv from 'iconv-lite';
import { XMLValidator } from 'fast-xml-parser';
import type { DocumentReport } from '../../model.js';
import { InputError } from '../errors.js';
import { describeFormat, type LocalizedInput } from './index.js';
import type { ElementPos, Piece, Placeholder } from './types.js';
import { escapeXmlText } from './xml.js';

// Write-back: the reviewer-approved targets go back into a copy of the XLIFF. Only the bytes of a replaced
// target's content and of the state attribute change; everything else (whitespace, entities, comments, other
// units) is copied byte for byte. Placeholders in the new text become their tags' original bytes again.

export interface TargetUpdate {
  /** The target element in the original text. */
  target: ElementPos;
  /** The element that carries `state` (1.2: the target; 2.x: the segment). */
  stateElement?: ElementPos;
  /** The new content (plain text with placeholder characters), or undefined to keep the content's bytes. */
  text?: string;
  /** The new content already as XML (wins over `text`): kept bytes of the old content plus rendered changes. */
  raw?: string;
  /** Placeholder character → its tag (raw bytes). */
  tags: Map<string, Placeholder>;
  /** The state value to set, or undefined to leave the state alone. */
  state?: string;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies target updates to an XLIFF text (pure). Refuses a result that is not well-formed XML. */
export function writeBackXliff(original: string, updates: TargetUpdate[], name = 'xliff'): string {
  const splices: Splice[] = [];
  for (const u of updates) {
    const content = u.raw ?? (u.text === undefined ? undefined : renderContent(u.text, u.tags));
    const t = u.target;
    const sameElement = u.stateElement !== undefined && u.stateElement.start === t.start;
    if (u.state !== undefined && u.stateElement && !sameElement) {
      splices.push({ start: u.stateElement.start, end: u.stateElement.openEnd, text: withState(original.slice(u.stateElement.start, u.stateElement.openEnd), u.state) });
    }
    let openTag = original.slice(t.start, t.openEnd);
    const newOpen = u.state !== undefined && sameElement ? withState(openTag, u.state) : openTag;
    if (t.selfClosing) {
      if (content === undefined && newOpen === openTag) continue;
      if (content === undefined || content === '') splices.push({ start: t.start, end: t.end, text: newOpen });
      else {
        const elName = /^<([^\s/>]+)/.exec(openTag)![1]!;
        openTag = newOpen.replace(/\s*\/>$/, '>');
        splices.push({ start: t.start, end: t.end, text: `${openTag}${content}</${elName}>` });
      }
      continue;
    }
    if (newOpen !== openTag) splices.push({ start: t.start, end: t.openEnd, text: newOpen });
    if (content !== undefined) splices.push({ start: t.openEnd, end: t.closeStart, text: content });
  }
  splices.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of splices) {
    if (s.start < at) throw new Error('internal: overlapping write-back splices');
    out += original.slice(at, s.start) + s.text;
    at = s.end;
  }
  out += original.slice(at);
  const valid = XMLValidator.validate(out);
  if (valid !== true) throw new InputError(`${name}: the approved targets would make the XLIFF malformed (line ${valid.err.line}: ${valid.err.msg}); check the tags in the corrections`);
  return out;
}

/** Escapes text and puts each placeholder's original tag bytes back. */
export function renderContent(text: string, tags: Map<string, Placeholder>): string {
  let out = '';
  let run = '';
  for (const ch of text) {
    const tag = tags.get(ch);
    if (tag) {
      out += escapeXmlText(run) + tag.raw;
      run = '';
    } else run += ch;
  }
  return out + escapeXmlText(run);
}

/** A start tag with its state attribute set (replaced in place, or added before the closing bracket). */
export function withState(startTag: string, state: string): string {
  const re = /(\sstate\s*=\s*)("[^"]*"|'[^']*')/;
  if (re.test(startTag)) return startTag.replace(re, (_m, lead: string) => `${lead}"${state}"`);
  return startTag.replace(/(\s*\/?>)$/, ` state="${state}"$1`);
}

/** A revert inside one unit's corrected target: [start, end) of its text becomes `text` (the MT wording). */
export interface Revert {
  start: number;
  end: number;
  text: string;
}

/** The approved text of each unit: the corrected target, with the edits a reviewer rejected put back to the MT
 *  (a rejected move stays as corrected: its two ends cannot be undone one at a time). `doc` is the audit of the
 *  localized input with decisions, in joined-text offsets (before remapReport). */
export function approvedTexts(localized: LocalizedInput, doc: DocumentReport): { texts: string[]; reverts: Revert[][]; unrevertedMoves: number } {
  let unrevertedMoves = 0;
  const bySegment = new Map<number, DocumentReport['findings']>();
  for (const f of doc.findings) {
    if (f.decision?.status !== 'rejected' || f.rule === 'markup/placeholder') continue;
    const list = bySegment.get(f.segment) ?? [];
    list.push(f);
    bySegment.set(f.segment, list);
  }
  const reverts = localized.units.map((u, i) => {
    const base = localized.corrected.starts[i]!;
    const rejected = (bySegment.get(i) ?? [])
      .sort((a, b) => a.corrected.start - b.corrected.start || a.corrected.end - b.corrected.end);
    const out: Revert[] = [];
    let from = 0;
    for (const f of rejected) {
      if (f.moveTo || f.operation === 'move') {
        unrevertedMoves++;
        continue;
      }
      const start = f.corrected.start - base;
      const end = f.corrected.end - base;
      if (start < from || end > u.corrected.text.length) continue; // overlaps a revert already made
      out.push({ start, end, text: keepTags(u.corrected.text.slice(start, end), f.mt.text, u.corrected.tags) });
      from = end;
    }
    return out;
  });
  const texts = localized.units.map((u, i) => applyReverts(u.corrected.text, reverts[i]!));
  return { texts, reverts, unrevertedMoves };
}

/** The MT wording for a corrected span, keeping the span's tags that the MT wording lacks (a span may take in a
 *  neighbouring tag; dropping it would unbalance the target): those before its first word go first, the rest last. */
function keepTags(corrected: string, mt: string, tags: Map<string, Placeholder>): string {
  const lead: string[] = [];
  const trail: string[] = [];
  let seenWord = false;
  for (const c of corrected) {
    if (tags.has(c)) {
      if (!mt.includes(c)) (seenWord ? trail : lead).push(c);
    } else if (c.trim() !== '') seenWord = true;
  }
  return lead.join('') + mt + trail.join('');
}

function applyReverts(text: string, reverts: Revert[]): string {
  let out = '';
  let at = 0;
  for (const r of reverts) {
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}

/** The new content of a target: the original bytes wherever the corrected text is kept (its whitespace, line
 *  breaks, entities and CDATA as they were), the reverted MT wording rendered (escaped, tags as their bytes). */
function revertedContent(file: string, piece: Piece, reverts: Revert[], tags: Map<string, Placeholder>): string {
  let out = '';
  let at = 0;
  const bytes = (a: number, b: number) => (b > a ? file.slice(piece.map[a]!, piece.map[b]!) : '');
  for (const r of reverts) {
    out += bytes(at, r.start) + renderContent(r.text, tags);
    at = r.end;
  }
  return out + bytes(at, piece.text.length);
}

/** The corrected XLIFF with the approved targets written back: changed targets replaced, and every unit that was
 *  changed or decided on marked reviewed (2.x `reviewed`, 1.2 `final`). */
export function xliffWithApprovedTargets(localized: LocalizedInput, doc: DocumentReport): string {
  if (localized.format !== 'xliff') throw new InputError(`--format xliff writes back into an XLIFF file; ${localized.correctedFile.path} is ${describeFormat(localized.format)}`);
  if (localized.correctedFile.encoding !== 'utf-8') {
    throw new InputError(`${localized.correctedFile.path}: write-back keeps UTF-8 files only (this one is ${localized.correctedFile.encoding.toUpperCase()})`);
  }
  const { texts, reverts } = approvedTexts(localized, doc);
  const decided = new Set(doc.findings.filter((f) => f.decision && f.decision.status !== 'open').map((f) => f.segment));
  const state = localized.xliffVersion === '1.2' ? 'final' : 'reviewed';
  const updates: TargetUpdate[] = [];
  localized.units.forEach((u, i) => {
    const target = u.correctedUnit.targetElement;
    if (!target) return;
    const changed = texts[i] !== u.corrected.text;
    if (!changed && !decided.has(i)) return;
    const tags = new Map([...(u.source?.tags ?? []), ...u.mt.tags, ...u.corrected.tags]);
    updates.push({
      target,
      ...(u.correctedUnit.stateElement ? { stateElement: u.correctedUnit.stateElement } : {}),
      ...(changed ? { text: texts[i]!, raw: revertedContent(localized.correctedFile.text, u.corrected, reverts[i]!, tags) } : {}),
      tags,
      state,
    });
  });
  const written = writeBackXliff(localized.correctedFile.text, updates, localized.correctedFile.path);
  // The BOM the file came with goes back with it (the reader strips it from the text).
  return localized.correctedFile.bom ? `\uFEFF${written}` : written;
}

/** A reviewer's in-place edit of one unit's correction: the corrected XLIFF file with that unit's target replaced
 *  by `text` (plain text with the unit's placeholder characters, which become their tags' original bytes again),
 *  everything else byte for byte, as bytes in the file's own encoding with its BOM. The state is left as it was
 *  (the approved-targets export sets it). */
export function xliffWithEditedTarget(localized: LocalizedInput, unit: number, text: string): Uint8Array {
  if (localized.format !== 'xliff') throw new InputError(`Editing writes the correction back into XLIFF only; ${describeFormat(localized.format)} is not rewritten here.`);
  const u = localized.units[unit];
  if (!u) throw new InputError(`unit ${unit + 1}: the file has ${localized.units.length} units`);
  const target = u.correctedUnit.targetElement;
  if (!target) throw new InputError(`unit ${u.key}: the corrected file has no target element to write into`);
  const tags = new Map([...(u.source?.tags ?? []), ...u.mt.tags, ...u.corrected.tags]);
  const written = writeBackXliff(localized.correctedFile.text, [{ target, text, tags }], localized.correctedFile.path);
  return encodeLike(localized.correctedFile, written);
}

/** The approved-targets XLIFF (xliffWithApprovedTargets) in the corrected file's own encoding and BOM, for a
 *  download: a legacy charset is kept too. */
export function xliffBytesWithApprovedTargets(localized: LocalizedInput, doc: DocumentReport): Uint8Array {
  const f = localized.correctedFile;
  const utf8 = { ...localized, correctedFile: { ...f, encoding: 'utf-8', bom: false } } as LocalizedInput;
  return encodeLike(f, xliffWithApprovedTargets(utf8, doc));
}

/** XML text as bytes the way the original file was: UTF-8 (with its BOM if it had one), UTF-16 with a BOM, or the
 *  declared legacy charset, where a character the charset lacks becomes a numeric character reference (XML reads
 *  it back as the same character; iconv would write "?"). */
export function encodeLike(original: { encoding: string; bom: boolean }, text: string): Uint8Array {
  const enc = original.encoding;
  if (enc === 'utf-8') return Buffer.from(original.bom ? `\uFEFF${text}` : text, 'utf8');
  if (enc === 'utf-16le' || enc === 'utf-16be') {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    return enc === 'utf-16le' ? le : le.swap16();
  }
  const fits = new Map<string, boolean>();
  const safe = text.replace(/[^\x00-\x7f]/gu, (c) => {
    let ok = fits.get(c);
    if (ok === undefined) fits.set(c, (ok = iconv.decode(iconv.encode(c, enc), enc) === c));
    return ok ? c : `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`;
  });
  return iconv.encode(safe, enc);
}
