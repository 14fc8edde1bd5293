import type { UnitRule } from '../units.js';

// Invisible characters that break searching, sorting and matching: zero-width space, joiners outside scripts
// that need them, a BOM inside the text, soft hyphens the source does not have, bidi controls.

const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]|[\u200C\u200D]/gu;
// ZWJ/ZWNJ are letters of Persian, Indic scripts and emoji sequences.
const JOINER_SCRIPTS = /[\u0600-\u06FF\u0900-\u0DFF\u{1F300}-\u{1FAFF}]/u;

export const zeroWidth: UnitRule = {
  id: 'check/zero-width',
  category: 'fluency/typography',
  type: 'R:ORTH',
  severity: 'minor',
  description: 'A zero-width or invisible character (U+200B, U+2060, U+FEFF, a soft hyphen, a bidi control) not in the source',
  equivalent: { pofilter: '—', weblate: 'zero-width-space' },
  scope: 'all languages (ZWJ/ZWNJ allowed in scripts that use them)',
  needsSource: false,
  run(unit) {
    const inSource = new Set(unit.source?.match(INVISIBLE) ?? []);
    return [...unit.target.matchAll(INVISIBLE)]
      .filter((m) => !inSource.has(m[0]) && !(/[\u200C\u200D]/.test(m[0]) && JOINER_SCRIPTS.test(unit.target)))
      .map((m) => ({ start: m.index, end: m.index + 1, suggestion: '', message: `invisible character U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` }));
  },
};
