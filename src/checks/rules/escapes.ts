import type { UnitHit, UnitRule } from '../units.js';
import { surplus } from '../units.js';

// Backslash escapes written in the text (\n, \t, \", \: in .properties / iOS .strings / JSON values read from
// XLIFF): one the target adds is printed as written or changes the string ("\:" in ORCID's French), one it
// drops loses a line break or a quote. PO escapes are decoded by the reader (their line breaks are compared by
// check/newlines), so what is left here is a backslash the file itself spells.

const ESCAPE_RE = /\\(?:u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|[^\s])/g;

export const escapes: UnitRule = {
  id: 'check/escapes',
  category: 'accuracy/mistranslation',
  type: 'R:OTHER',
  severity: 'major',
  description: 'A backslash escape (\\n, \\t, \\", \\:) added to or lost from the target',
  equivalent: { pofilter: 'escapes', weblate: 'escaped-newline' },
  scope: 'all languages',
  needsSource: true,
  run(unit, ctx) {
    // PO strings are decoded by the reader: a backslash left in them is text ("'\\' not allowed").
    if (ctx.decodedEscapes || (!unit.source!.includes('\\') && !unit.target.includes('\\'))) return [];
    const find = (s: string) => [...s.matchAll(ESCAPE_RE)].map((m) => ({ at: m.index, text: m[0] }));
    const src = find(unit.source!);
    const tgt = find(unit.target);
    if (src.length === 0 && tgt.length === 0) return [];
    const hits: UnitHit[] = [];
    const extra = new Set(surplus(tgt.map((e) => e.text), src.map((e) => e.text)));
    for (const e of tgt) if (extra.has(e.text)) hits.push({ start: e.at, end: e.at + e.text.length, message: `escape "${e.text}" is not in the source`, ...(/^\\[\\"'nt]$/.test(e.text) ? {} : { suggestion: e.text.slice(1) }) });
    const missing = surplus(src.map((e) => e.text), tgt.map((e) => e.text));
    if (missing.length) hits.push({ start: 0, end: unit.target.length, message: `the source's escape${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing` });
    return hits;
  },
};
