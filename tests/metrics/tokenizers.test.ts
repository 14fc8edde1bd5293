import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/io/errors.js';
import { BLEU_TOKENIZERS, checkBleuTokenizer, defaultTokenizer, reportTokenizer, terTokens } from '../../src/metrics/index.js';

// Expected strings are the output of sacrebleu 2.6.0's own tokenizer classes (TokenizerZh,
// TokenizerV14International, TokenizerChar, TercomTokenizer) on the same inputs, run from the v2.6.0 source.
const zh = (s: string): string => BLEU_TOKENIZERS.zh(s).join(' ');
const intl = (s: string): string => BLEU_TOKENIZERS.intl(s).join(' ');

describe('zh tokenizer (sacrebleu TokenizerZh)', () => {
  it('splits Chinese characters and CJK punctuation, tokenises the rest like 13a without padding', () => {
    expect(zh('我在2013年去了北京。')).toBe('我 在 2013 年 去 了 北 京 。');
    expect(zh('  他说:“你好，world!”  ')).toBe('他 说 : “ 你 好 ， world ! ”');
    expect(zh('ａｂｃ１２３')).toBe('ａ ｂ ｃ １ ２ ３');
  });

  it("reproduces sacrebleu's '\\u20000' range: U+2001..U+2A6D (€, curly quotes) split, CJK Extension B not", () => {
    expect(zh('Preis: 5€ — gut “ja” 𠀀x')).toBe('Preis : 5 € — gut “ ja ” 𠀀x');
  });
});

describe('intl tokenizer (sacrebleu TokenizerV14International)', () => {
  it('Unicode punctuation and symbols, but not between digits; a final "2013." stays whole', () => {
    expect(intl('Das kostet 1.000,50 € (ca.) – oder?')).toBe('Das kostet 1.000,50 € ( ca . ) – oder ?');
    expect(intl('Im Jahr 2013.')).toBe('Im Jahr 2013.');
    expect(intl("It's 3.14, e-mail (U.S.)")).toBe("It ' s 3.14 , e - mail ( U . S . )");
    expect(intl('“Quote” ½ ©2020 x²')).toBe('“ Quote ” ½ © 2020 x²');
  });
});

describe('char and none tokenizers', () => {
  it('char: every code point that is not Python whitespace (NBSP included), astral characters whole', () => {
    expect(BLEU_TOKENIZERS.char('a b\u00a0c😀')).toEqual(['a', 'b', 'c', '😀']);
  });
  it('none: a whitespace split only', () => {
    expect(BLEU_TOKENIZERS.none('a,b  c.')).toEqual(['a,b', 'c.']);
  });
});

describe('TER tokenizer options (sacrebleu TercomTokenizer)', () => {
  const ter = (s: string, o: Parameters<typeof terTokens>[1]): string => terTokens(s, o).join(' ');
  const en = "He's here, &amp; she isn't (yes)!";
  it('normalized: entities, punctuation and possessive split; case_sensitive keeps case', () => {
    expect(ter(en, { normalized: true })).toBe("he 's here , & she isn't ( yes ) !");
    expect(ter(en, { normalized: true, caseSensitive: true })).toBe("He 's here , & she isn't ( yes ) !");
  });
  it('no_punct removes . , ? : ; ! " ( ) only', () => {
    expect(ter(en, { noPunct: true })).toBe("he's here &amp she isn't yes");
  });
  it('asian_support acts only with normalized or no_punct', () => {
    const s = '「東京」、ＯＫ！';
    expect(ter(s, { asianSupport: true })).toBe('「東京」、ｏｋ！');
    expect(ter(s, { normalized: true })).toBe('「東京」、ｏｋ！');
    expect(ter(s, { normalized: true, asianSupport: true })).toBe('「 東 京 」 、 ｏｋ ！');
    expect(ter(s, { noPunct: true, asianSupport: true })).toBe('東京ｏｋ');
    expect(ter('我在2013年去了北京。', { normalized: true, asianSupport: true })).toBe('我 在 2013 年 去 了 北 京 。');
    expect(ter('我在2013年去了北京。', { noPunct: true, asianSupport: true })).toBe('我在2013年去了北京');
  });
  it("sacrebleu's kana rule anchors at the string start, so after normalisation a kana run stays whole", () => {
    expect(ter('ひらがな', { normalized: true, asianSupport: true })).toBe('ひらがな');
  });
});

describe('tokenizer names', () => {
  it("sacrebleu's default for a target language: zh for Chinese, MeCab ones for ja/ko, 13a otherwise", () => {
    expect(defaultTokenizer('zh')).toBe('zh');
    expect(defaultTokenizer('zh-Hant-TW')).toBe('zh');
    expect(defaultTokenizer('ja')).toBe('ja-mecab');
    expect(defaultTokenizer('ko_KR')).toBe('ko-mecab');
    expect(defaultTokenizer('de')).toBe('13a');
    expect(defaultTokenizer()).toBe('13a');
  });

  it('the report falls back to char where the default needs MeCab', () => {
    expect(reportTokenizer('zh-CN')).toBe('zh');
    expect(reportTokenizer('ja')).toBe('char');
    expect(reportTokenizer('fr')).toBe('13a');
  });

  it('MeCab and sentencepiece tokenizers are refused with one line naming what is missing', () => {
    for (const name of ['ja-mecab', 'ko-mecab', 'spm', 'flores101', 'flores200']) {
      expect(() => checkBleuTokenizer(name)).toThrow(InputError);
      expect(() => checkBleuTokenizer(name)).toThrow(new RegExp(`^BLEU tokenizer '${name}' needs .*(MeCab|sentencepiece).*; use one of 13a, intl, char, none, zh$`));
    }
    expect(() => checkBleuTokenizer('v14')).toThrow(/^unknown BLEU tokenizer 'v14'; use one of/);
    expect(checkBleuTokenizer('intl')).toBe('intl');
  });
});
