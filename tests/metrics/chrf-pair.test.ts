import { describe, expect, it } from 'vitest';
import { chrfPairStats } from '../../src/metrics/chrf.js';
import { VECTORS } from './vectors.js';

// chrfPairStats counts the character n-grams once for chrF and chrF++ (a speed-up of the audit's scoring):
// both halves must equal sacrebleu's statistics for every vector.
describe('chrfPairStats (chrF and chrF++ from one character pass)', () => {
  it.each(VECTORS.map((v) => [v.id, v.cat, v] as const))('vector %i (%s): both statistics equal sacrebleu', (_id, _cat, v) => {
    const { chrf, chrfpp } = chrfPairStats(v.hyp, v.ref);
    expect(chrf).toEqual(v.detail.chrf_stats);
    expect(chrfpp).toEqual(v.detail.chrfpp_stats);
  });
});
