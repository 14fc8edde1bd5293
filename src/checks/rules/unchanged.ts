import type { UnitRule } from '../units.js';
import { withoutTags } from '../units.js';

// A target that is its source copied: English left in a German target ("We recommend adding an additional").
// Not every copy is an error — product names, codes, "OK", a term the target language borrows — so a copy
// counts only when it is a phrase (three words or more of three letters or more: a German "Status" or "Filter"
// is German too), not code (options, paths, markup) and not a title of capitalised words; four words or more
// are major. The config's allow list names the rest.

const CODE = /--|[<>=\\/_@#|[\]{}]|\$\{|\b[a-z]+[A-Z]\w*|^\W*[a-z0-9.-]+\W*$/;

export const unchanged: UnitRule = {
  id: 'check/unchanged',
  category: 'accuracy/untranslated',
  type: 'R:OTHER',
  severity: 'minor',
  description: 'The target is the source copied unchanged (a phrase of three words or more, not code or a capitalised title; major from four words)',
  equivalent: { pofilter: 'unchanged', weblate: 'same (unchanged translation)' },
  scope: 'targets in another language than the source',
  needsSource: true,
  run(unit, ctx) {
    if (ctx.sourcePack && ctx.sourcePack.code === ctx.pack.code) return [];
    const s = unit.source!.trim();
    if (s !== unit.target.trim() || ctx.allow.has(s) || CODE.test(s)) return [];
    const words = withoutTags(s).match(/\p{L}{3,}/gu) ?? [];
    // One or two words copied are usually right ("Status", "Open Source", a product name); a phrase of three or
    // more is a sentence left in the source language.
    if (words.length < 3) return [];
    // Capitalised words throughout: a title or a name ("Creative Commons Attribution"); lower case throughout
    // without a sentence end: a command line or a list of keywords ("git reflog list").
    if (words.every((w) => /^\p{Lu}/u.test(w))) return [];
    if (/^[^\p{L}]*\p{Ll}/u.test(s) && words.every((w) => w === w.toLowerCase()) && !/[.!?]$/.test(s)) return [];
    const at = unit.target.indexOf(s);
    return [{ start: at, end: at + s.length, message: `the source copied unchanged (${ctx.sourcePack?.name ?? 'source'} text in a ${ctx.pack.name} target)`, ...(words.length >= 4 ? { severity: 'major' as const } : {}) }];
  },
};
