import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/io/errors.js';
import { bleuOptionsFromPy, chrfOptionsFromPy, terOptionsFromPy } from '../../src/metrics/index.js';

describe("sacrebleu keyword arguments → options (BLEU(...), CHRF(...), TER(...))", () => {
  it("BLEU: sacrebleu's defaults (13a, exp, no effective order); trg_lang picks the tokenizer", () => {
    expect(bleuOptionsFromPy({})).toEqual({ tokenize: '13a', smooth: 'exp', effectiveOrder: false });
    expect(bleuOptionsFromPy({ trg_lang: 'zh' }).tokenize).toBe('zh');
    expect(bleuOptionsFromPy({ trg_lang: 'zh', tokenize: 'intl' }).tokenize).toBe('intl');
    expect(bleuOptionsFromPy({ smooth_method: 'add-k', smooth_value: 2, max_ngram_order: 2, lowercase: true, effective_order: true, force: true })).toEqual({
      tokenize: '13a',
      smooth: 'add-k',
      smoothValue: 2,
      maxNgramOrder: 2,
      lowercase: true,
      effectiveOrder: true,
    });
  });

  it('chrF and TER map to their fields', () => {
    expect(chrfOptionsFromPy({ char_order: 4, word_order: 2, beta: 1, lowercase: true, whitespace: true, eps_smoothing: true })).toEqual({
      charOrder: 4,
      wordOrder: 2,
      beta: 1,
      lowercase: true,
      whitespace: true,
      epsSmoothing: true,
    });
    expect(terOptionsFromPy({ normalized: true, no_punct: true, asian_support: true, case_sensitive: true })).toEqual({
      normalized: true,
      noPunct: true,
      asianSupport: true,
      caseSensitive: true,
    });
  });

  it('anything sacrebleu would reject or tqa cannot reproduce is an InputError naming the option', () => {
    const bad: Array<[() => unknown, RegExp]> = [
      [() => bleuOptionsFromPy({ trg_lang: 'ja' }), /^BLEU tokenizer 'ja-mecab' needs MeCab/],
      [() => bleuOptionsFromPy({ smooth_method: 'add-one' }), /^bleu option "smooth_method" must be one of none, floor, add-k, exp$/],
      [() => bleuOptionsFromPy({ max_ngram_order: 2.5 }), /^bleu option "max_ngram_order" must be an integer from 1 to 100$/],
      [() => bleuOptionsFromPy({ smooth_value: 'x' }), /^bleu option "smooth_value" must be a number ≥ 0$/],
      [() => bleuOptionsFromPy({ ngram: 4 }), /^unknown bleu option "ngram"; bleu takes lowercase, force, tokenize/],
      [() => chrfOptionsFromPy({ char_order: 0, word_order: 0 }), /cannot both be 0/],
      [() => chrfOptionsFromPy({ lowercase: 1 }), /^chrf option "lowercase" must be true or false$/],
      [() => terOptionsFromPy({ normalise: true }), /^unknown ter option "normalise"/],
    ];
    for (const [fn, msg] of bad) {
      expect(fn).toThrow(InputError);
      expect(fn).toThrow(msg);
    }
  });
});
