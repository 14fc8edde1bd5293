import { isPlaceholderChar } from '../../io/formats/piece.js';
import type { UnitHit, UnitRule } from '../units.js';
import { surplus } from '../units.js';

// Inline tags (XLIFF g/x/ph/bpt/ept/pc/sc/ec…) are read as one private-use character per tag, the same character
// for the same tag in source and target: a tag the source has and the target lacks was lost (its formatting or
// its link is gone), one the target adds has no counterpart. Tags in another order are minor (languages reorder).
// Without a reader's tags, HTML/XML markup written in the text is compared the same way (check/markup).

export const inlineTags: UnitRule = {
  id: 'check/inline-tags',
  category: 'design-markup/tag',
  type: 'M:TAG',
  severity: 'major',
  description: 'An inline tag of the source (XLIFF <g>, <x/>, <ph>, <pc>…) missing in the target, added, or out of order',
  equivalent: { pofilter: 'xmltags', weblate: 'xml-tags, xml-invalid' },
  scope: 'all languages',
  needsSource: true,
  run(unit) {
    if (!TAG_CHAR.test(unit.source!) && !TAG_CHAR.test(unit.target)) return [];
    const tags = (s: string) => [...s].filter(isPlaceholderChar);
    const src = tags(unit.source!);
    const tgt = tags(unit.target);
    if (src.length === 0 && tgt.length === 0) return [];
    const label = (c: string) => unit.tags?.get(c) ?? 'a tag';
    const hits: UnitHit[] = [];
    const missing = surplus(src, tgt);
    if (missing.length) hits.push({ start: 0, end: unit.target.length, message: `the source's ${missing.map(label).join(' ')} ${missing.length > 1 ? 'are' : 'is'} missing` });
    for (const c of new Set(surplus(tgt, src))) {
      const at = unit.target.indexOf(c);
      hits.push({ start: at, end: at + c.length, message: `${label(c)} is not in the source`, severity: 'minor' });
    }
    if (hits.length === 0 && src.join('') !== tgt.join('')) {
      hits.push({ start: 0, end: unit.target.length, message: 'the inline tags are in another order than in the source', severity: 'minor' });
    }
    return hits;
  },
};

const TAG_CHAR = /[\uE000-\uF8FF]/;
const MARKUP_RE = /<\/?([A-Za-z][\w:-]*)(?:\s[^<>]*)?\/?>/g;

/** Markup written as text (HTML in a PO msgid, <b> in a .properties value): element names and their count. */
export const markup: UnitRule = {
  id: 'check/markup',
  category: 'design-markup/tag',
  type: 'M:TAG',
  severity: 'major',
  description: 'HTML/XML markup written in the text (<b>, </a>, <br/>) that differs from the source: a tag lost, added or renamed',
  equivalent: { pofilter: 'xmltags', weblate: 'xml-tags, safe-html' },
  scope: 'all languages',
  needsSource: true,
  run(unit) {
    if (!unit.source!.includes('<')) return [];
    const all = (s: string) => [...s.matchAll(MARKUP_RE)].map((m) => ({ at: m.index, text: m[0], name: m[1]!.toLowerCase(), key: `${m[0].startsWith('</') ? '/' : ''}${m[1]!.toLowerCase()}` }));
    // Markup, not a placeholder in angle brackets ("<file>", "<Datei>" in a usage line, which translators
    // translate): an element the source closes, writes self-closing, or gives attributes.
    const srcAll = all(unit.source!);
    const elements = new Set(srcAll.filter((t) => t.key.startsWith('/') || /\/>$|\s\w[\w:-]*\s*=/.test(t.text)).map((t) => t.name));
    if (elements.size === 0) return [];
    const src = srcAll.filter((t) => elements.has(t.name));
    const tgt = all(unit.target).filter((t) => elements.has(t.name) || t.key.startsWith('/') || /\/>$|\s\w[\w:-]*\s*=/.test(t.text));
    const hits: UnitHit[] = [];
    const missing = surplus(src.map((t) => t.key), tgt.map((t) => t.key));
    if (missing.length) hits.push({ start: 0, end: unit.target.length, message: `markup of the source missing: ${missing.map((k) => (k.startsWith('/') ? `</${k.slice(1)}>` : `<${k}>`)).join(' ')}` });
    const extra = new Set(surplus(tgt.map((t) => t.key), src.map((t) => t.key)));
    for (const t of tgt) if (extra.has(t.key)) hits.push({ start: t.at, end: t.at + t.text.length, message: `${t.text} is not in the source` });
    return hits;
  },
};
