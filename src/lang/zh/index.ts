// Chinese (full-ish): jieba word segmentation and POS, Han numerals and units (25万, 两万), full-width
// punctuation, CLDR zh conventions. No Hunspell dictionary exists for Chinese: spelling says nothing.
import { makePack } from '../make-pack.js';
import { jiebaMorphology, jiebaWords } from './morphology.js';

export const zh = makePack({
  code: 'zh',
  name: 'Chinese',
  level: 'full',
  unspaced: true,
  hanNumerals: true,
  words: jiebaWords,
  morphology: jiebaMorphology,
  typography: { fullWidthPunctuation: true },
  extraResources: ['@node-rs/jieba (words, POS)'],
});
