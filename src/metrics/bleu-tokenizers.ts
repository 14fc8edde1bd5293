// BLEU's tokenisers, registered in one place under sacrebleu's names, and sacrebleu's choice of tokeniser for a
// target language. Each maps a (lower-cased, rstripped) segment to its tokens, as sacrebleu's tokenizer followed
// by str.split() does.

import { InputError } from '../io/errors.js';
import { tokens13a } from './tokenizer-13a.js';
import { tokensIntl } from './tokenizer-intl.js';
import { tokensZh } from './tokenizer-zh.js';
import { isPyWhitespaceCode, pySplit } from './whitespace.js';

export type BleuTokenizerName = '13a' | 'intl' | 'char' | 'none' | 'zh';

/** sacrebleu `char`: " ".join(line) then split(): every code point that is not whitespace. */
function tokensChar(line: string): string[] {
  const out: string[] = [];
  for (const ch of line) if (!(ch.length === 1 && isPyWhitespaceCode(ch.charCodeAt(0)))) out.push(ch);
  return out;
}

export const BLEU_TOKENIZERS: Record<BleuTokenizerName, (line: string) => string[]> = {
  '13a': tokens13a,
  intl: tokensIntl,
  char: tokensChar,
  none: pySplit,
  zh: tokensZh,
};

/** sacrebleu tokenisers that need software tqa does not have (MeCab, sentencepiece models): refused by name
 *  rather than approximated. */
const UNAVAILABLE: Record<string, string> = {
  'ja-mecab': 'MeCab (mecab-python3 + ipadic)',
  'ko-mecab': 'MeCab-ko (mecab-ko + mecab-ko-dic)',
  spm: 'sentencepiece and the FLORES-101 model',
  flores101: 'sentencepiece and the FLORES-101 model',
  flores200: 'sentencepiece and the FLORES-200 model',
  'spBLEU-1K': 'sentencepiece and the spBLEU-1K model',
};

export const BLEU_TOKENIZER_NAMES = Object.keys(BLEU_TOKENIZERS) as BleuTokenizerName[];

export function isBleuTokenizer(name: string): name is BleuTokenizerName {
  return Object.hasOwn(BLEU_TOKENIZERS, name);
}

/** The tokenizer name checked: a known one is returned, MeCab/sentencepiece ones and unknown names are an
 *  InputError of one line. */
export function checkBleuTokenizer(name: string): BleuTokenizerName {
  if (isBleuTokenizer(name)) return name;
  if (Object.hasOwn(UNAVAILABLE, name))
    throw new InputError(`BLEU tokenizer '${name}' needs ${UNAVAILABLE[name]}, which tqa does not have; use one of ${BLEU_TOKENIZER_NAMES.join(', ')}`);
  throw new InputError(`unknown BLEU tokenizer '${name}'; use one of ${BLEU_TOKENIZER_NAMES.join(', ')}`);
}

/** sacrebleu's BLEU tokenizer for a target language (BLEU._TOKENIZER_MAP: zh → zh, ja → ja-mecab,
 *  ko → ko-mecab, anything else 13a). Takes a BCP 47 tag; only the primary subtag counts ("zh-Hant" → zh). */
export function defaultTokenizer(targetLang?: string): string {
  const primary = (targetLang ?? '').toLowerCase().split(/[-_]/)[0]!;
  return primary === 'zh' ? 'zh' : primary === 'ja' ? 'ja-mecab' : primary === 'ko' ? 'ko-mecab' : '13a';
}

/** The tokenizer the audit's report uses for a target language: sacrebleu's default where tqa has it. For
 *  Japanese and Korean (MeCab, not available) it is `char`, which the signature shows (tok:char), since 13a
 *  would leave an unspaced sentence as one token. */
export function reportTokenizer(targetLang?: string): BleuTokenizerName {
  const t = defaultTokenizer(targetLang);
  return isBleuTokenizer(t) ? t : 'char';
}
