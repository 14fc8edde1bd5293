// Which tokens carry content (their loss or change touches meaning) and which are function words.
import type { TokenInfo } from '../../types.js';

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'NUM']);

/** Verbs that are grammar rather than content, whether or not they govern another verb here (copula "is"). */
const LIGHT_VERBS = new Set(['be', 'have', 'do']);

/** A content word: noun, main verb, adjective, adverb, number; auxiliaries, be/have/do, modals and negation
 *  are function words. */
export const isContent = (t: TokenInfo) =>
  CONTENT_POS.has(t.pos) &&
  !t.aux &&
  t.tag !== 'MD' &&
  !(t.pos === 'VERB' && LIGHT_VERBS.has(t.lemma)) &&
  !/^(not|n't|n’t)$/.test(t.lower) &&
  /[\p{L}\p{N}]/u.test(t.text);

/** Nouns, main verbs and numbers: losing one loses a piece of the message (adjectives/adverbs only shade it). */
export const isCoreContent = (t: TokenInfo) => isContent(t) && (t.pos === 'NOUN' || t.pos === 'VERB' || t.pos === 'NUM');

/** A proper name: capitalised, and the dictionary does not know its lower-case form ("Volodyr", "Canada"), or an
 *  acronym ("NATO"). Sentence-initial words need the dictionary test to pass. */
export function isName(t: TokenInfo, isWord: (w: string) => boolean): boolean {
  if (!/^\p{Lu}/u.test(t.text) || !/^[\p{L}'’-]+\.?$/u.test(t.text)) return false;
  if (/^\p{Lu}{2,}$/u.test(t.text)) return true;
  return !isWord(t.lower);
}
