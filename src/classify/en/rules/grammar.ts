// Function words and inflection (ERRANT's DET PREP PRON PART CONJ, VERB:TENSE/FORM/SVA/INFL, NOUN:NUM/INFL/POSS,
// ADJ:FORM, MORPH): fluency/grammar, minor — major when the exchange reverses roles or logic (to/from, and/or).
import { change } from '../../describe.js';
import type { Rule } from '../../types.js';
import { CONJ_OPPOSITES, PREP_OPPOSITES } from '../lexicon.js';
import { severityOf } from '../../severity.js';

const GRAMMAR_TYPES = new Set([
  'DET', 'PREP', 'PRON', 'PART', 'CONJ', 'VERB:TENSE', 'VERB:FORM', 'VERB:SVA', 'VERB:INFL', 'NOUN:NUM', 'NOUN:INFL',
  'NOUN:POSS', 'ADJ:FORM', 'MORPH',
]);

const DESCRIPTIONS: Record<string, string> = {
  DET: 'determiner', PREP: 'preposition', PRON: 'pronoun', PART: 'particle', CONJ: 'conjunction',
  'VERB:TENSE': 'verb tense', 'VERB:FORM': 'verb form', 'VERB:SVA': 'subject–verb agreement',
  'VERB:INFL': 'verb inflection', 'NOUN:NUM': 'noun number', 'NOUN:INFL': 'noun inflection',
  'NOUN:POSS': 'possessive', 'ADJ:FORM': 'adjective form', MORPH: 'word form',
};

/** Modals that differ only in tense (will/would): other modal exchanges change what is asserted. */
const MODAL_TENSE_PAIRS: Array<[string, string]> = [['will', 'would'], ['can', 'could'], ['shall', 'should'], ['may', 'might'], ['will', "'ll"]];
const MODALS = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', "'ll", 'ought']);

const isPair = (pairs: Array<[string, string]>, a: string, b: string) =>
  pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

export const grammarRule: Rule = {
  id: 'en/grammar',
  describe: 'ERRANT function-word and inflection types (DET, PREP, PRON, VERB:TENSE/FORM/SVA, NOUN:NUM, ...) → fluency/grammar, minor; role-reversing prepositions/conjunctions → major; one modal for another of different force (can → must) → accuracy/mistranslation, minor',
  classify(v) {
    const main = v.type.slice(2);
    if (!GRAMMAR_TYPES.has(main)) return undefined;
    const a = v.mtPhrase.toLowerCase();
    const b = v.corPhrase.toLowerCase();
    const reversing =
      v.prefix === 'R' && ((main === 'PREP' && isPair(PREP_OPPOSITES, a, b)) || (main === 'CONJ' && isPair(CONJ_OPPOSITES, a, b)));
    if (main === 'VERB:TENSE' && v.prefix === 'R' && MODALS.has(a) && MODALS.has(b) && !isPair(MODAL_TENSE_PAIRS, a, b))
      return { category: 'accuracy/mistranslation', type: v.type, severity: severityOf('structure', v.ctx.correctedKind), message: `${change(v)}: modality changed` };
    // ERRANT types a subordinator as PREP (the tagger's IN); "if" → "whether" is a conjunction, and in an indirect
    // question the two mean the same (a register choice).
    const subordinator = main === 'PREP' && [...v.mtInfo, ...v.corInfo].some((t) => t.upos === 'SCONJ');
    if (subordinator && v.prefix === 'R' && isPair([['if', 'whether']], a, b))
      return { category: 'style/awkward', type: v.type, severity: severityOf('same-meaning', v.ctx.correctedKind), message: `${change(v)}: "whether" introduces the indirect question (same meaning)` };
    const verb = v.prefix === 'M' ? 'missing' : v.prefix === 'U' ? 'unnecessary' : 'wrong';
    return {
      category: 'fluency/grammar',
      type: v.type,
      severity: severityOf(reversing ? 'meaning-changed' : 'structure', v.ctx.correctedKind),
      message: `${change(v)}: ${verb} ${subordinator ? 'subordinating conjunction' : (DESCRIPTIONS[main] ?? main.toLowerCase())}${reversing ? ' (changes who does what)' : ''}`,
    };
  },
};
