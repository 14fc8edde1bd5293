// `tqa learn --stems`: rules that generalise beyond the exact strings corrected — every form of a word the
// post-editors kept changing (the target pack's stemmer), and the class of words the target dictionary does
// not know. Learned from real post-edits (MLQE-PE ro-en dev, tests/fixtures/mlqe-pe, CC0: Wikipedia sentences
// machine-translated into English, professionally post-edited) and checked on held-out sentences of the same
// engine against their gold word tags (BAD = the post-editor changed the word). bench/learn.ts has the figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../src/audit.js';
import { learnRules } from '../../src/checks/learn.js';
import { applyLearnedRules, parseRulesFile } from '../../src/checks/learned.js';
import type { DocumentReport, Finding } from '../../src/model.js';

const root = new URL('../fixtures/mlqe-pe/ro-en-dev/', import.meta.url);
const lines = (f: string) => readFileSync(new URL(f, root), 'utf8').replace(/\n$/, '').split('\n');
const mt = lines('dev.mt');
const pe = lines('dev.pe');
const tags = lines('dev.tags').map((l) => l.split(' ').filter((_, i) => i % 2 === 1));

// Learn on the first 500 sentences; check the last 300.
const learnDoc: DocumentReport = auditDocument(
  { mt: { path: 'learn.mt', text: mt.slice(0, 500).join('\n') }, corrected: { path: 'learn.pe', text: pe.slice(0, 500).join('\n') }, id: 'learn' },
  { segmentation: 'lines' },
);
const heldMt = mt.slice(700).join('\n');
const heldTags = tags.slice(700);

/** Precision of findings against the held-out gold tags: BAD words among the MT tokens the findings overlap. */
function precision(findings: Finding[]): { flagged: number; bad: number; badRate: number } {
  let offset = 0;
  let flagged = 0;
  let bad = 0;
  let allBad = 0;
  let all = 0;
  heldMt.split('\n').forEach((line, i) => {
    let pos = offset;
    line.split(' ').forEach((tok, j) => {
      const s = pos;
      const e = pos + tok.length;
      const isBad = heldTags[i]![j] === 'BAD';
      all++;
      if (isBad) allBad++;
      if (findings.some((f) => f.mt.start < e && s < f.mt.end)) {
        flagged++;
        if (isBad) bad++;
      }
      pos = e + 1;
    });
    offset += line.length + 1;
  });
  return { flagged, bad, badRate: allBad / all };
}

describe('tqa learn --stems on real post-edits', () => {
  const exact = learnRules([learnDoc]).rules;
  const general = learnRules([learnDoc], { stems: true }).rules;

  it('learns word rules by stem and a class rule besides the exact ones, valid in a rules file', () => {
    expect(general.length).toBeGreaterThan(exact.length);
    const stems = general.filter((r) => r.stem !== undefined);
    expect(stems.length).toBeGreaterThan(5);
    // Every stem rule counts changes of its word in any form, in at least half of the word's occurrences.
    for (const r of stems) {
      expect(r.support).toBeGreaterThanOrEqual(2);
      expect(r.applied).toBeGreaterThanOrEqual(0.5);
      expect(r.language).toBe('en');
    }
    // Romanian words left in the English MT ("dinastia", "dischetele"): the post-editors changed most words
    // the English dictionary does not know.
    const cls = general.find((r) => r.wordClass === 'unknown-word');
    expect(cls?.applied).toBeGreaterThan(0.5);
    expect(() => parseRulesFile(JSON.parse(JSON.stringify({ tool: 'tqa', kind: 'learned-rules', version: 1, learnedFrom: { documents: 1, findings: 1, decisions: false }, options: { minSupport: 2, minApplied: 0.5 }, rules: general })), 'rules.json')).not.toThrow();
  });

  it('flags more of the held-out MT than the exact rules, and well above the held-out BAD rate', () => {
    const before = precision(applyLearnedRules(heldMt, exact));
    const after = precision(applyLearnedRules(heldMt, general));
    expect(after.flagged).toBeGreaterThan(3 * Math.max(1, before.flagged));
    // Random flags would be right at the BAD rate (~18%); the learned rules are right at least twice as often.
    expect(after.bad / after.flagged).toBeGreaterThan(2 * after.badRate);
  });

  it('a stem rule matches other forms of its word and says which form it learned from', () => {
    const rule = general.find((r) => r.stem !== undefined)!;
    const found = applyLearnedRules(`The ${rule.match} was there.`, [rule]);
    expect(found.map((f) => f.mt.text)).toEqual([rule.match]);
    expect(found[0]!.suggestion).toBe(rule.replacement);
    // A hand-made rule for "occupied" (stem "occupi"): "occupies" and "occupying" are forms of it; "occupation" is not.
    const occupied = { ...rule, match: 'occupied', replacement: 'held', stem: 'occupi', language: 'en' };
    const hits = applyLearnedRules('It occupies the hill; occupying it was an occupation.', [occupied]);
    expect(hits.map((f) => [f.mt.text, f.suggestion ?? null])).toEqual([
      ['occupies', null],
      ['occupying', null],
    ]);
    expect(hits[0]!.message).toContain('(a form of "occupied")');
  });
});
