import type { UnitRule } from '../units.js';
import { withoutTags } from '../units.js';

// A target that is its source copied: English left in a German target ("We recommend adding an additional").
// Not every copy is an error — product names, codes, "OK", a term the target language borrows — so a copy
// counts only when it has words (two or more of three letters or more), is not code (options, paths, markup,
// placeholders only), and the target dictionary does not know all of its words (when the pack has one: a
// German "Status" or "Filter" is German too). The config's allow list names the rest.

const CODE = /--|[<>=\\/_@#|[\]{}]|\$\{|\b[a-z]+[A-Z]\w*|^\W*[a-z0-9.-]+\W*$/;

export const unchanged: UnitRule = {
  id: 'check/unchanged',
  category: 'accuracy/untranslated',
  type: 'R:OTHER',
  severity: 'minor',
  description: 'The target is the source copied unchanged (words the target dictionary does not know, not code or names)',
  equivalent: { pofilter: 'unchanged', weblate: 'same (unchanged translation)' },
  scope: 'targets in another language than the source',
  needsSource: true,
  run(unit, ctx) {
    if (ctx.sourcePack && ctx.sourcePack.code === ctx.pack.code) return [];
    const s = unit.source!.trim();
    if (s !== unit.target.trim() || ctx.allow.has(s) || CODE.test(s)) return [];
    const words = withoutTags(s).match(/\p{L}{3,}/gu) ?? [];
    if (words.length < 2) return [];
    // Capitalised words throughout: a title or a name ("Creative Commons Attribution").
    if (words.every((w) => /^\p{Lu}/u.test(w))) return [];
    const unknown = ctx.pack.hasDictionary ? words.filter((w) => ctx.pack.isWord(w) === false) : words;
    if (unknown.length === 0) return [];
    const at = unit.target.indexOf(s);
    return [{ start: at, end: at + s.length, message: `the source copied unchanged (${unknown.slice(0, 3).map((w) => `"${w}"`).join(', ')} ${ctx.pack.hasDictionary ? `not ${ctx.pack.name}` : 'untranslated'})`, ...(words.length >= 4 && unknown.length >= 2 ? { severity: 'major' as const } : {}) }];
  },
};
