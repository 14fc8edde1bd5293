// English spelling: Hunspell en-US (dictionary-en) plus en-GB spellings, which are correct English ("colour",
// "offence", "organisation"). The classifier's English rules ask the same speller (src/classify/en/spell.ts).
import { hunspell } from '../spell.js';

const speller = hunspell('dictionary-en');

/** True when the en-US dictionary knows `word` as written (Hunspell also accepts a capitalised form of a
 *  lower-case word, and an all-caps form). Hyphenated compounds are words when every part is. */
export function isEnglishWord(word: string): boolean {
  return speller.correct(word);
}

export function isEnglishOrBritish(word: string): boolean {
  if (isEnglishWord(word) || isEnglishWord(word.toLowerCase())) return true;
  const lower = word.toLowerCase();
  return BRITISH.some(([gb, us]) => gb.test(lower) && isEnglishWord(lower.replace(gb, us)));
}

// en-GB → en-US spelling patterns (suffix or inner), each tried on its own.
const BRITISH: Array<[RegExp, string]> = [
  [/our(?=s?$|ed$|ing$|ful$|ite$|ites$|able$|less$|ers?$)/, 'or'],
  [/ence(?=s?$)/, 'ense'],
  [/is(?=e$|es$|ed$|ing$|ation$|ations$|er$|ers$)/, 'iz'],
  [/ys(?=e$|es$|ed$|ing$)/, 'yz'],
  [/tre(?=s?$)/, 'ter'],
  [/ogue(?=s?$)/, 'og'],
  [/ll(?=ed$|ing$|er$|ers$)/, 'l'],
  [/ae/, 'e'],
  [/oe/, 'e'],
];
