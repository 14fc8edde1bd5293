// Small closed English word lists the rules need (the open vocabulary comes from wink-nlp and the dictionary).

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
    nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
    hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12,
  }),
);

export const MONTHS: ReadonlyMap<string, number> = new Map(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
    .flatMap((m, i) => [[m, i + 1] as const, [m.slice(0, 3), i + 1] as const])
    // "may"/"mar" as abbreviations would collide with the verb and noun; full names only for those.
    .filter(([w]) => w !== 'mar'),
);

/** Words that negate (a count that differs between MT and correction reverses the meaning). */
export const NEGATORS = new Set([
  // "nor" is left out: it continues a negation ("neither ... nor") rather than making one.
  'not', "n't", 'n’t', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nowhere', 'without', 'cannot',
  'unable',
]);

/** Lemma pairs of opposite meaning (both directions are looked up). */
const ANTONYM_PAIRS: Array<[string, string]> = [
  ['increase', 'decrease'], ['increase', 'reduce'], ['rise', 'fall'], ['raise', 'lower'], ['more', 'less'],
  ['more', 'fewer'], ['most', 'least'], ['before', 'after'], ['above', 'below'], ['over', 'under'],
  ['allow', 'forbid'], ['allow', 'prohibit'], ['permit', 'ban'], ['accept', 'reject'], ['accept', 'refuse'],
  ['approve', 'reject'], ['win', 'lose'], ['victory', 'defeat'], ['always', 'never'], ['all', 'none'],
  ['include', 'exclude'], ['maximum', 'minimum'], ['success', 'failure'], ['succeed', 'fail'],
  ['strengthen', 'weaken'], ['positive', 'negative'], ['buy', 'sell'], ['import', 'export'], ['arrive', 'leave'],
  ['enter', 'exit'], ['gain', 'loss'], ['profit', 'loss'], ['first', 'last'], ['early', 'late'], ['true', 'false'],
  ['right', 'wrong'], ['same', 'different'], ['easy', 'difficult'], ['high', 'low'], ['large', 'small'],
  ['big', 'small'], ['strong', 'weak'], ['rich', 'poor'], ['majority', 'minority'], ['war', 'peace'],
  ['ally', 'enemy'], ['support', 'oppose'], ['attack', 'defend'], ['guilty', 'innocent'], ['confirm', 'deny'],
  ['expand', 'reduce'], ['open', 'close'], ['open', 'closed'], ['start', 'end'], ['begin', 'end'], ['agree', 'refuse'],
  ['add', 'remove'], ['up', 'down'], ['inside', 'outside'], ['internal', 'external'], ['domestic', 'foreign'],
  ['past', 'future'], ['old', 'new'], ['young', 'old'], ['win', 'loss'], ['legal', 'illegal'], ['possible', 'impossible'],
  ['public', 'private'], ['safe', 'dangerous'], ['easier', 'harder'], ['higher', 'lower'], ['better', 'worse'],
  ['best', 'worst'], ['good', 'bad'], ['to', 'from'], ['with', 'against'], ['for', 'against'],
];
const ANTONYMS = new Map<string, Set<string>>();
for (const [a, b] of ANTONYM_PAIRS) {
  if (!ANTONYMS.has(a)) ANTONYMS.set(a, new Set());
  if (!ANTONYMS.has(b)) ANTONYMS.set(b, new Set());
  ANTONYMS.get(a)!.add(b);
  ANTONYMS.get(b)!.add(a);
}
export const areAntonyms = (a: string, b: string) => ANTONYMS.get(a)?.has(b) ?? false;

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
