import { describe, expect, it } from 'vitest';
import { CorpusAccumulator, metricSignatures, scorePair, scorePairs } from '../../src/metrics/index.js';
import { isPyWhitespace, isPyWhitespaceCode, pyRemoveWhitespace, pyRstrip, pySplit } from '../../src/metrics/whitespace.js';
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
