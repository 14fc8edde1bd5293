import type { CheckRule, CheckHit } from '../types.js';
import { FRENCH_TITLES } from '../../classify/rules/french-typography.js';

// French conventions that MT carries over into English: a space before : ; ! ? ("Photo :"), guillemets « »,
// and French honorifics ("MM." for Messrs., "M." for Mr., "Mme" for Mrs.).
const SPACE_BEFORE_HIGH_PUNCT = /(?<=[\p{L}\p{N}"”»)\]]) *[ \u00a0\u202f]([:;!?])(?=\s|$|["“”])/gu;
const GUILLEMET_OPEN = /«[ \u00a0\u202f]*/gu;
const GUILLEMET_CLOSE = /[ \u00a0\u202f]*»/gu;
const HONORIFIC = /(?<![\p{L}.])(MM\.|Mme\.?|Mlle\.?|M\.)(?= \p{Lu})/gu;

export const frenchTypography: CheckRule = {
  id: 'check/french-typography',
  category: 'locale-convention/typography',
  type: 'R:PUNCT',
  severity: 'minor',
  description: 'French typography in English text: "Photo :", « », "MM." / "M." / "Mme" for Messrs./Mr./Mrs.',
  run(ctx) {
    const hits: CheckHit[] = [];
    const t = ctx.text;
    if (!ctx.tokenized) {
      for (const m of t.matchAll(SPACE_BEFORE_HIGH_PUNCT)) {
        const punct = m[1]!;
        // Keep a little context in the span so that the message is readable: the word before the space.
        hits.push({
          start: m.index,
          end: m.index + m[0].length,
          suggestion: punct,
          message: `Space before "${punct}" (French typography); English writes no space before it`,
        });
      }
    }
    for (const m of t.matchAll(GUILLEMET_OPEN)) {
      hits.push({ start: m.index, end: m.index + m[0].length, suggestion: '“', message: 'French guillemet « in English text: use “' });
    }
    for (const m of t.matchAll(GUILLEMET_CLOSE)) {
      hits.push({ start: m.index, end: m.index + m[0].length, suggestion: '”', message: 'French guillemet » in English text: use ”' });
    }
    for (const m of t.matchAll(HONORIFIC)) {
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
