import type { CheckUnit, UnitRule } from '../units.js';

// A plural entry needs one form per plural category of the target language: the count the PO header declares
// (Plural-Forms: nplurals=N, what gettext uses at run time), else the language's CLDR plural categories
// (Intl.PluralRules, through the pack). Fewer forms leave some numbers untranslated, more are never shown.

export const pluralForms: UnitRule = {
  id: 'check/plural-forms',
  category: 'fluency/grammar',
  type: 'R:NOUN:INFL',
  severity: 'major',
  description: "A plural entry with another number of forms than the target language has (the PO header's nplurals, else CLDR)",
  equivalent: { pofilter: 'nplurals', weblate: 'plurals' },
  scope: 'all languages (nplurals from the file, else CLDR plural categories of the target language)',
  needsSource: false,
  onEmpty: true,
  runAll(ctx) {
    const expected = ctx.nplurals ?? ctx.pack.nplurals;
    if (!expected) return [];
    const out: Array<{ unit: CheckUnit; start: number; end: number; message: string }> = [];
    for (const u of ctx.units) {
      if (u.pluralForm !== 0 || u.pluralCount === undefined || u.pluralCount === expected) continue;
      out.push({ unit: u, start: 0, end: u.target.length, message: `${u.pluralCount} plural forms; ${ctx.pack.name} has ${expected}${ctx.nplurals ? ' (the file\'s Plural-Forms header)' : ' (CLDR)'}` });
    }
    return out;
  },
};
