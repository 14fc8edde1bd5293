import type { CheckHit, CheckRule } from '../types.js';
import { contextWords } from '../text.js';

// A short lower-case word run together with a capitalised one, in running text: "theTake" where the MT meant
// a name ("NATO"). Both parts are dictionary words of the target language, the first a short one (an article,
// a preposition), and the token itself is not a word: camel-case brands ("iPhone", "eBay", "macOS") start with
// a letter that is no word or end in capitals. Where a name is expected, this is an error of meaning, not of
// spacing: major. (check/merged-token reports other run-together words, minor.)

export const mergedName: CheckRule = {
  id: 'check/merged-name',
  category: 'accuracy/mistranslation',
  type: 'R:NOUN',
  severity: 'major',
  description: 'A short word run together with a capitalised word where a name is expected ("theTake")',
  appliesTo: (pack) => pack.hasDictionary && !pack.unspaced,
  run(ctx) {
    const hits: CheckHit[] = [];
    for (const w of contextWords(ctx)) {
      const m = /^(\p{Ll}{2,4})(\p{Lu}\p{Ll}{2,})$/u.exec(w.text);
      if (!m || ctx.allow.has(w.text)) continue;
      const [, head, name] = m as unknown as [string, string, string];
      if (ctx.pack.isWord(w.text) !== false || ctx.pack.isWord(head) !== true || ctx.pack.isWord(name) !== true) continue;
      hits.push({ start: w.start, end: w.end, message: `"${w.text}" runs "${head}" into "${name}": a name or term seems garbled here (the MT merged two tokens)` });
    }
    return hits;
  },
};
