import { describe, expect, it } from 'vitest';
import {
  bleuCorpus,
  bleuSentence,
  bleuSignature,
  chrfCorpus,
  chrfSentence,
  chrfSentenceStats,
  chrfSignature,
  sumStats,
  terCorpus,
  terSentence,
  terSignature,
} from '../../src/metrics/index.js';
import { bleuOptionsFromPy, chrfOptionsFromPy, terOptionsFromPy } from '../../src/metrics/py-options.js';
import { OPTION_CORPUS, OPTION_RECORDS, type OptionRecord } from './option-vectors.js';

// sacrebleu 2.6.0 with its keyword arguments (BLEU(**options), CHRF(**options), TER(**options)): TER and chrF
// must be bit-equal, BLEU within 1e-9 (V8's log/exp are not glibc's). Records are grouped by (language, metric,
// options) so that a failure names the option set and lists the ids that differ.
const TOL = 1e-9;

function sentenceScore(r: OptionRecord): { score: number; edits?: number; refLength?: number } {
  if (r.metric === 'bleu') return { score: bleuSentence(r.hyp, r.ref, bleuOptionsFromPy(r.options)).score };
  if (r.metric === 'chrf') return { score: chrfSentence(r.hyp, r.ref, chrfOptionsFromPy(r.options)) };
  const t = terSentence(r.hyp, r.ref, terOptionsFromPy(r.options));
  return { score: t.score, edits: t.edits, refLength: t.refLength };
}

const groups = new Map<string, OptionRecord[]>();
for (const r of OPTION_RECORDS) {
  const key = `${r.lang} ${r.metric} ${JSON.stringify(r.options)}`;
  groups.set(key, [...(groups.get(key) ?? []), r]);
}

describe('sacrebleu 2.6.0 option vectors (sentence records)', () => {
  it('the file holds 11,429 records in 107 option sets over en, de and zh', () => {
    expect(OPTION_RECORDS.length).toBe(11429);
    expect(groups.size).toBe(107);
    expect(new Set(OPTION_RECORDS.map((r) => r.lang))).toEqual(new Set(['en', 'de', 'zh']));
  });

  it.each([...groups.entries()])('%s', (_key, recs) => {
    const wrong: number[] = [];
    for (const r of recs) {
      const s = sentenceScore(r);
      const ok =
        r.metric === 'bleu'
          ? Math.abs(s.score - r.score) <= TOL
          : s.score === r.score && (r.metric !== 'ter' || (s.edits === r.ter_edits && s.refLength === r.ter_ref_len));
      if (!ok) wrong.push(r.id);
    }
    expect(wrong).toEqual([]);
  });
});

describe('sacrebleu 2.6.0 corpus scores per option set (option-corpus.jsonl, made by sacrebleu from the same sentences)', () => {
  const byId = new Map(OPTION_RECORDS.map((r) => [r.id, r]));

  it('one corpus record per option set, covering every sentence record once', () => {
    expect(OPTION_CORPUS.length).toBe(groups.size);
    const ids = OPTION_CORPUS.flatMap((c) => c.ids.map((id) => `${c.metric} ${JSON.stringify(c.options)} ${id}`));
    expect(new Set(ids).size).toBe(OPTION_RECORDS.length);
  });

  it.each(OPTION_CORPUS.map((c) => [`${c.lang} ${c.metric} ${JSON.stringify(c.options)}`, c] as const))('%s', (_key, c) => {
    const recs = c.ids.map((id) => byId.get(id)!);
    const hyps = recs.map((r) => r.hyp);
    const refs = recs.map((r) => r.ref);
    if (c.metric === 'bleu') {
      const o = bleuOptionsFromPy(c.options);
      const b = bleuCorpus(hyps, refs, o);
      expect([b.correct, b.total, b.sysLen, b.refLen]).toEqual([c.counts, c.totals, c.sys_len, c.ref_len]);
      expect(Math.abs(b.score - c.score)).toBeLessThanOrEqual(TOL);
      expect(bleuSignature(o)).toBe(c.signature);
    } else if (c.metric === 'chrf') {
      const o = chrfOptionsFromPy(c.options);
      expect(sumStats(recs.map((r) => chrfSentenceStats(r.hyp, r.ref, o)))).toEqual(c.stats);
      expect(chrfCorpus(hyps, refs, o)).toBe(c.score);
      expect(chrfSignature(o)).toBe(c.signature);
    } else {
      const o = terOptionsFromPy(c.options);
      const t = terCorpus(hyps, refs, o);
      expect([t.edits, t.refLength]).toEqual([c.ter_edits, c.ter_ref_len]);
      expect(t.score).toBe(c.score);
      expect(terSignature(o)).toBe(c.signature);
    }
  });
});
