// The English word list as the classifier's rules use it: the English pack's Hunspell en-US speller
// (src/lang/en/spelling.ts), and run-together splitting on top of it.
import { isEnglishWord } from '../../lang/en/spelling.js';

export { isEnglishWord };

/** Splits a run-together token into two dictionary words ("thespecial" → the + special, "theTake" → the + Take),
 *  preferring a case boundary, else the split with the longest known second part. Undefined when none fits. */
export function splitRunTogether(token: string): [string, string] | undefined {
  if (!/^\p{L}{4,}$/u.test(token) || isEnglishWord(token)) return undefined;
  const camel = /^(\p{Ll}+)(\p{Lu}\p{L}*)$/u.exec(token);
  if (camel && isEnglishWord(camel[1]!) && isEnglishWord(camel[2]!)) return [camel[1]!, camel[2]!];
  for (let i = 1; i < token.length - 1; i++) {
    const a = token.slice(0, i);
    const b = token.slice(i);
    // One-letter words other than a/I are noise in a dictionary split.
    if (a.length === 1 && !/^[aAI]$/.test(a)) continue;
    if (b.length < 2) continue;
    if (isEnglishWord(a) && isEnglishWord(b)) return [a, b];
  }
  return undefined;
}
