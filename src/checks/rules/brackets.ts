import { isPlaceholderChar } from '../../io/formats/piece.js';
import type { UnitRule } from '../units.js';

// Brackets of the source kept in the target: a lost ")" or an added "[" is a typo or a broken placeholder.
// Full-width forms （） count as the same bracket (Chinese and Japanese write them).

const PAIRS: Array<[string, string, RegExp, RegExp]> = [
  ['(', ')', /[(（]/g, /[)）]/g],
  ['[', ']', /[[［【]/g, /[\]］】]/g],
  ['{', '}', /[{｛]/g, /[}｝]/g],
];

export const brackets: UnitRule = {
  id: 'check/brackets',
  category: 'fluency/punctuation',
  type: 'R:PUNCT',
  severity: 'minor',
  description: 'A bracket ( ) [ ] { } left open or closed twice in the target where the source pairs them (full-width forms count the same)',
  equivalent: { pofilter: 'brackets', weblate: '— (pofilter only)' },
  scope: 'all languages',
  needsSource: true,
  run(unit) {
    if (!/[()[\]{}（）［］【】｛｝]/.test(unit.target)) return [];
    const out = [];
    const strip = (s: string) => [...s].filter((c) => !isPlaceholderChar(c)).join('');
    const s = strip(unit.source!);
    const t = strip(unit.target);
    const n = (x: string, re: RegExp) => (x.match(re) ?? []).length;
    // A translator may add or drop a parenthesis ("(shallow)", "patch(es)"); what breaks is a pair the source
    // closes and the target leaves unbalanced.
    for (const [open, close, o, c] of PAIRS) {
      if (n(s, o) !== n(s, c)) continue;
      const opens = n(t, o);
      const closes = n(t, c);
      if (opens === closes) continue;
      const [ch, re] = opens > closes ? [open, o] : [close, c];
      const at = [...unit.target.matchAll(re)].at(-1)!.index;
      out.push({ start: at, end: at + 1, message: `${opens} "${open}" but ${closes} "${close}" (the source pairs them)`, ...(ch ? {} : {}) });
    }
    return out;
  },
};
