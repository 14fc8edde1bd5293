import { describe, expect, it } from 'vitest';
import { classifyEdits } from '../../../src/classify/index.js';
import { parseGlossary } from '../../../src/io/glossary.js';
import { classifyBetween, diffEdits } from '../make-edit.js';

// The seed's glossary (texts/ukraine-security-guarantees/glossary.tsv), copied so tests don't depend on it.
const glossary = parseGlossary(
  [
    'term\tforbidden',
    'Coalition of the Willing\tcoalition of volunteers|Volunteer coalition|volunteer coalition|coalition of the volunteers',
    'NATO\tOTAN',
    'Volodymyr Zelensky\tVolodyr Zelensky|Volodimir Zelensky',
    'security guarantees\tsafety guarantees',
    'three-way talks\ttalks to three|three talks',
  ].join('\n'),
  'glossary.tsv',
);

describe('glossary', () => {
  it('a forbidden variant at the edit is terminology/wrong-term, major', () => {
    const r = classifyBetween(
      'enabled the creation of the Volunteer coalition\na group of countries',
      'enabled the creation of the Coalition of the Willing, a group of countries',
      { glossary },
    );
    expect([r.rule, r.category, r.severity]).toEqual(['glossary', 'terminology/wrong-term', 'major']);
    expect(r.message).toContain('glossary requires "Coalition of the Willing", not "Volunteer coalition"');
  });

  it('every piece of a multi-edit correction that touches the variant is terminology', () => {
    const c = diffEdits(
      'The work that the coalition of volunteers is currently accomplished is',
      'The work that the Coalition of the Willing is currently accomplishing is',
      { glossary },
    );
    const res = classifyEdits(c.edits, c.ctx);
    const byText = Object.fromEntries(c.edits.map((e, i) => [e.mt.text, res[i]!]));
    expect(byText['coalition of volunteers']?.rule ?? byText['volunteers']?.rule).toBe('glossary');
    expect(byText['accomplished']?.rule).toBe('en/grammar'); // outside the term: not terminology
  });

  it('"safety" → "security" inside "safety guarantees" (across a line break) is terminology', () => {
    const r = classifyBetween('discuss robust safety guarantees\nfor Ukraine', 'discuss robust security guarantees\nfor Ukraine', { glossary });
    expect([r.rule, r.category]).toEqual(['glossary', 'terminology/wrong-term']);
  });

  it('the correction brings in a term the MT segment lacks', () => {
    const r = classifyBetween('they discuss robust guarantees for Ukraine', 'they discuss robust security guarantees for Ukraine', { glossary });
    expect([r.rule, r.category, r.severity]).toEqual(['glossary', 'terminology/wrong-term', 'major']);
    expect(r.message).toContain('glossary term "security guarantees" missing from the MT');
  });

  it('names come first: "theTake" → "NATO" is decided by en/name (which sees the run-together token)', () => {
    const r = classifyBetween('the military alliance of theTake in July 2023.', 'the military alliance of NATO in July 2023.', { glossary });
    expect([r.rule, r.category, r.severity]).toEqual(['en/name', 'accuracy/mistranslation', 'major']);
  });

  it('"talks to three" → "three-way talks" (the seed) is terminology', () => {
    const r = classifyBetween('and that talks to three would follow.', 'and that three-way talks would follow.', { glossary });
    expect([r.rule, r.category]).toEqual(['glossary', 'terminology/wrong-term']);
  });

  it('without a glossary, or away from any term, the rule stays silent', () => {
    expect(classifyBetween('discuss safety guarantees', 'discuss security guarantees').rule).not.toBe('glossary');
    expect(classifyBetween('the coalition of volunteers met in Paris', 'the coalition of volunteers met in Rome', { glossary }).rule).not.toBe('glossary');
  });
});

describe('glossary: inflected terms', () => {
  it('a plural of a variant or term still matches', () => {
    const g = parseGlossary('security guarantee\tsafety guarantee', 'g.tsv');
    const r = classifyBetween('they discuss safety guarantees for Ukraine', 'they discuss security guarantees for Ukraine', { glossary: g });
    expect([r.rule, r.category]).toEqual(['glossary', 'terminology/wrong-term']);
  });
});
