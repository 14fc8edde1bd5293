// The reference-free checks ask the target's pack: what is a finding in English text is correct in French, a
// German compound is a word, quotation marks pair as the language writes them.
import { describe, expect, it, vi } from 'vitest';
import { runChecks } from '../../src/checks/index.js';
import { checkDocument } from '../../src/checks/document.js';
import { packFor } from '../../src/lang/index.js';

// Building a Hunspell speller (de, fr, es) or kuromoji's dictionary takes seconds, more on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const ids = (text: string, code: string, rule?: string) =>
  runChecks(text, { pack: packFor(code) }).filter((f) => rule === undefined || f.rule === rule).map((f) => [f.mt.text, f.suggestion ?? null]);

describe('checks per target language', () => {
  it('merged-token: German compounds are words; English run-together words are not', () => {
    expect(ids('Wir haben damit keine Probleme, deswegen bleiben wir.', 'de', 'check/merged-token')).toEqual([]);
    // The same check in English text (the English pack) still finds a run-together word.
    expect(ids('He went to thespecial meeting.', 'en', 'check/merged-token')).toEqual([['thespecial', 'the special']]);
  });
  it('French typography: required in a French target, a finding in an English one', () => {
    const fr = 'Il a dit : « oui » !';
    expect(ids(fr.replace(/ /g, '\u202f').replace(/\u202f(?=[a-zé])/g, ' '), 'fr', 'check/french-typography')).toEqual([]);
    expect(ids('Il a dit: «oui»!', 'fr', 'check/french-typography')).toEqual([
      [':', '\u202f:'],
      ['«', '«\u202f'],
      ['»', '\u202f»'],
      ['!', '\u202f!'],
    ]);
    expect(ids('He said : yes.', 'en', 'check/french-typography')).toEqual([[' :', ':']]);
    expect(ids('Er sagte : ja.', 'de', 'check/french-typography')).toEqual([[' :', ':']]);
  });
  it('guillemets are correct quotation marks in Russian and French, a finding in English', () => {
    expect(ids('Он сказал: «Да».', 'ru', 'check/french-typography')).toEqual([]);
    expect(ids('He said «yes».', 'en', 'check/french-typography')).toEqual([['«', '“'], ['»', '”']]);
  });
  it('unbalanced quotes: German „…“ and Russian «…» pair up', () => {
    expect(ids('Sie sagte: „Wir sind bereit.“', 'de', 'check/unbalanced-quotes')).toEqual([]);
    expect(ids('Sie sagte: „Wir sind bereit.', 'de', 'check/unbalanced-quotes')).toEqual([['„', null]]);
    expect(ids('Он сказал: «Да».', 'ru', 'check/unbalanced-quotes')).toEqual([]);
    // Read with English quotation marks, the German closing “ opens a quote that never closes.
    expect(ids('Sie sagte: „Wir sind bereit.“', 'en', 'check/unbalanced-quotes')).toEqual([['“', null]]);
  });
  it('doubled word: German relative pronoun + article and French pronominal verbs are grammatical', () => {
    expect(ids('Die Frauen, die die Kinder betreuen, kommen.', 'de', 'check/doubled-word')).toEqual([]);
    expect(ids('Nous nous sommes levés.', 'fr', 'check/doubled-word')).toEqual([]);
    expect(ids('Wir haben haben das gesehen.', 'de', 'check/doubled-word')).toEqual([[' haben', '']]);
  });
  it('numbers: German separators in the MT against an English source', () => {
    const mt = 'Die Reparatur kostet 1.234,5 Euro.';
    const hits = runChecks(mt, { pack: packFor('de'), sourcePack: packFor('en'), source: 'The repair costs 1,234.5 euros.' }).filter((f) => f.rule === 'check/number-mismatch');
    expect(hits).toEqual([]);
    const wrong = runChecks(mt, { pack: packFor('de'), sourcePack: packFor('en'), source: 'The repair costs 1,243.5 euros.' }).filter((f) => f.rule === 'check/number-mismatch');
    expect(wrong.map((f) => f.mt.text)).toEqual(['1.234,5']);
  });
  it('numbers: a Chinese source with 25万 and 高15度 matches its English translation', () => {
    const hits = runChecks('The tower is 15 metres high and cost 250,000 yuan.', { pack: packFor('en'), sourcePack: packFor('zh'), source: '塔高15米，花费25万元。' });
    expect(hits.filter((f) => f.rule === 'check/number-mismatch')).toEqual([]);
  });
  it('a check report records the language and how it was decided', () => {
    const doc = checkDocument({ id: 'x', mt: { path: 'mt.txt', text: 'Die Bundesregierung hat am Mittwoch beschlossen, dass die neuen Regeln gelten.' } });
    expect(doc.language).toMatchObject({ target: 'de', pack: { code: 'de' }, decidedBy: 'detected' });
    const given = checkDocument({ id: 'x', mt: { path: 'mt.txt', text: 'Habari ya asubuhi, rafiki yangu.' } }, { targetLang: 'sw' });
    expect(given.language).toMatchObject({ target: 'sw', pack: { code: 'sw', level: 'generic' }, decidedBy: 'option' });
  });
});
