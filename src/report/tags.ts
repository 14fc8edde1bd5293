// Inline tags in client reports. A localization file's inline tags are private-use placeholder characters in the
// audited texts (src/io/formats/piece.ts), which a reader sees as blank boxes; every report that a person reads
// (HTML, Markdown, Excel, CSV) shows them the same way instead: ⟨g1⟩ … ⟨/g1⟩ for a paired tag, ⟨x2/⟩ for a
// standalone one, from the tag's element name and id. Offsets are not affected: callers apply this to text they
// output, after slicing.
import type { DocumentReport } from '../model.js';

export type TagText = (s: string) => string;

const identity: TagText = (s) => s;

/** How one tag reads: element name and id from its key (`g#1`, `/g#1`, `x@2` without an id), standalone when its
 *  label is an empty element (`<x id="2"/>`). */
export function tagName(tag: { key: string; label: string }): string {
  const m = /^(\/?)([^#@]+)([#@])(.*)$/.exec(tag.key);
  if (!m || m[2] === '#other') return `⟨${tag.label.replace(/^<|>$/g, '').slice(0, 12)}⟩`;
  const [, close, name, sep, id] = m;
  // An ordinal (x@2: the 2nd x without an id) is no id a reader could look up in the file.
  const shown = sep === '#' ? (/^\d+$/.test(id!) ? id : `:${id}`) : '';
  return `⟨${close}${name}${shown}${!close && tag.label.endsWith('/>') ? '/' : ''}⟩`;
}

/** The text transformer for one document: its placeholders as tag names; other characters (including a
 *  private-use character the file itself contains) unchanged. */
export function tagText(doc: Pick<DocumentReport, 'tags'>): TagText {
  const tags = doc.tags;
  if (!tags) return identity;
  const names = new Map(Object.entries(tags).map(([c, t]) => [c, tagName(t)]));
  const re = new RegExp(`[${[...names.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');
  return (s) => s.replace(re, (c) => names.get(c) ?? c);
}

/** The inverse of tagText for text a reviewer typed: each tag name of the document (⟨g1⟩) back to its
 *  placeholder character; anything else, including an unknown ⟨…⟩, stays as typed. */
export function untagText(doc: Pick<DocumentReport, 'tags'>): TagText {
  const tags = doc.tags;
  if (!tags) return identity;
  const chars = new Map(Object.entries(tags).map(([c, t]) => [tagName(t), c]));
  return (s) => s.replace(/⟨[^⟨⟩]{1,60}⟩/g, (m) => chars.get(m) ?? m);
}
