import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHRF_PP, chrfCorpus, chrfScoreFromStats, chrfSentence, chrfSentenceStats, chrfSignature, chrfWords } from '../../src/metrics/index.js';
import { pySplit } from '../../src/metrics/whitespace.js';
import { CORPUS, VECTORS } from './vectors.js';

describe('chrF / chrF++ against sacrebleu 2.6.0 vectors', () => {
  it.each(VECTORS.map((v) => [v.id, v.cat, v] as const))('vector %i (%s): statistics equal, scores bit-equal', (_id, _cat, v) => {
    expect(chrfSentenceStats(v.hyp, v.ref)).toEqual(v.detail.chrf_stats);
    expect(chrfSentenceStats(v.hyp, v.ref, CHRF_PP)).toEqual(v.detail.chrfpp_stats);
    expect(chrfSentence(v.hyp, v.ref)).toBe(v.chrf);
    expect(chrfSentence(v.hyp, v.ref, CHRF_PP)).toBe(v.chrfpp);
  });

  it('corpus scores from summed statistics, bit-equal', () => {
    const hyps = VECTORS.map((v) => v.hyp);
    const refs = VECTORS.map((v) => v.ref);
    expect(chrfCorpus(hyps, refs)).toBe(CORPUS.chrf);
    expect(chrfCorpus(hyps, refs, CHRF_PP)).toBe(CORPUS.chrfpp);
  });

  it('signatures as sacrebleu', () => {
    expect(chrfSignature()).toBe(CORPUS.signatures.chrf);
    expect(chrfSignature(CHRF_PP)).toBe(CORPUS.signatures.chrfpp);
  });
});

describe('chrF details', () => {
  it('splits one punctuation character off a word, the end first', () => {
    expect(chrfWords('"Hello, (hi) world! - x')).toEqual(['"Hello', ',', '(hi', ')', 'world', '!', '-', 'x']);
    // Lengths are in code points: an astral character alone is one token; next to punctuation it splits.
    expect(chrfWords('😀 😀, (😀 ¿qué? «no»')).toEqual(['😀', '😀', ',', '(', '😀', '¿qué', '?', '«no»']);
  });

  it('words equal sacrebleu _remove_punctuation written plainly (split, then one ASCII punctuation off the end, else the start)', () => {
    const punct = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    const plain = (line: string): string[] =>
      pySplit(line).flatMap((w) => {
        if (Array.from(w).length === 1) return [w];
        if (punct.includes(w.at(-1)!)) return [w.slice(0, -1), w.at(-1)!];
        if (punct.includes(w[0]!)) return [w[0]!, w.slice(1)];
        return [w];
      });
    const piece = fc.constantFrom('a', 'ab', '(', ')', ',', '.', '"', ' ', '  ', '\t', '\u00a0', '\u3000', '😀', '¿', '«', 'é', '\ud800', '-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const line = parts.join('');
        expect(chrfWords(line)).toEqual(plain(line));
      }),
      { numRuns: 5000 },
    );
  });

  it('counts code points, not UTF-16 units', () => {
    // 😀 is one code point (two UTF-16 units): 2 unigrams and 1 bigram per side.
    expect(chrfSentenceStats('a😀', 'a😀').slice(0, 6)).toEqual([2, 2, 2, 1, 1, 1]);
  });

  it('ignores hypothesis n-grams of an order the reference lacks; empty sides score 0', () => {
    expect(chrfSentenceStats('abc', 'a').slice(3, 6)).toEqual([0, 0, 0]);
    expect(chrfSentence('', 'abc')).toBe(0);
    expect(chrfSentence('abc', '')).toBe(0);
    expect(chrfSentence('same text', 'same text')).toBe(100);
  });

  it('eps smoothing averages per-order F instead (signature eff:no)', () => {
    const stats = chrfSentenceStats('the cat', 'the cats');
    expect(chrfScoreFromStats(stats, { epsSmoothing: true })).not.toBe(chrfScoreFromStats(stats));
    expect(chrfSignature({ epsSmoothing: true })).toContain('eff:no');
  });
});
