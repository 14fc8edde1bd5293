import { describe, expect, it } from 'vitest';
import { bleuCorpus, bleuSentence, bleuSentenceStats, bleuSignature, computeBleu, tokenize13a } from '../../src/metrics/index.js';
import { CORPUS, VECTORS } from './vectors.js';

// sacrebleu's floats come from glibc's log/exp; V8's differ in the last ulp on some inputs, so scores are
// compared within 1e-9 (on the 0–100 scale) and the integer statistics exactly.
const TOL = 1e-9;

describe('BLEU against sacrebleu 2.6.0 vectors', () => {
  it.each(VECTORS.map((v) => [v.id, v.cat, v] as const))('vector %i (%s): statistics equal, sentence BLEU within 1e-9', (_id, _cat, v) => {
    const b = bleuSentence(v.hyp, v.ref);
    const d = v.detail.bleu;
    expect(b.correct).toEqual(d.counts);
    expect(b.total).toEqual(d.totals);
    expect(b.sysLen).toBe(d.sys_len);
    expect(b.refLen).toBe(d.ref_len);
    expect(Math.abs(b.bp - d.bp)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(b.score - v.bleu)).toBeLessThanOrEqual(TOL);
  });

  it('corpus BLEU: summed statistics equal, score within 1e-9', () => {
    const c = bleuCorpus(
      VECTORS.map((v) => v.hyp),
      VECTORS.map((v) => v.ref),
    );
    expect(c.correct).toEqual(CORPUS.bleu_detail.counts);
    expect(c.total).toEqual(CORPUS.bleu_detail.totals);
    expect(c.sysLen).toBe(CORPUS.bleu_detail.sys_len);
    expect(c.refLen).toBe(CORPUS.bleu_detail.ref_len);
    expect(Math.abs(c.score - CORPUS.bleu)).toBeLessThanOrEqual(TOL);
  });

  it('signatures as sacrebleu (corpus: eff:no, sentence: eff:yes)', () => {
    expect(bleuSignature()).toBe(CORPUS.signatures.bleu);
    expect(bleuSignature({ sentence: true })).toBe(CORPUS.signatures.bleu_sentence);
  });
});

describe('BLEU details', () => {
  it('13a tokeniser: the example from the spec', () => {
    expect(tokenize13a("It's 3.14, e-mail (U.S.) pages 2-3, 1,000.50 end.")).toBe("It's 3.14 , e-mail ( U . S . ) pages 2 - 3 , 1,000.50 end .");
  });

  it('13a tokeniser: entities, <skipped>, hyphenated line breaks', () => {
    expect(tokenize13a('a &amp;lt; b')).toBe('a < b');
    expect(tokenize13a('tele-\nvision<skipped> ok')).toBe('television ok');
  });

  it('effective order for sentences, none for the corpus: a 3-token hypothesis', () => {
    const stats = bleuSentenceStats('a b c', 'a b c d');
    expect(computeBleu(stats, { effectiveOrder: true }).score).toBeCloseTo(71.65313105737893, 12);
    expect(computeBleu(stats).score).toBe(0);
  });

  it('exp smoothing halves the pseudo-count for each further zero order', () => {
    const b = computeBleu({ correct: [3, 0, 0, 0], total: [4, 3, 2, 1], sysLen: 4, refLen: 4 });
    expect(b.precisions).toEqual([75, 100 / 6, 100 / 8, 100 / 8]);
  });
});
