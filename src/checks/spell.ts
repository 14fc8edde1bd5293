import nspell from 'nspell';
import dictionary from 'dictionary-en';

// dictionary-en is en-US; building the speller costs ~250 ms, so it is built once, on first use.
type Speller = ReturnType<typeof nspell>;
let cached: Speller | undefined;

export function speller(): Speller {
  if (!cached) {
    const asBuf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
    cached = nspell({ aff: asBuf(dictionary.aff), dic: asBuf(dictionary.dic) });
  }
  return cached;
}

/** Is this a word of the dictionary (as written, or lower-cased as at a sentence start)? British spellings count:
 *  the dictionary is en-US, and "colour", "offence", "organisation" are correct English. */
export function isWord(word: string): boolean {
  const s = speller();
  if (s.correct(word) || s.correct(word.toLowerCase())) return true;
  const lower = word.toLowerCase();
  return BRITISH.some(([gb, us]) => gb.test(lower) && s.correct(lower.replace(gb, us)));
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
