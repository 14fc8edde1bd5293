import { describe, expect, it, vi } from 'vitest';
import { packFor, PACKS, primaryTag, resolveLanguage } from '../../src/lang/index.js';

// Building a Hunspell speller (de, fr, es) or kuromoji's dictionary takes seconds, more on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

describe('packFor', () => {
  it('maps BCP 47 tags to packs by their primary subtag', () => {
    expect(packFor('de-CH').code).toBe('de');
    expect(packFor('fr_CA').code).toBe('fr');
    expect(packFor('zh-Hans-CN').code).toBe('zh');
    expect(packFor('EN').code).toBe('en');
    expect(primaryTag('pt-BR')).toBe('pt');
  });
  it('falls back to a generic pack, never throwing', () => {
    for (const tag of ['sw', 'xx-YY', '', '12', undefined]) {
      const p = packFor(tag);
      expect(p.level).toBe('generic');
      expect(p.hasDictionary).toBe(false);
      expect(p.isWord('anything')).toBeUndefined();
    }
    expect(packFor('sw').name).toBe('Swahili');
    expect(packFor('sw').code).toBe('sw');
  });
  it('registers the shipped languages with their levels', () => {
    expect(Object.fromEntries(Object.values(PACKS).map((p) => [p.code, p.level]))).toEqual({
      en: 'full', de: 'full', fr: 'full', es: 'full', zh: 'full', ja: 'full', it: 'basic', pt: 'basic', nl: 'basic', ru: 'basic', pl: 'basic',
    });
  });
});

describe('resolveLanguage', () => {
  it('takes the option first, then the file, then detection, then the fallback', () => {
    expect(resolveLanguage({ option: 'fr', file: 'de', text: 'Die Regierung hat am Mittwoch beschlossen, dass die Regeln gelten.' })).toMatchObject({ code: 'fr', source: 'option' });
    expect(resolveLanguage({ file: 'de-AT', text: 'The government decided on Wednesday that the rules apply.' })).toMatchObject({ code: 'de-AT', source: 'file' });
    const d = resolveLanguage({ text: 'Die Bundesregierung hat am Mittwoch beschlossen, dass die neuen Regeln ab Januar gelten.' });
    expect(d.source).toBe('detected');
    expect(d.pack.code).toBe('de');
    expect(d.confidence).toBeGreaterThan(0.5);
    expect(d.confidence).toBeLessThanOrEqual(1);
    expect(resolveLanguage({ text: 'ok' })).toMatchObject({ code: 'en', source: 'default' });
  });
  it('identifies Chinese and Japanese by script, also in a corpus tokenised with spaces', () => {
    expect(resolveLanguage({ text: '汉密尔顿 在 乔治   ·   华盛顿 的 选任 统治 下 监督 他 的 同事 们 .' }).pack.code).toBe('zh');
    expect(resolveLanguage({ text: '東京に行きました。とても楽しかったです。また行きたいと思います。' }).pack.code).toBe('ja');
  });
});

describe('CLDR conventions', () => {
  it('quotation marks, separators and plural categories per locale', () => {
    expect(packFor('de').typography.quotes).toMatchObject({ start: '„', end: '“' });
    expect(packFor('fr').typography.quotes).toMatchObject({ start: '«', end: '»' });
    expect(packFor('ru').typography.quotes).toMatchObject({ start: '«', end: '»' });
    expect(packFor('en').typography.quotes).toMatchObject({ start: '“', end: '”' });
    expect(packFor('de').typography.decimal).toBe(',');
    expect(packFor('fr').typography.group).toBe('\u202f');
    expect(packFor('en').pluralCategories).toEqual(['one', 'other']);
    expect(packFor('ru').nplurals).toBe(4);
    expect(packFor('fr').typography.spaceBeforeHighPunctuation).toBe(true);
    expect(packFor('de').typography.spaceBeforeHighPunctuation).toBe(false);
  });
  it('month names from CLDR dates', () => {
    expect(packFor('de').months.get('oktober')).toBe(10);
    expect(packFor('de').months.get('okt')).toBe(10);
    expect(packFor('fr').months.get('févr')).toBe(2);
    expect(packFor('es').months.get('diciembre')).toBe(12);
    expect(packFor('en').months.get('may')).toBe(5);
    expect(packFor('en').months.has('mar')).toBe(false); // the verb, not March
  });
  it('sentence-break suppressions from cldr-segments-full', () => {
    const de = packFor('de');
    expect(de.isAbbreviation('Dr')).toBe(true);
    expect(de.isAbbreviation('vgl')).toBe(true);
    expect(de.isAbbreviation('Vgl')).toBe(true);
    expect(de.isAbbreviation('Haus')).toBe(false);
    const en = packFor('en');
    expect(en.isAbbreviation('Mr')).toBe(true);
    expect(en.isAbbreviation('etc')).toBe(true);
    // A capitalised CLDR entry ("In") matches only as written: "went in." ends a sentence.
    expect(en.isAbbreviation('in')).toBe(false);
    expect(packFor('fr').isAbbreviation('MM')).toBe(true);
  });
});

describe('spelling and morphology', () => {
  it('German: compounds and inflected forms are words, non-words are not', () => {
    const de = packFor('de');
    for (const w of ['Bundesregierung', 'damit', 'Regierungsbildung', 'Hausaufgaben', 'wird', 'Häuser']) expect(de.isWord(w), w).toBe(true);
    for (const w of ['Problm', 'Regirung', 'xqzt']) expect(de.isWord(w), w).toBe(false);
    expect(de.capitalisesNouns).toBe(true);
    expect(de.compoundsAreWords).toBe(true);
    expect(de.stem('Regierungen')).toBe(de.stem('Regierung'));
  });
  it('French and Spanish dictionaries and Snowball stems', () => {
    const fr = packFor('fr');
    expect(fr.isWord('gouvernement')).toBe(true);
    expect(fr.isWord('gouvernment')).toBe(false);
    expect(fr.stem('enfants')).toBe(fr.stem('enfant'));
    const es = packFor('es');
    expect(es.isWord('reunión')).toBe(true);
    expect(es.isWord('reunion')).toBe(false);
    expect(es.stem('niños')).toBe(es.stem('niño'));
    expect(es.suggest('gobiemo')).toContain('gobierno');
  });
});

describe('Chinese and Japanese analysers', () => {
  it('jieba words and POS for Chinese', () => {
    const zh = packFor('zh');
    expect(zh.words('我们中出了一个叛徒').map((w) => w.text)).toEqual(['我们', '中出', '了', '叛徒']);
    const tags = zh.morphology!.tag('北京烤鸭真好吃')!;
    expect(tags.map((t) => t.text).join('')).toBe('北京烤鸭真好吃');
    expect(tags[0]).toMatchObject({ text: '北京烤鸭', start: 0, end: 4 });
  });
  it('kuromoji tokens, POS and base forms for Japanese', async () => {
    const ja = packFor('ja');
    await ja.morphology!.load();
    expect(ja.morphology!.tag('東京に行きました')).toEqual([
      { text: '東京', start: 0, end: 2, pos: '名詞', lemma: '東京' },
      { text: 'に', start: 2, end: 3, pos: '助詞', lemma: 'に' },
      { text: '行き', start: 3, end: 5, pos: '動詞', lemma: '行く' },
      { text: 'まし', start: 5, end: 7, pos: '助動詞', lemma: 'ます' },
      { text: 'た', start: 7, end: 8, pos: '助動詞', lemma: 'た' },
    ]);
  });
});
