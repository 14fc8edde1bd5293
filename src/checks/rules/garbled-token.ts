import type { CheckHit, CheckRule } from '../types.js';

// Tokens no language writes: a lone letter between words that the dictionary does not know as a word ("the s
// report"), and a word that mixes scripts ("Ukrаine" with a Cyrillic а: a homoglyph from a bad OCR or MT).

const MIXED = /(?=\p{L}*\p{Script=Latin})(?=\p{L}*(?:\p{Script=Cyrillic}|\p{Script=Greek}))\p{L}{2,}/gu;

export const garbledToken: CheckRule = {
  id: 'check/garbled-token',
  category: 'fluency/spelling',
  type: 'R:SPELL',
  severity: 'minor',
  description: 'A lone letter that is no word of the language ("the s report") or a word that mixes Latin with Cyrillic/Greek letters',
  appliesTo: (pack) => !pack.unspaced,
  run(ctx) {
    const t = ctx.text;
    const hits: CheckHit[] = [];
    for (const m of t.matchAll(/(?<=[\p{Ll},] )\p{Ll}(?= \p{Ll})/gu)) {
      if (ctx.allow.has(m[0]) || !ctx.pack.hasDictionary || ctx.pack.isWord(m[0]) !== false) continue;
      hits.push({ start: m.index, end: m.index + 1, message: `lone letter "${m[0]}" between words` });
    }
    for (const m of t.matchAll(MIXED)) {
      // "%sДата": a printf conversion before a word, not a homoglyph.
      if (ctx.allow.has(m[0]) || t[m.index - 1] === '%' || t[m.index - 1] === '\\') continue;
      hits.push({ start: m.index, end: m.index + m[0].length, message: `"${m[0]}" mixes Latin and Cyrillic/Greek letters` });
    }
    return hits;
  },
};
