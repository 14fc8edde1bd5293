// English spelling: Hunspell en-US (dictionary-en, the classifier's speller) plus en-GB spellings, which are
// correct English ("colour", "offence", "organisation").
import { isEnglishWord } from '../../classify/en/spell.js';

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
