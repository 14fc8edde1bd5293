import type { UnitRule } from '../units.js';

// A name of the source missing in the target: a capitalised word inside a sentence that the source language's
// dictionary does not know ("Zelensky", "ORCID", "Symfony") is copied, not translated, by a translation in the
// same script; an MT that drops or garbles it ("Volodymyr" → "Volodyr") loses it. Targets in another script
// transliterate names, so the check runs only where both sides write Latin letters.

// Not after a colon (a new sentence may start there); an acronym (EOL, EOF) is often spelt out in the target.
const NAME_RE = /(?<=[\p{L},;] )(\p{Lu}[\p{L}\p{M}]*\p{Ll}[\p{L}\p{M}]*)(?![\p{L}'’-])/gu;

export const sourceNames: UnitRule = {
  id: 'check/source-names',
  category: 'accuracy/omission',
  type: 'M:NOUN',
  severity: 'minor',
  description: 'A name of the source (a capitalised word inside a sentence that the source dictionary does not know) missing in a same-script target',
  equivalent: { pofilter: '— (pofilter has no name check)', weblate: '—' },
  scope: 'source and target both in Latin script; the source language needs a dictionary',
  needsSource: true,
  appliesTo: (pack) => !pack.unspaced,
  run(unit, ctx) {
    const sp = ctx.sourcePack;
    if (!sp?.hasDictionary || !/\p{Script=Latin}/u.test(unit.target) || !/\p{Script=Latin}/u.test(unit.source!)) return [];
    // A short label is a name list or a place name, which a locale writes its own way ("San Marino" →
    // "Saint-Marin"); a sentence keeps the names it mentions.
    if ((unit.source!.match(/\p{L}+/gu) ?? []).length < 6) return [];
    const target = unit.target.toLowerCase();
    const missing = new Set<string>();
    for (const m of unit.source!.matchAll(NAME_RE)) {
      const name = m[1]!;
      // "APIs", "URIs": an acronym's plural, spelt the target's way.
      if (/^\p{Lu}{2,}s$/u.test(name) || missing.has(name) || target.includes(name.toLowerCase()) || ctx.allow.has(name)) continue;
      if (sp.isWord(name) !== false || sp.isWord(name.toLowerCase()) !== false) continue;
      missing.add(name);
    }
    return [...missing].map((name) => ({ start: 0, end: unit.target.length, message: `the source's name "${name}" is not in the target` }));
  },
};
