// The English analysis: wink-nlp UD tags mapped to ERRANT's POS, inferred Penn fine tags, the word list.
import { describe, expect, it } from 'vitest';
import { analyzeEnglish } from '../../../src/classify/en/analyze.js';
import { errantPos, fineTag } from '../../../src/classify/en/pos.js';
import { isEnglishWord, splitRunTogether } from '../../../src/classify/en/spell.js';
import { charSimilarity, levenshtein, roughStem } from '../../../src/classify/similarity.js';
import { tokenize } from '../make-edit.js';

const analyse = (s: string) => analyzeEnglish(s, tokenize(s));

describe('errantPos (UD → ERRANT)', () => {
  it.each([
    ['ADP', 'in', 'PREP'], ['SCONJ', 'that', 'PREP'], ['PROPN', 'Canada', 'NOUN'], ['CCONJ', 'and', 'CONJ'],
    ['AUX', 'is', 'VERB'], ['PRON', 'its', 'DET'], ['PRON', 'their', 'DET'], ['PART', 'not', 'ADV'], ['PART', 'to', 'PART'],
    ['NUM', '2023', 'NUM'], ['PUNCT', ',', 'PUNCT'],
  ])('%s %j → %s', (upos, word, pos) => expect(errantPos(upos, word.toLowerCase(), 'NOUN')).toBe(pos));
  it('"her" is a determiner before a noun and a pronoun elsewhere', () => {
    expect(errantPos('PRON', 'her', 'NOUN')).toBe('DET');
    expect(errantPos('PRON', 'her', 'PUNCT')).toBe('PRON');
  });
});

describe('fineTag', () => {
  it.each([
    ['VERB', 'discussing', 'discuss', false, 'VBG'], ['AUX', 'is', 'be', false, 'VBZ'], ['VERB', 'goes', 'go', false, 'VBZ'],
    ['VERB', 'invited', 'invite', true, 'VBN'], ['VERB', 'invited', 'invite', false, 'VBD'], ['VERB', 'eaten', 'eat', false, 'VBN'],
    ['AUX', 'would', 'would', false, 'MD'], ['NOUN', 'guarantees', 'guarantee', false, 'NNS'], ['NOUN', 'war', 'war', false, 'NN'],
    ['ADJ', 'larger', 'large', false, 'JJR'],
  ] as Array<[string, string, string, boolean, string]>)('%s %s (lemma %s, after aux %s) → %s', (upos, w, lemma, afterAux, tag) =>
    expect(fineTag(upos, w, lemma, afterAux)).toBe(tag),
  );
});

describe('analyzeEnglish', () => {
  it('gives one analysis per token, with POS, lemma, aux and sentence starts', () => {
    const infos = analyse('Canada and its allies have been discussing robust security guarantees. They agree.');
    expect(infos.map((t) => t.text)).toEqual(tokenize('Canada and its allies have been discussing robust security guarantees. They agree.').map((t) => t.text));
    const by = (w: string) => infos.find((t) => t.text === w)!;
    expect([by('Canada').pos, by('and').pos, by('its').pos, by('allies').lemma, by('discussing').tag]).toEqual(['NOUN', 'CONJ', 'DET', 'ally', 'VBG']);
    expect(by('have').aux).toBe(true);
    expect(by('discussing').afterAux).toBe(true);
    expect(infos.filter((t) => t.sentenceStart).map((t) => t.text)).toEqual(['Canada', 'They']);
  });
  it('maps a possessive kept in one token ("Carney’s") to the noun, keeping the whole form', () => {
    const infos = analyse('Mr. Carney’s office said so');
    const t = infos.find((x) => x.text === 'Carney’s')!;
    expect([t.pos, t.lemma]).toEqual(['NOUN', 'carney’s']);
  });
  it('tags tokens across a line break inside the segment', () => {
    const infos = analyse('security guarantees\nfor Ukraine');
    expect(infos.map((t) => t.pos)).toEqual(['NOUN', 'NOUN', 'PREP', 'NOUN']);
  });
});

describe('the word list (nspell + dictionary-en, en-US)', () => {
  it('knows words, capitalised words, hyphenated compounds; not misspellings or British spellings', () => {
    expect(['security', 'Security', 'NATO', 'large-scale', 'face-to-face', "don't"].map(isEnglishWord)).toEqual([true, true, true, true, true, true]);
    expect(['gramamtical', 'Volodyr', 'theTake', 'thespecial', 'colour'].map(isEnglishWord)).toEqual([false, false, false, false, false]);
  });
  it('splits run-together tokens at a case boundary or into two dictionary words', () => {
    expect(splitRunTogether('theTake')).toEqual(['the', 'Take']);
    expect(splitRunTogether('thespecial')).toEqual(['the', 'special']);
    expect(splitRunTogether('Volodyr')).toBeUndefined();
    expect(splitRunTogether('special')).toBeUndefined();
  });
});

describe('similarity', () => {
  it('matches rapidfuzz normalized_similarity as ERRANT uses it', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(charSimilarity('smt', 'something')).toBeCloseTo(1 / 3, 5);
    expect(charSimilarity('form', 'from')).toBe(0.5);
    expect(charSimilarity('Their', 'there')).toBe(0.6);
  });
  it('roughStem joins derivations', () => {
    expect(roughStem('health')).toBe(roughStem('healthy'));
    expect(roughStem('staffing')).toBe(roughStem('staff'));
    expect(roughStem('security')).not.toBe(roughStem('safety'));
  });
});
