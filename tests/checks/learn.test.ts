import { describe, expect, it } from 'vitest';
import { learnRules } from '../../src/checks/learn.js';
import { applyLearnedRules, parseRulesFile } from '../../src/checks/learned.js';
import { phraseRegExp } from '../../src/checks/text.js';
import { checkDocument } from '../../src/checks/document.js';
import { LineIndex } from '../../src/io/lines.js';
import type { Category, DocumentReport, Finding } from '../../src/model.js';

/** A hand-made audited document: the MT and, for chosen occurrences of phrases, what the post-editor wrote. */
function audited(id: string, mt: string, fixes: Array<[string, string, Category?, number?]>): DocumentReport {
  const lines = new LineIndex(mt);
  const findings: Finding[] = fixes.map(([from, to, category = 'accuracy/mistranslation', nth = 1], i) => {
    let at = -1;
    for (let k = 0; k < nth; k++) at = mt.indexOf(from, at + 1);
    if (at < 0) throw new Error(`fixture: no "${from}" #${nth} in ${id}`);
    return {
      id: `${id}-${i}`,
      segment: 0,
      operation: to === '' ? 'delete' : 'replace',
      mt: lines.span(at, at + from.length),
      corrected: { ...lines.span(at, at), text: to, end: at + to.length },
      category,
      type: 'R:NOUN',
      severity: 'major',
      rule: 'fixture',
      message: 'fixture',
    };
  });
  const mqm = { preset: 'mqm-core' as const, penalty: 0, words: 1, perThousand: 0, score: 100, threshold: 95, pass: true };
  return {
    id,
    mt: { path: `${id}/mt.txt`, text: mt },
    corrected: { path: `${id}/corrected.txt`, text: '' },
    segments: [],
    findings,
    metrics: { hter: 0, ter: 0, chrf: 0, chrfpp: 0, bleu: 0, mqm, signatures: {} },
  };
}

const docs = [
  audited('a', 'President Volodyr Zelensky met the coalition of volunteers. Mr. Carney’s routes were secret.', [
    ['Volodyr', 'Volodymyr', 'locale-convention/name'],
    ['coalition of volunteers', 'Coalition of the Willing', 'terminology/wrong-term'],
    ['routes', 'itineraries'],
  ]),
  audited('b', 'Volodyr Zelensky spoke. The coalition of volunteers met; Volodyr left. Trade routes were closed.', [
    ['Volodyr', 'Volodymyr', 'locale-convention/name'],
    ['coalition of volunteers', 'Coalition of the Willing', 'terminology/wrong-term'],
    ['Volodyr', 'Volodymyr', 'locale-convention/name', 2],
  ]),
  audited('c', 'The very very big coalition of volunteers agreed. His routes changed.', [
    ['very ', ''],
    ['coalition of volunteers', 'Coalition of the Willing', 'terminology/wrong-term'],
    ['routes', 'itineraries'],
  ]),
];

describe('learnRules', () => {
  it('learns repeated substitutions with support, occurrences and the rate the post-editors applied them', () => {
    const file = learnRules(docs);
    const rules = file.rules.map((r) => [r.match, r.replacement, r.support, r.occurrences, r.applied, r.documents, r.category]);
    expect(rules).toEqual([
      ['coalition of volunteers', 'Coalition of the Willing', 3, 3, 1, 3, 'terminology/wrong-term'],
      ['Volodyr', 'Volodymyr', 3, 3, 1, 2, 'locale-convention/name'],
      // "routes" was corrected 2 times out of 3 ("Trade routes" was right).
      ['routes', 'itineraries', 2, 3, 0.667, 2, 'accuracy/mistranslation'],
    ]);
    expect(file.learnedFrom).toEqual({ documents: 3, findings: 9, decisions: false });
    expect(parseRulesFile(JSON.parse(JSON.stringify(file)), 'rules.json').rules).toHaveLength(3);
  });

  it('honours minSupport and minApplied', () => {
    expect(learnRules(docs, { minApplied: 0.9 }).rules.map((r) => r.match)).toEqual(['coalition of volunteers', 'Volodyr']);
    expect(learnRules(docs, { minSupport: 1 }).rules.map((r) => r.match)).toContain('very');
    expect(learnRules(docs, { minSupport: 4 }).rules).toEqual([]);
  });

  it('does not learn findings a reviewer rejected, and takes the reviewer’s category', () => {
    const reviewed = structuredClone(docs);
    for (const d of reviewed) {
      for (const f of d.findings) {
        if (f.mt.text === 'routes') f.decision = { status: 'rejected' };
        if (f.mt.text === 'Volodyr') f.decision = { status: 'accepted', category: 'fluency/spelling' };
      }
    }
    const rules = learnRules(reviewed, { decisions: true });
    expect(rules.rules.map((r) => r.match)).toEqual(['coalition of volunteers', 'Volodyr']);
    expect(rules.rules[1]!.category).toBe('fluency/spelling');
    expect(rules.learnedFrom.decisions).toBe(true);
  });

  it('refuses a malformed rules file', () => {
    expect(() => parseRulesFile({ tool: 'tqa', kind: 'baseline' }, 'r.json')).toThrow(/r\.json: not a tqa rules file: kind/);
  });
});

describe('applyLearnedRules', () => {
  const rules = learnRules(docs).rules;

  it('flags the patterns in new MT with the learned correction', () => {
    const mt = 'Volodyr Zelensky thanked the coalition of volunteers.\nThe routes of trade; Volodyrs is not a match.';
    const found = applyLearnedRules(mt, rules);
    expect(found.map((f) => [f.mt.line, f.mt.col, f.mt.text, f.suggestion, f.origin, f.category])).toEqual([
      [1, 1, 'Volodyr', 'Volodymyr', 'learned', 'locale-convention/name'],
      [1, 30, 'coalition of volunteers', 'Coalition of the Willing', 'learned', 'terminology/wrong-term'],
      [2, 5, 'routes', 'itineraries', 'learned', 'accuracy/mistranslation'],
    ]);
    expect(found[2]!.message).toBe('"routes" → "itineraries": post-editors made this correction 2 times (67% of 3 occurrences)');
    expect(found[0]!.corrected).toMatchObject({ start: 0, end: 0, text: 'Volodymyr' });
  });

  it('matches case-sensitively, whole words, across line breaks', () => {
    expect(phraseRegExp('coalition of volunteers').test('the coalition of\nvolunteers')).toBe(true);
    expect(phraseRegExp('Volodyr').test('volodyr')).toBe(false);
    expect(phraseRegExp('Volodyr').test('Volodyrs')).toBe(false);
    // The glossary's matcher is the same, case-insensitive; an edge that is punctuation needs no word boundary.
    expect([...'Volodyr, VOLODYR and Volodyrs'.matchAll(phraseRegExp('volodyr', { ignoreCase: true }))].map((m) => m.index)).toEqual([0, 9]);
    expect([...'see MM.Macron'.matchAll(phraseRegExp('MM.'))].map((m) => m[0])).toEqual(['MM.']);
  });

  it('run inside tqa check documents, winning over a check at the same place', () => {
    const doc = checkDocument({ id: 'x', mt: { path: 'x.txt', text: 'He met Volodyr Zelensky and the the press.' } }, { rules });
    expect(doc.findings.map((f) => [f.rule.split('/')[0], f.mt.text])).toEqual([
      ['learned', 'Volodyr'],
      ['check', ' the'],
    ]);
  });
});
