// "Is this a word" is the language pack's question (src/lang): English accepts en-US and en-GB spellings there.
import { packFor, type LanguagePack } from '../lang/index.js';

const EN = packFor('en');

/** Is this a word of the pack's dictionary (as written, or lower-cased as at a sentence start)? A pack without a
 *  dictionary knows nothing, so every word passes. English by default. */
export function isWord(word: string, pack: LanguagePack = EN): boolean {
  return pack.isWord(word) ?? true;
}
