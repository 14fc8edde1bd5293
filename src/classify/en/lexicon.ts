// Small closed English word lists the rules need (the open vocabulary comes from wink-nlp and the dictionary).
import { en } from '../../lang/en/index.js';

// Number words and month names are the English pack's (src/lang/en): one definition.
export { NUMBER_WORDS } from '../../lang/en/words.js';
export const MONTHS: ReadonlyMap<string, number> = en.months;

/** Words that negate (a count that differs between MT and correction reverses the meaning). */
export const NEGATORS = new Set([
  // "nor" is left out: it continues a negation ("neither ... nor") rather than making one.
  'not', "n't", 'n’t', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nowhere', 'without', 'cannot',
  'unable',
]);

// Antonyms come from WordNet 3.1 (src/lang/en/wordnet.ts, used by en/antonym and en/mistranslation).

/** Negating prefixes of adjectives and adverbs: "legal" ↔ "illegal", "likely" ↔ "unlikely". */
export const NEGATING_PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'dis', 'non', 'non-'];
/** Verbs and nouns whose dis-/un- form is their opposite (most dis- words are not: "cover"/"discover"). */
export const NEGATABLE_BY_PREFIX = new Set([
  'agree', 'agreement', 'approve', 'approval', 'like', 'trust', 'continue', 'allow', 'obey', 'appear', 'believe',
  'connect', 'respect', 'qualify', 'arm', 'lock', 'do', 'tie', 'load', 'block', 'freeze', 'advantage', 'ability',
  'comfort', 'order', 'honour', 'honor', 'favour', 'favor', 'employment', 'certainty', 'balance', 'stability',
]);

/** Prepositions whose exchange reverses who does what to whom (minor grammar otherwise). */
export const PREP_OPPOSITES: Array<[string, string]> = [
  ['to', 'from'], ['for', 'against'], ['with', 'against'], ['with', 'without'], ['before', 'after'], ['above', 'below'],
  ['over', 'under'], ['in', 'out'], ['into', 'out'], ['into', 'from'], ['by', 'for'], ['on', 'off'], ['inside', 'outside'],
];
/** Conjunctions whose exchange changes the logic of the sentence. */
export const CONJ_OPPOSITES: Array<[string, string]> = [['and', 'or'], ['and', 'but'], ['or', 'nor'], ['because', 'although'], ['if', 'unless']];

/** Words an English MT output takes from French (faux amis), with what they usually should have been. */
export const FALSE_FRIENDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    actually: 'currently', eventually: 'possibly', sensible: 'sensitive', library: 'bookshop', deception: 'disappointment',
    assist: 'attend', attend: 'wait', demand: 'ask', resume: 'summary', formation: 'training', routes: 'itineraries',
    route: 'itinerary', teacher: 'professor', coin: 'corner', lecture: 'reading', journey: 'day', sympathetic: 'nice',
    occasion: 'opportunity', realise: 'carry out', realize: 'carry out', location: 'rental', prejudice: 'harm',
    supply: 'beg', stage: 'internship', agenda: 'diary', safety: 'security', engagement: 'commitment',
  }),
);

/** Informal words and their formal counterparts (register). */
export const INFORMAL: ReadonlyMap<string, string> = new Map(
  Object.entries({
    kids: 'children', kid: 'child', guy: 'man', guys: 'people', okay: 'acceptable', ok: 'acceptable', stuff: 'things',
    gonna: 'going to', wanna: 'want to', gotta: 'have to', yeah: 'yes', huge: 'large', lots: 'many', boss: 'head',
    cops: 'police', cop: 'police officer', totally: 'completely', pretty: 'rather', get: 'obtain', got: 'obtained',
    tons: 'many', folks: 'people', anyway: 'in any case', 'a lot': 'much', maybe: 'perhaps',
  }),
);
