// Properties of the whole pipeline (auditDocument), on top of the per-module tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDecisions, auditDocument } from '../../src/audit.js';
import { applyEdits } from '../../src/edits/apply.js';
import type { Glossary } from '../../src/model.js';

const WORDS = ['the', 'coalition', 'of', 'volunteers', 'Willing', 'security', 'safety', 'guarantees', 'NATO', 'talks', 'three', 'a', 'Mr.', 'said', 'Ukraine', ',', '.', '“', '”', 'large-scale', 'Zelensky'];
const GLOSSARY: Glossary = [
  { term: 'Coalition of the Willing', forbidden: ['coalition of volunteers'] },
  { term: 'security guarantees', forbidden: ['safety guarantees'] },
];

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const text = fc
  .array(fc.tuple(sentence, fc.constantFrom('. ', '.\n', '\n', ' ')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([s, sep]) => s + sep).join('').trimEnd());

const audit = (mt: string, corrected: string, glossary?: Glossary) =>
  auditDocument({ mt: { path: 'mt.txt', text: mt }, corrected: { path: 'corrected.txt', text: corrected }, ...(glossary ? { glossary } : {}) });

describe('auditDocument', () => {
  it('applying every finding to the MT gives the correction exactly (with and without a glossary)', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (mt, corrected, withGlossary) => {
        const doc = audit(mt, corrected, withGlossary ? GLOSSARY : undefined);
        expect(applyEdits(mt, doc.findings)).toBe(corrected);
        for (const f of doc.findings) {
          expect(f.mt.start).toBeGreaterThanOrEqual(0);
          expect(f.mt.end).toBeLessThanOrEqual(mt.length);
          expect(mt.slice(f.mt.start, f.mt.end)).toBe(f.mt.text);
          expect(corrected.slice(f.corrected.start, f.corrected.end)).toBe(f.corrected.text);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finds nothing and scores HTER 0 when a text is audited against itself', () => {
    fc.assert(
      fc.property(text, (t) => {
        const doc = audit(t, t, GLOSSARY);
        expect(doc.findings).toEqual([]);
        expect(doc.metrics.hter).toBe(0);
        expect(doc.metrics.mqm.penalty).toBe(0);
        expect(doc.metrics.mqm.pass).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('joins the edits inside one glossary term into one finding', () => {
    const doc = audit('The coalition of volunteers met.', 'The Coalition of the Willing met.', GLOSSARY);
    expect(doc.findings.map((f) => [f.mt.text, f.corrected.text, f.category])).toEqual([
      ['coalition of volunteers', 'Coalition of the Willing', 'terminology/wrong-term'],
    ]);
  });

  it('recomputes the MQM-based score from reviewer decisions', () => {
    const doc = audit('Volodyr Zelensky met the the leaders.', 'Volodymyr Zelensky met the leaders.');
    const before = doc.metrics.mqm;
    expect(before.penalty).toBeGreaterThan(0);
    const rejected = applyDecisions(doc, new Map(doc.findings.map((f) => [f.id, { status: 'rejected' as const }])));
    expect(rejected.metrics.mqm.penalty).toBe(0);
    expect(rejected.findings.every((f) => f.decision?.status === 'rejected')).toBe(true);
    const critical = applyDecisions(doc, new Map([[doc.findings[0]!.id, { status: 'accepted' as const, severity: 'critical' as const }]]));
    expect(critical.metrics.mqm.pass).toBe(false);
    expect(critical.metrics.mqm.penalty).toBeGreaterThan(before.penalty);
  });
});

describe('glossary joins next to moves', () => {
  it('never joins over the landing point of a moved phrase', () => {
    // "the" moves into the middle of the term occurrence; the joined edit would swallow its landing point.
    const mt = 'The work that the coalition of volunteers is doing.';
    const corrected = 'The work that coalition of the volunteers is doing.';
    const doc = audit(mt, corrected, [{ term: 'coalition of the volunteers', forbidden: ['coalition of volunteers'] }]);
    expect(applyEdits(mt, doc.findings)).toBe(corrected);
  });
});
