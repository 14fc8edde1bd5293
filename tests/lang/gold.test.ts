// Small German, French and Spanish gold pairs (MT → post-edit), written for these tests like the English seed:
// each line one change a reviewer would name, with the category and rule a reviewer would expect from a pack
// that has a dictionary and a stemmer but no tagger.
import { describe, expect, it, vi } from 'vitest';
import { auditDocument } from '../../src/audit.js';

// Building a Hunspell speller (de, fr, es) or kuromoji's dictionary takes seconds, more on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

interface Gold {
  mt: string;
  pe: string;
  /** Expected findings of the line: [MT text, corrected text, category, rule]. */
  expect: Array<[string, string, string, string]>;
}

function audit(lang: string, gold: Gold[]) {
  const r = auditDocument(
    { mt: { path: 'mt.txt', text: gold.map((g) => g.mt).join('\n') }, corrected: { path: 'pe.txt', text: gold.map((g) => g.pe).join('\n') } },
    { targetLang: lang, segmentation: 'lines' },
  );
  return r;
}

function expectGold(lang: string, gold: Gold[]) {
  const r = audit(lang, gold);
  expect(r.language).toMatchObject({ target: lang, pack: { code: lang, level: 'full' }, decidedBy: 'option' });
  gold.forEach((g, line) => {
    const got = r.findings.filter((f) => f.segment === line).map((f) => [f.mt.text.trim(), f.corrected.text.trim(), f.category, f.rule]);
    expect(got, `line ${line + 1}: ${g.mt}`).toEqual(g.expect);
  });
  // No English rule runs on another language.
  expect(r.findings.filter((f) => f.rule.startsWith('en/'))).toEqual([]);
  return r;
}

describe('German gold pairs', () => {
  const gold: Gold[] = [
    { mt: 'Das Treffen findet am 15. Mai in Berlin statt.', pe: 'Das Treffen findet am 15. Mai in Berlin statt.', expect: [] },
    { mt: 'Die Bundesregierung hat ein neue Gesetz beschlossen.', pe: 'Die Bundesregierung hat ein neues Gesetz beschlossen.', expect: [['neue', 'neues', 'fluency/grammar', 'lang/morphology']] },
    { mt: 'Er hat das Problm sofort erkannt.', pe: 'Er hat das Problem sofort erkannt.', expect: [['Problm', 'Problem', 'fluency/spelling', 'lang/spelling']] },
    { mt: 'Die Reparatur kostet 1.234,5 Euro.', pe: 'Die Reparatur kostet 1.243,5 Euro.', expect: [['1.234,5', '1.243,5', 'accuracy/mistranslation', 'numbers']] },
    { mt: 'Sie sagte: „Wir sind bereit.', pe: 'Sie sagte: „Wir sind bereit.“', expect: [['', '“', 'fluency/punctuation', 'punctuation']] },
    // The example: "wird" → "ist" is a changed word, not a major noun mistranslation.
    { mt: 'Der Vertrag wird morgen unterzeichnet.', pe: 'Der Vertrag ist morgen unterzeichnet.', expect: [['wird', 'ist', 'accuracy/mistranslation', 'lang/wording']] },
    { mt: 'Wir haben damit keine Probleme.', pe: 'Wir haben damit keine Probleme.', expect: [] },
  ];
  it('classifies each change with the German pack', () => {
    const r = expectGold('de', gold);
    expect(r.findings.find((f) => f.rule === 'lang/wording')!.severity).toBe('minor');
  });
  it('the date "15. Mai" does not split a sentence in automatic segmentation', () => {
    const r = auditDocument({ mt: { path: 'mt', text: gold[0]!.mt }, corrected: { path: 'pe', text: gold[0]!.pe } }, { targetLang: 'de' });
    expect(r.segments).toHaveLength(1);
  });
});

describe('French gold pairs', () => {
  it('classifies each change with the French pack (spacing and « » are the French norm)', () => {
    expectGold('fr', [
      { mt: 'Il a dit: oui!', pe: 'Il a dit\u202f: oui\u202f!', expect: [['dit:', 'dit\u202f:', 'locale-convention/typography', 'fr/typography'], ['oui!', 'oui\u202f!', 'locale-convention/typography', 'fr/typography']] },
      { mt: 'Elle a lu le “livre” hier.', pe: 'Elle a lu le «\u202flivre\u202f» hier.', expect: [['“', '«', 'locale-convention/typography', 'fr/typography'], ['”', '»', 'locale-convention/typography', 'fr/typography']] },
      { mt: 'Nous avons reçu la lettre hier.', pe: 'Nous avons reçu la lettre hier.', expect: [] },
      { mt: 'Les enfant jouent dans le jardin.', pe: 'Les enfants jouent dans le jardin.', expect: [['enfant', 'enfants', 'fluency/grammar', 'lang/morphology']] },
      { mt: 'Le gouvernment a décidé.', pe: 'Le gouvernement a décidé.', expect: [['gouvernment', 'gouvernement', 'fluency/spelling', 'lang/spelling']] },
    ]);
  });
});

describe('Spanish gold pairs', () => {
  it('classifies each change with the Spanish pack', () => {
    expectGold('es', [
      { mt: 'El gobierno aprobó la ley ayer.', pe: 'El gobierno aprobó la ley ayer.', expect: [] },
      { mt: 'Los niño juegan en el parque.', pe: 'Los niños juegan en el parque.', expect: [['niño', 'niños', 'fluency/grammar', 'lang/morphology']] },
      // A missing accent makes a non-word: spelling, although the stems agree.
      { mt: 'La reunion es mañana por la tarde.', pe: 'La reunión es mañana por la tarde.', expect: [['reunion', 'reunión', 'fluency/spelling', 'lang/spelling']] },
      { mt: 'La entrada cuesta 1.500 euros.', pe: 'La entrada cuesta 1.600 euros.', expect: [['1.500', '1.600', 'accuracy/mistranslation', 'numbers']] },
      { mt: '¿Vienes mañana a la fiesta', pe: '¿Vienes mañana a la fiesta?', expect: [['', '?', 'fluency/punctuation', 'punctuation']] },
    ]);
  });
});
