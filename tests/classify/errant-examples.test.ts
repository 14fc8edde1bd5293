// ERRANT's own worked examples (README, demo/out.m2, CHANGELOG, issue #9): the `type` axis must agree.
import { describe, expect, it } from 'vitest';
import { classifyEdits } from '../../src/classify/index.js';
import { makeEdits } from './make-edit.js';

/** Classifies edits given as ERRANT M2 offsets [o_start, o_end, c_start, c_end] on space-tokenised text. */
function types(orig: string, cor: string, spans: Array<[number, number, number, number]>): string[] {
  const c = makeEdits(orig, cor, spans);
  return classifyEdits(c.edits, c.ctx).map((x) => x.type);
}

describe('ERRANT worked examples', () => {
  it('README: "This are gramamtical sentence ." → R:VERB:SVA, M:DET, R:SPELL', () => {
    expect(types('This are gramamtical sentence .', 'This is a grammatical sentence .', [[1, 2, 1, 2], [2, 2, 2, 3], [2, 3, 3, 4]])).toEqual([
      'R:VERB:SVA',
      'M:DET',
      'R:SPELL',
    ]);
  });

  it('demo, annotator 0: "This are a great sentences ." → R:VERB:SVA, R:NOUN:NUM', () => {
    expect(types('This are a great sentences .', 'This is a great sentence .', [[1, 2, 1, 2], [4, 5, 4, 5]])).toEqual(['R:VERB:SVA', 'R:NOUN:NUM']);
  });

  it('demo, annotator 1: This → These R:DET, a U:DET', () => {
    expect(types('This are a great sentences .', 'These are great sentences .', [[0, 1, 0, 1], [2, 3, 2, 2]])).toEqual(['R:DET', 'U:DET']);
  });

  it('demo: "Can you seen the sea ." → R:VERB:FORM, R:PUNCT', () => {
    expect(types('Can you seen the sea .', 'Can you see the sea ?', [[2, 3, 2, 3], [5, 6, 5, 6]])).toEqual(['R:VERB:FORM', 'R:PUNCT']);
  });

  it('demo, annotator 0: about U:PREP, softwares → software R:NOUN:INFL', () => {
    const orig = 'Let us discuss about all the softwares problems .';
    expect(types(orig, 'Let us discuss all the software problems .', [[3, 4, 3, 3], [6, 7, 5, 6]])).toEqual(['U:PREP', 'R:NOUN:INFL']);
  });

  // ERRANT types "discuss → talk" R:VERB; wink-nlp tags this "talk" as a noun, so only the U:DET is compared.
  it('demo, annotator 1: all U:DET', () => {
    const orig = 'Let us discuss about all the softwares problems .';
    expect(types(orig, 'Let us talk about the software problems .', [[4, 5, 4, 4]])).toEqual(['U:DET']);
  });

  it('a different verb lemma is R:VERB', () => {
    expect(types('We will discuss the plan .', 'We will debate the plan .', [[2, 3, 2, 3]])).toEqual(['R:VERB']);
  });

  it.each([
    ['I saw one cat .', 'I saw a cat .', [2, 3, 2, 3], 'R:DET'],
    ['The amougnht of people .', 'The number of people .', [1, 2, 1, 2], 'R:NOUN'],
    ['He is very health .', 'He is very healthy .', [3, 4, 3, 4], 'R:MORPH'],
    ['We use public transport .', 'We use public travel .', [3, 4, 3, 4], 'R:NOUN'],
    ['The rich people left .', 'Rich people left .', [0, 2, 0, 1], 'U:DET'],
    ['Doctor came .', 'The doctor came .', [0, 1, 0, 2], 'M:DET'],
    ['I left , since it rained .', 'I left . Since it rained .', [2, 4, 2, 4], 'R:PUNCT'],
    ['I eat it .', 'I have eaten it .', [1, 2, 1, 3], 'R:VERB:TENSE'],
    ['I like to eat .', 'I like eating .', [2, 4, 2, 3], 'R:VERB:FORM'],
    ['Please look at it .', 'Please see it .', [1, 3, 1, 2], 'R:VERB'],
    ['My friends car .', "My friend 's car .", [1, 2, 1, 3], 'R:NOUN:POSS'],
    ['It is more free .', 'It is freer .', [2, 4, 2, 3], 'R:ADJ:FORM'],
    ['It is good for you .', 'It is good for you !', [5, 6, 5, 6], 'R:PUNCT'],
    ['I was there and they was too .', 'I was there and they were too .', [5, 6, 5, 6], 'R:VERB:SVA'],
    ['He go home .', 'He goes home .', [1, 2, 1, 2], 'R:VERB:SVA'],
    ['Yesterday I go home .', 'Yesterday I went home .', [2, 3, 2, 3], 'R:VERB:TENSE'],
    ['He gone home .', 'He went home .', [1, 2, 1, 2], 'R:VERB:FORM'], // VBN on either side decides before VBD, as in ERRANT
    ['Put it form the box .', 'Put it from the box .', [2, 3, 2, 3], 'R:SPELL'],
    ['She ca not come .', 'She can not come .', [1, 2, 1, 2], 'R:CONTR'],
    ['I want to go home .', 'I want go home .', [2, 3, 2, 2], 'U:VERB:FORM'],
    ['We went in Paris .', 'We went to Paris .', [2, 3, 2, 3], 'R:PREP'],
    ['We saw Paris call .', 'We saw call Paris .', [2, 4, 2, 4], 'R:WO'],
    ['we left .', 'We left .', [0, 1, 0, 1], 'R:ORTH'],
  ] as Array<[string, string, [number, number, number, number], string]>)('%s → %s : %s', (orig, cor, span, type) => {
    expect(types(orig, cor, [span])).toEqual([type]);
  });
});
