import type { CheckRule, CheckHit } from '../types.js';
import { contextWords, isLower, isUpper } from '../text.js';
import { isWord } from '../spell.js';

// Short function words that MT glues onto the next word ("thespecial", "ofthe"). A split is proposed only when
// one side is one of these (or at a camel-case boundary), which keeps rare but real words from being split.
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'and', 'or', 'but', 'as', 'is',
  'was', 'are', 'were', 'be', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those',
  'not', 'has', 'have', 'had', 'it', 'he', 'she', 'we', 'they', 'which', 'who', 'than', 'into', 'onto', 'upon',
]);

/** "theTake" → "the Take", "thespecial" → "the special": a non-word that splits into two dictionary words. */
export const mergedToken: CheckRule = {
  id: 'check/merged-token',
  category: 'fluency/spelling',
  type: 'R:SPLIT',
  severity: 'minor',
  description: 'Two words written as one ("theTake", "thespecial"): a non-word that splits into dictionary words (English)',
  // The split needs English function words; in German or Dutch a closed compound ("damit") is a word.
  appliesTo: (pack) => pack.code === 'en',
  run(ctx) {
    const hits: CheckHit[] = [];
    for (const w of contextWords(ctx)) {
      if (w.text.length < 4 || /['’-]/.test(w.text) || ctx.allow.has(w.text)) continue;
      const split = splitMerged(w.text);
      if (split) {
        hits.push({
          start: w.start,
          end: w.end,
          suggestion: split,
          message: `"${w.text}" looks like two words run together: "${split}"`,
        });
      }
    }
    return hits;
  },
};

/** The two-word split of a merged token, or undefined when the token is a word or no safe split exists. */
export function splitMerged(token: string): string | undefined {
  // Camel case inside a word: "theTake". The left part must start lower-case ("YouTube", "McDonald" are names).
  const camel = /^(\p{Ll}+)(\p{Lu}\p{Ll}+)$/u.exec(token);
  if (camel) {
    const [, left, right] = camel as unknown as [string, string, string];
    if ((FUNCTION_WORDS.has(left) || (left.length >= 3 && isWord(left))) && isWord(right)) return `${left} ${right}`;
    return undefined;
  }
  // All lower-case run-together words: only when the token itself is not a word.
  if (![...token].every(isLower) || isWord(token)) return undefined;
  for (let i = 1; i < token.length; i++) {
    const left = token.slice(0, i);
    const right = token.slice(i);
    const fnLeft = FUNCTION_WORDS.has(left) && right.length >= 3;
    // A one-letter right part is a word ending, not an article: "publica", "sperma" are not "public a".
    const fnRight = FUNCTION_WORDS.has(right) && right.length > 1 && left.length >= 3;
    if ((fnLeft || fnRight) && isWord(left) && isWord(right) && !isUpper(right[0]!)) return `${left} ${right}`;
  }
  return undefined;
}
