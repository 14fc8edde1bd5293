// English rules on real examples (the seed article and classic MT/learner errors).
import { describe, expect, it } from 'vitest';
import { classifyEdits } from '../../../src/classify/index.js';
import { classifyBetween, makeEdits } from '../make-edit.js';

const pick = (r: { category: string; type: string; severity: string; rule: string }) => [r.rule, r.category, r.type, r.severity];

describe('en/name', () => {
  it('"Volodyr" → "Volodymyr" (the seed) is a misspelt name: locale-convention/name R:SPELL, major', () => {
    const r = classifyBetween('and Ukrainian President Volodyr Zelensky.', 'and Ukrainian President Volodymyr Zelensky.');
    expect(pick(r)).toEqual(['en/name', 'locale-convention/name', 'R:SPELL', 'major']);
    expect(r.message).toBe('"Volodyr" → "Volodymyr": misspelt name');
  });
  it('"theTake" → "NATO" (the seed): a run-together token where a name was meant, major', () => {
    const r = classifyBetween('the military alliance of theTake in July 2023.', 'the military alliance of NATO in July 2023.');
    expect(pick(r)).toEqual(['en/name', 'accuracy/mistranslation', 'R:NOUN', 'major']);
    expect(r.message).toContain('ran "the" + "Take" together');
  });
  it('another name is a major mistranslation', () => {
    expect(pick(classifyBetween('the Kremlin said that Putin agreed', 'the Kremlin said that Lavrov agreed'))).toEqual([
      'en/name', 'accuracy/mistranslation', 'R:NOUN', 'major',
    ]);
  });
  it('a capitalised common word is not a name ("Stable" → "robust"), nor is a possessive', () => {
    expect(classifyBetween('allies discuss Stable guarantees', 'allies discuss robust guarantees').rule).not.toBe('en/name');
    expect(classifyBetween('after Monday meeting between', 'after Monday’s meeting between').rule).toBe('en/grammar');
  });
});

describe('en/negation', () => {
  it('negation added or removed is critical', () => {
    expect(pick(classifyBetween('President Trump would send American soldiers', 'President Trump would not send American soldiers'))).toEqual([
      'en/negation', 'accuracy/mistranslation', 'M:ADV', 'critical',
    ]);
    expect(classifyBetween('The Kremlin has not yet indicated', 'The Kremlin has yet indicated').severity).toBe('critical');
    expect(classifyBetween('He can come', 'He cannot come').severity).toBe('critical');
    expect(classifyBetween('with any decision', 'without any decision').severity).toBe('critical');
  });
  it('the same negation reworded is not a reversal', () => {
    expect(classifyBetween('it is not necessary to make any decision', 'one must not make any decision').rule).not.toBe('en/negation');
    expect(classifyBetween("He can't come", 'He cannot come').rule).not.toBe('en/negation');
  });
  it('a "no" inside a wholesale rewrite is not read as a reversal', () => {
    expect(classifyBetween('the BIP museum', 'FC Ripensia alley , no').rule).not.toBe('en/negation');
  });
});

describe('en/antonym', () => {
  it.each([
    ['Prices will increase next year', 'Prices will decrease next year'],
    ['an illegal war of Russia', 'a legal war of Russia'],
    ['the parties agree on the text', 'the parties disagree on the text'],
  ])('%j → %j is critical', (mt, cor) => {
    const r = classifyBetween(mt, cor);
    expect([r.rule, r.category, r.severity]).toEqual(['en/antonym', 'accuracy/mistranslation', 'critical']);
  });
  it('opposite prepositions are left to the grammar rule, graded major there', () => {
    const r = classifyBetween('a few days before the meeting', 'a few days after the meeting');
    expect([r.rule, r.severity]).toEqual(['en/grammar', 'major']);
  });
  it('a prefix that is not a negation is not an antonym ("form" → "inform", "cover" → "discover")', () => {
    expect(classifyBetween('they cover the news', 'they discover the news').rule).not.toBe('en/antonym');
    expect(classifyBetween('we form the public', 'we inform the public').rule).not.toBe('en/antonym');
  });
});

describe('en/untranslated', () => {
  it('a source word left in the MT is accuracy/untranslated (with a source text)', () => {
    const r = classifyBetween('the summit of the OTAN in July', 'the summit of NATO in July', {
      source: "le sommet de l'OTAN en juillet",
    });
    expect([r.rule, r.category, r.severity]).toEqual(['en/untranslated', 'accuracy/untranslated', 'major']);
    expect(classifyBetween('the summit of the OTAN in July', 'the summit of NATO in July').rule).not.toBe('en/untranslated'); // no source
    const r2 = classifyBetween('they signed the accord yesterday', 'they signed the agreement yesterday', { source: 'ils ont signé l’accord hier' });
    expect(r2.rule).not.toBe('en/untranslated'); // "accord" is an English word too
    const r3 = classifyBetween('the itinéraires of Mr. Carney', 'the itineraries of Mr. Carney', { source: 'les itinéraires de M. Carney' });
    expect(pick(r3)).toEqual(['en/untranslated', 'accuracy/untranslated', 'R:SPELL', 'major']);
  });
  it('without a source, lower-case non-words in non-English letters are untranslated (MLQE-PE ro-en)', () => {
    const r = classifyBetween('the rise of extreā dreaptā in Europe', 'the rise of the far right in Europe');
    expect([r.rule, r.category, r.severity]).toEqual(['en/untranslated', 'accuracy/untranslated', 'major']);
    // a misspelling with a diacritic is not a foreign word; a capitalised name is left to the name rule
    expect(classifyBetween('a nice cafè in Paris', 'a nice cafe in Paris').rule).not.toBe('en/untranslated');
    expect(classifyBetween('said Pleşu in Bucharest', 'said Patapievici in Bucharest').rule).not.toBe('en/untranslated');
  });
});

describe('en/spelling', () => {
  it('a non-word close to its correction is fluency/spelling R:SPELL, minor', () => {
    const r = classifyBetween('This is a gramamtical sentence', 'This is a grammatical sentence');
    expect(pick(r)).toEqual(['en/spelling', 'fluency/spelling', 'R:SPELL', 'minor']);
    expect(r.message).toContain('misspelling');
  });
  it('a confusable real word ("form" → "from") is spelling too', () => {
    const r = classifyBetween('Put it form the box', 'Put it from the box');
    expect(pick(r)).toEqual(['en/spelling', 'fluency/spelling', 'R:SPELL', 'minor']);
    expect(r.message).toContain('confused with a similar word');
  });
});

describe('en/register', () => {
  it('a contraction expanded is fluency/register', () => {
    const r = classifyBetween("The minister didn't attend the meeting", 'The minister did not attend the meeting');
    expect([r.rule, r.category, r.severity]).toEqual(['en/register', 'fluency/register', 'minor']);
  });
  it('an informal word replaced by its formal counterpart', () => {
    const r = classifyBetween('schools for the kids of soldiers', 'schools for the children of soldiers');
    expect([r.rule, r.category]).toEqual(['en/register', 'fluency/register']);
  });
});

describe('en/grammar', () => {
  it.each([
    ['Canada and her allies discuss', 'Canada and its allies discuss', 'R:DET'],
    ['Canada and its allies discuss robust', 'Canada and its allies have been discussing robust', 'R:VERB:TENSE'],
    ['to adding the structure around', 'to adding structure around', 'U:DET'],
    ['confirmed in advance in the media', 'confirmed in advance to the media', 'R:PREP'],
    ['the absence of Canada in the Friday meeting', 'the absence of Canada from the Friday meeting', 'R:PREP'],
    ['after Monday meeting between', 'after Monday’s meeting between', 'R:NOUN:POSS'],
    ['The United States to offer security', 'The United States to offering security', 'R:VERB:FORM'],
    ['This are a great sentences', 'This is a great sentences', 'R:VERB:SVA'],
  ])('%j → %j is fluency/grammar %s, minor', (mt, cor, type) => {
    expect(pick(classifyBetween(mt, cor))).toEqual(['en/grammar', 'fluency/grammar', type, 'minor']);
  });
  it('a preposition that reverses roles is major', () => {
    const r = classifyBetween('the money was sent to the bank', 'the money was sent from the bank');
    expect(pick(r)).toEqual(['en/grammar', 'fluency/grammar', 'R:PREP', 'major']);
  });
});

describe('en/omission and en/addition', () => {
  it('a content word the post-editor inserted is an omission, major', () => {
    expect(pick(classifyBetween('said Foreign Minister Anita Anand', 'said Foreign Affairs Minister Anita Anand'))).toEqual([
      'en/omission', 'accuracy/omission', 'M:NOUN', 'major',
    ]);
  });
  it('an inserted adverb is a minor omission', () => {
    const r = classifyBetween('the leaders met in Paris', 'the leaders finally met in Paris');
    expect([r.rule, r.category, r.severity]).toEqual(['en/omission', 'accuracy/omission', 'minor']);
  });
  it('a content word the post-editor deleted is an addition', () => {
    const r = classifyBetween('the leaders met the big president in Paris', 'the leaders met the president in Paris');
    expect([r.rule, r.category, r.type, r.severity]).toEqual(['en/addition', 'accuracy/addition', 'U:ADJ', 'minor']);
    const r2 = classifyBetween('Ms. Leavitt assured reporters on Tuesday', 'Ms. Leavitt assured on Tuesday');
    expect([r2.rule, r2.category, r2.severity]).toEqual(['en/addition', 'accuracy/addition', 'major']);
  });
  it('function words only are grammar, minor', () => {
    const r = classifyBetween('he said it to him', 'he said it to him of the');
    expect([r.category, r.severity]).toEqual(['fluency/grammar', 'minor']);
  });
});

describe('en/rewording', () => {
  it('"staff provision" → "staffing" (the seed) uses only the MT\'s content: style/awkward, minor', () => {
    const r = classifyBetween('to the funding or staff provision of a force', 'to the funding or staffing of a force');
    expect([r.rule, r.category, r.severity]).toEqual(['en/rewording', 'style/awkward', 'minor']);
  });
});

describe('en/mistranslation', () => {
  it.each([
    ['published in Mr. Carney’s routes or confirmed', 'published in Mr. Carney’s itineraries or confirmed', 'false friend "routes"'],
    ['Fen Hampson, principal teacher of international affairs', 'Fen Hampson, professor of international affairs', 'false friend'],
    ['allies discuss Stable safety guarantees', 'allies discuss robust security guarantees', ''],
    ['The White House spokesman Karoline', 'The White House spokeswoman Karoline', 'different meaning'],
    ['that talks to three would follow', 'that three-way talks would follow', 'calque'],
  ])('%j → %j is a major mistranslation', (mt, cor, note) => {
    const r = classifyBetween(mt, cor);
    expect([r.rule, r.category, r.severity]).toEqual(['en/mistranslation', 'accuracy/mistranslation', 'major']);
    expect(r.message).toContain(note);
  });
});

describe('function words inside rewrites', () => {
  it('a participle the tagger reads as an adjective still inflects its verb ("accomplished" → "accomplishing")', () => {
    const r = classifyBetween('the coalition is currently accomplished is fundamental', 'the coalition is currently accomplishing is fundamental');
    expect(pick(r)).toEqual(['en/grammar', 'fluency/grammar', 'R:VERB:FORM', 'minor']);
  });
  it('generic "one" is a pronoun, not a number ("it" → "one")', () => {
    const r = classifyBetween('the principle that it is not necessary', 'the principle that one is not necessary');
    expect(pick(r)).toEqual(['en/grammar', 'fluency/grammar', 'R:PRON', 'minor']);
  });
  it('a copula replaced by a modal (the seed\'s cut) is a minor accuracy issue, not a content mistranslation', () => {
    const c = makeEdits('the principle that it is not necessary to make any decision', 'the principle that one must not make any decision', [[4, 5, 4, 5]]);
    const [r] = classifyEdits(c.edits, c.ctx);
    expect([r!.rule, r!.category, r!.severity]).toEqual(['en/mistranslation', 'accuracy/mistranslation', 'minor']);
    expect(r!.message).toBe('"is" → "must": modality changed');
  });
  it('one modal for another: tense pairs are grammar, other pairs change modality', () => {
    const tense = classifyBetween('he said he will come', 'he said he would come');
    expect([tense.rule, tense.category, tense.type]).toEqual(['en/grammar', 'fluency/grammar', 'R:VERB:TENSE']);
    const modality = classifyBetween('the allies can send troops', 'the allies must send troops');
    expect([modality.rule, modality.category, modality.type, modality.severity]).toEqual(['en/grammar', 'accuracy/mistranslation', 'R:VERB:TENSE', 'minor']);
  });
  it('a weekday or month changed is a wrong name, major', () => {
    expect([classifyBetween('they met on Monday at noon', 'they met on Tuesday at noon').rule, classifyBetween('they met on Monday at noon', 'they met on Tuesday at noon').severity]).toEqual(['en/name', 'major']);
  });
});

describe('en/negation: what is not a reversal', () => {
  it('a negative word on the other side keeps the polarity ("mistrust" → "no confidence")', () => {
    expect(classifyBetween('they expressed mistrust in the government', 'they expressed no confidence in the government').rule).not.toBe('en/negation');
  });
  it('"No." for "number" and "nor" after "neither" are not negations', () => {
    expect(classifyBetween('see No. 5 on the list', 'see nr. 5 on the list').rule).not.toBe('en/negation');
    expect(classifyBetween('neither Canada or Japan', 'neither Canada nor Japan').rule).not.toBe('en/negation');
  });
});

describe('en/name: number and possessive are not misspellings', () => {
  it('"Baltics" → "Baltic" is not a misspelt name', () => {
    expect(classifyBetween('the Baltics states agreed', 'the Baltic states agreed').rule).not.toBe('en/name');
  });
});

describe('en/negation across edits', () => {
  it('a negation reworded in two pieces keeps the sentence\'s polarity: neither piece is a reversal', () => {
    const mt = 'the licence , but not attracted by casino life .';
    const cor = 'the licence , without being attracted by casino life .';
    const c = makeEdits(mt, cor, [[3, 4, 3, 4], [4, 5, 4, 5]]);
    const res = classifyEdits(c.edits, c.ctx);
    for (const r of res) expect(r.rule).not.toBe('en/negation');
  });
});
