// Japanese (full-ish): kuromoji tokens, POS and base forms (after load()), Intl.Segmenter words, Han numerals,
// full-width punctuation, CLDR ja conventions. No Hunspell dictionary exists for Japanese.
import { makePack } from '../make-pack.js';
import { kuromojiMorphology } from './morphology.js';

export const ja = makePack({
  code: 'ja',
  name: 'Japanese',
  level: 'full',
  unspaced: true,
  hanNumerals: true,
  morphology: kuromojiMorphology,
  stem: (w) => kuromojiMorphology.tag(w)?.[0]?.lemma ?? w,
  typography: { fullWidthPunctuation: true },
  extraResources: ['kuromoji (tokens, POS, base forms; IPADIC)'],
});
