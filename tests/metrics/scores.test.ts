import { describe, expect, it } from 'vitest';
import { CorpusAccumulator, metricSignatures, scorePair, scorePairs } from '../../src/metrics/index.js';
import { isPyWhitespace, isPyWhitespaceCode, pyRemoveWhitespace, pyRstrip, pySplit } from '../../src/metrics/whitespace.js';
import { OPTION_RECORDS } from './option-vectors.js';
import { CORPUS, VECTORS } from './vectors.js';

describe('combined pair and corpus scores (the pipeline API)', () => {
  const hyps = VECTORS.map((v) => v.hyp);
  const refs = VECTORS.map((v) => v.ref);

  it('scorePairs gives every sentence metric and the corpus record', () => {
    const { pairs, corpus } = scorePairs(hyps, refs);
    pairs.forEach((p, i) => {
      const v = VECTORS[i]!;
      expect([p.ter, p.terEdits, p.terRefLength, p.chrf, p.chrfpp]).toEqual([v.ter, v.ter_edits, v.ter_ref_len, v.chrf, v.chrfpp]);
      expect(Math.abs(p.bleu - v.bleu)).toBeLessThanOrEqual(1e-9);
      expect(p.hter).toBe(Math.min(1, v.ter_ref_len > 0 ? v.ter_edits / v.ter_ref_len : v.ter_edits > 0 ? 1 : 0));
    });
    expect([corpus.ter, corpus.terEdits, corpus.terRefLength, corpus.chrf, corpus.chrfpp]).toEqual([
      CORPUS.ter,
      CORPUS.ter_edits,
      CORPUS.ter_ref_len,
      CORPUS.chrf,
      CORPUS.chrfpp,
    ]);
    expect(Math.abs(corpus.bleu - CORPUS.bleu)).toBeLessThanOrEqual(1e-9);
    expect(corpus.hter).toBe(CORPUS.ter_edits / CORPUS.ter_ref_len);
    expect(corpus.signatures).toEqual(CORPUS.signatures);
    expect(metricSignatures()).toEqual(CORPUS.signatures);
  });

  it('CorpusAccumulator (pair by pair) equals scorePairs', () => {
    const acc = new CorpusAccumulator();
    const one = VECTORS.slice(0, 20).map((v) => acc.add(v.hyp, v.ref));
    const all = scorePairs(hyps.slice(0, 20), refs.slice(0, 20));
    expect(one).toEqual(all.pairs);
    expect(acc.result()).toEqual(all.corpus);
    expect(scorePair(hyps[3]!, refs[3]!)).toEqual(all.pairs[3]);
  });

  it('an empty corpus scores 0 everywhere', () => {
    const { pairs, corpus } = scorePairs([], []);
    expect(pairs).toEqual([]);
    expect([corpus.ter, corpus.chrf, corpus.chrfpp, corpus.bleu, corpus.hter]).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("Python's whitespace", () => {
  it('is exactly the documented set (not JS \\s)', () => {
    const py = [
      ...[0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680],
      ...Array.from({ length: 11 }, (_, i) => 0x2000 + i),
      ...[0x2028, 0x2029, 0x202f, 0x205f, 0x3000],
    ];
    const found: number[] = [];
    const foundCode: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isPyWhitespace(String.fromCharCode(c))) found.push(c);
      if (isPyWhitespaceCode(c)) foundCode.push(c);
    }
    expect(found).toEqual(py);
    expect(foundCode).toEqual(py);
    expect(pyRemoveWhitespace('a \u0085b\u3000c')).toBe('abc');
    expect(isPyWhitespace('\ufeff')).toBe(false);
    expect(isPyWhitespace('\u200b')).toBe(false);
  });

  it('split and rstrip behave like str.split() and str.rstrip()', () => {
    expect(pySplit('\u0085 a\u001fb \ufeff ')).toEqual(['a', 'b', '\ufeff']);
    expect(pySplit('   ')).toEqual([]);
    expect(pyRstrip('a b \u3000\u00a0')).toBe('a b');
    expect(pyRstrip('a\ufeff')).toBe('a\ufeff');
  });
});

describe('scores for a target language and with sacrebleu options', () => {
  const zh = OPTION_RECORDS.filter((r) => r.lang === 'zh' && r.metric === 'bleu' && r.options.tokenize === 'zh' && r.options.lowercase === false);

  it("a Chinese target gets sacrebleu's zh BLEU tokenizer: the zh vectors' sentence BLEU, signature tok:zh", () => {
    expect(zh.length).toBe(75);
    const { pairs, corpus } = scorePairs(
      zh.map((r) => r.hyp),
      zh.map((r) => r.ref),
      { targetLang: 'zh-CN' },
    );
    zh.forEach((r, i) => expect(Math.abs(pairs[i]!.bleu - r.score)).toBeLessThanOrEqual(1e-9));
    expect(corpus.signatures.bleu).toBe('nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:2.6.0');
    // 13a on the same text differs (the vectors would not be matched by the default): the option matters.
    const plain = scorePairs(zh.map((r) => r.hyp), zh.map((r) => r.ref));
    expect(plain.pairs.filter((p, i) => Math.abs(p.bleu - zh[i]!.score) > 1e-9).length).toBeGreaterThan(10);
  });

  it('Japanese and Korean (MeCab not available) use char, and the signature says so', () => {
    expect(metricSignatures({ targetLang: 'ja' }).bleu_sentence).toBe('nrefs:1|case:mixed|eff:yes|tok:char|smooth:exp|version:2.6.0');
    expect(metricSignatures({ targetLang: 'de' })).toEqual(metricSignatures());
  });

  it('chrF and TER options reach both chrF and chrF++ and TER, and their signatures', () => {
    const r = OPTION_RECORDS.find((x) => x.metric === 'chrf' && x.options.lowercase === true && x.options.word_order === 0 && x.options.char_order === 6 && x.options.beta === 2 && x.ref !== '' && x.hyp !== x.ref)!;
    const s = scorePair(r.hyp, r.ref, { chrf: { lowercase: true } });
    expect(s.chrf).toBe(r.score);
    const pp = OPTION_RECORDS.find((x) => x.lang === r.lang && x.pair === r.pair && x.metric === 'chrf' && x.options.lowercase === true && x.options.word_order === 2 && x.options.beta === 2)!;
    expect(s.chrfpp).toBe(pp.score);
    const sig = metricSignatures({ chrf: { lowercase: true }, ter: { noPunct: true } });
    expect([sig.chrf, sig.chrfpp, sig.ter]).toEqual([
      'nrefs:1|case:lc|eff:yes|nc:6|nw:0|space:no|version:2.6.0',
      'nrefs:1|case:lc|eff:yes|nc:6|nw:2|space:no|version:2.6.0',
      'nrefs:1|case:lc|tok:tercom|norm:no|punct:no|asian:no|version:2.6.0',
    ]);
  });
});
