// English: the language pack (analysis, word list, ERRANT types) and its rule table.
import type { Language, Rule } from '../types.js';
import { caseRule } from '../rules/case.js';
import { diacriticRule } from '../rules/diacritic.js';
import { fallbackRule } from '../rules/fallback.js';
import { frenchTypographyRule } from '../rules/french-typography.js';
import { glossaryRule } from '../rules/glossary.js';
import { markupRule } from '../rules/markup.js';
import { noChangeRule } from '../rules/no-change.js';
import { numbersRule } from '../rules/numbers.js';
import { punctuationRule } from '../rules/punctuation.js';
import { tokenBoundaryRule } from '../rules/token-boundary.js';
import { unicodeFormRule } from '../rules/unicode-form.js';
import { whitespaceRule } from '../rules/whitespace.js';
import { moveRule, wordOrderRule } from '../rules/word-order.js';
import { analyzeEnglish } from './analyze.js';
import { errantTypeEn } from './errant-type.js';
import { MONTHS, NUMBER_WORDS } from './lexicon.js';
import { antonymRule } from './rules/antonym.js';
import { grammarRule } from './rules/grammar.js';
import { mistranslationRule } from './rules/mistranslation.js';
import { nameRule } from './rules/name.js';
import { negationRule } from './rules/negation.js';
import { additionRule, omissionRule } from './rules/omission-addition.js';
import { registerRule } from './rules/register.js';
import { rewordingRule } from './rules/rewording.js';
import { spellingRule } from './rules/spelling.js';
import { untranslatedRule } from './rules/untranslated.js';
import { isEnglishWord } from './spell.js';

export const english: Language = {
  code: 'en',
  analyze: analyzeEnglish,
  isWord: isEnglishWord,
  errantType: (o, c) => errantTypeEn(o, c, { isWord: isEnglishWord }),
  numberWords: NUMBER_WORDS,
  months: MONTHS,
};

/** The English rule table, in decision order: surface changes first (they need no tagging), then names and the
 *  reviewer's glossary, numbers, word order, meaning reversals, and finally the ERRANT-type-driven
 *  grammar/accuracy/style split. */
export const ENGLISH_RULES: readonly Rule[] = [
  moveRule,
  noChangeRule,
  unicodeFormRule,
  markupRule,
  frenchTypographyRule,
  tokenBoundaryRule,
  whitespaceRule,
  caseRule,
  diacriticRule,
  punctuationRule,
  nameRule,
  glossaryRule,
  numbersRule,
  wordOrderRule,
  negationRule,
  antonymRule,
  untranslatedRule,
  spellingRule,
  registerRule,
  grammarRule,
  omissionRule,
  additionRule,
  rewordingRule,
  mistranslationRule,
  fallbackRule,
];
