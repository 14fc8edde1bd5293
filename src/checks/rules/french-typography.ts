import type { CheckContext, CheckRule, CheckHit } from '../types.js';
import { FRENCH_TITLES } from '../../classify/rules/french-typography.js';

// French conventions that MT carries over into another language: a space before : ; ! ? ("Photo :"), guillemets
// « » (where the language does not quote with them), and — in English — French honorifics ("MM." for Messrs.).
// In a French target it is the mirror: the (narrow) no-break space before : ; ! ? and inside « » is required.
const SPACE_BEFORE_HIGH_PUNCT = /(?<=[\p{L}\p{N}"”»)\]]) *[ \u00a0\u202f]([:;!?])(?=\s|$|["“”])/gu;
const GUILLEMET_OPEN = /«[ \u00a0\u202f]*/gu;
const GUILLEMET_CLOSE = /[ \u00a0\u202f]*»/gu;
const HONORIFIC = /(?<![\p{L}.])(MM\.|Mme\.?|Mlle\.?|M\.)(?= \p{Lu})/gu;

export const frenchTypography: CheckRule = {
  id: 'check/french-typography',
  category: 'locale-convention/typography',
  type: 'R:PUNCT',
  severity: 'minor',
  description: 'French typography in non-French text ("Photo :", « », "MM." in English); in French text, a missing space before : ; ! ? or inside « »',
  run(ctx) {
    if (ctx.pack.typography.spaceBeforeHighPunctuation) return frenchSpacing(ctx);
    const hits: CheckHit[] = [];
    const t = ctx.text;
    const lang = ctx.pack.name;
    const q = ctx.pack.typography.quotes;
    const usesGuillemets = [q.start, q.end, q.alternateStart, q.alternateEnd].some((c) => c === '«' || c === '»');
    if (!ctx.tokenized) {
      for (const m of t.matchAll(SPACE_BEFORE_HIGH_PUNCT)) {
        const punct = m[1]!;
        // Keep a little context in the span so that the message is readable: the word before the space.
        hits.push({
          start: m.index,
          end: m.index + m[0].length,
          suggestion: punct,
          message: `Space before "${punct}" (French typography); ${lang} writes no space before it`,
        });
      }
    }
    if (!usesGuillemets) {
      for (const m of t.matchAll(GUILLEMET_OPEN)) {
        hits.push({ start: m.index, end: m.index + m[0].length, suggestion: q.start, message: `French guillemet « in ${lang} text: use ${q.start}` });
      }
      for (const m of t.matchAll(GUILLEMET_CLOSE)) {
        hits.push({ start: m.index, end: m.index + m[0].length, suggestion: q.end, message: `French guillemet » in ${lang} text: use ${q.end}` });
      }
    }
    // The honorifics' renderings are English ones.
    for (const m of ctx.pack.code === 'en' ? t.matchAll(HONORIFIC) : []) {
      const word = m[1]!;
      // "John M. Smith": an initial after a capitalised name is not a French "Monsieur".
      if (word === 'M.' && /\p{Lu}[\p{L}'’-]*\s+$/u.test(t.slice(Math.max(0, m.index - 30), m.index))) continue;
      if (ctx.allow.has(word)) continue;
      const english = FRENCH_TITLES[word]![0]!;
      hits.push({
        start: m.index,
        end: m.index + word.length,
        suggestion: english,
        type: 'R:OTHER',
        message: `French honorific "${word}" in English text: "${english}"`,
      });
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};

// French text: ":" ";" "!" "?" right after a word, "«" followed or "»" preceded directly by a letter.
const NO_SPACE_BEFORE_HIGH_PUNCT = /(?<=[\p{L}\p{N}»)\]])([:;!?])(?=\s|$|[»"”])/gu;
const TIGHT_GUILLEMET_OPEN = /«(?=[\p{L}\p{N}])/gu;
const TIGHT_GUILLEMET_CLOSE = /(?<=[\p{L}\p{N}.!?])»/gu;

/** French target: the space French requires (a narrow no-break space, U+202F, as the fix). URLs and times
 *  ("10:30", "http://") are not punctuation. */
function frenchSpacing(ctx: CheckContext): CheckHit[] {
  const hits: CheckHit[] = [];
  const t = ctx.text;
  if (!ctx.tokenized) {
    for (const m of t.matchAll(NO_SPACE_BEFORE_HIGH_PUNCT)) {
      if (/\S*:\/\/\S*$/u.test(t.slice(Math.max(0, m.index - 40), m.index + 3))) continue;
      hits.push({ start: m.index, end: m.index + 1, suggestion: `\u202f${m[1]}`, message: `French requires a (narrow) no-break space before "${m[1]}"` });
    }
  }
  for (const m of t.matchAll(TIGHT_GUILLEMET_OPEN)) hits.push({ start: m.index, end: m.index + 1, suggestion: '«\u202f', message: 'French requires a (narrow) no-break space after «' });
  for (const m of t.matchAll(TIGHT_GUILLEMET_CLOSE)) hits.push({ start: m.index, end: m.index + 1, suggestion: '\u202f»', message: 'French requires a (narrow) no-break space before »' });
  return hits.sort((a, b) => a.start - b.start);
}
