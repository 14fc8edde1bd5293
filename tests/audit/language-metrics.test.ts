import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../src/audit.js';

// sacrebleu picks its tokenizer by target language (zh for Chinese). The audit's per-segment BLEU of a Chinese
// document must then be sacrebleu's sentence BLEU with tokenize="zh": the expected numbers are sacrebleu 2.6.0's
// own (tests/fixtures/metrics/option-vectors.jsonl), not this code's.
const records = readFileSync(new URL('../fixtures/metrics/option-vectors.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { lang: string; metric: string; options: Record<string, unknown>; hyp: string; ref: string; score: number })
  .filter((r) => r.lang === 'zh' && r.metric === 'bleu' && r.options.tokenize === 'zh' && r.options.lowercase === false && !r.hyp.includes('\n') && !r.ref.includes('\n'))
  .slice(0, 20);

describe('metrics in the target language', () => {
  it('scores a Chinese document with sacrebleu\'s zh tokenizer and says so in the signature', () => {
    expect(records.length).toBe(20);
    const mt = records.map((r) => r.hyp.trim()).join('\n');
    const corrected = records.map((r) => r.ref.trim()).join('\n');
    const doc = auditDocument({ mt: { path: 'mt.txt', text: mt }, corrected: { path: 'pe.txt', text: corrected } }, { segmentation: 'lines', targetLang: 'zh' });
    expect(doc.metrics.signatures.bleu).toContain('tok:zh');
    expect(doc.segments).toHaveLength(records.length);
    doc.segments.forEach((s, i) => expect(Math.abs(s.metrics.bleu - records[i]!.score)).toBeLessThan(1e-9));
  });

  it('keeps 13a for an English document', () => {
    const doc = auditDocument({ mt: { path: 'mt.txt', text: 'The cat sat.' }, corrected: { path: 'pe.txt', text: 'The cat sat down.' } }, { targetLang: 'en' });
    expect(doc.metrics.signatures.bleu).toContain('tok:13a');
  });
});
