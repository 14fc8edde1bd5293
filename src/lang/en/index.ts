// English (full): Hunspell en-US + en-GB spellings, Snowball English stems, CLDR en conventions; the classifier's
// English analysis (wink-nlp) and rules live in src/classify/en.
import { makePack } from '../make-pack.js';
import { isEnglishOrBritish } from './spelling.js';
import { ALLOWED_REPEATS, EXTRA_ABBREVIATIONS, NUMBER_LIKE_WORDS, NUMBER_WORDS } from './words.js';
import { cldrMonths } from '../cldr.js';

export const en = makePack({
  code: 'en',
  name: 'English',
  level: 'full',
  snowball: 'english',
  isWord: isEnglishOrBritish,
  extraResources: ['dictionary-en (Hunspell en-US, nspell) with en-GB spellings', 'wink-nlp (classifier)'],
  extraAbbreviations: EXTRA_ABBREVIATIONS,
  numberWords: NUMBER_WORDS,
  numberLikeWords: NUMBER_LIKE_WORDS,
  allowedRepeats: ALLOWED_REPEATS,
  // "mar" as an abbreviation would collide with the verb; the full name only.
  months: new Map([...cldrMonths('en')].filter(([w]) => w !== 'mar')),
});
