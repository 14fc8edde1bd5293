// Map wink-nlp's Universal Dependencies tags to ERRANT's POS (ERRANT derives POS from Penn tags through its
// en-ptb_map with renames: ADP→PREP, PROPN→NOUN, CCONJ→CONJ, MD→VERB, EX→PRON, PRP$/WP$/WDT/PDT→DET,
// POS/RP/TO→PART; IN, which covers subordinators, is ADP, hence PREP) and infer the Penn fine tag ERRANT's
// inflection rules need (wink-nlp gives no fine tags).

const UPOS_TO_ERRANT: Record<string, string> = {
  ADJ: 'ADJ', ADP: 'PREP', ADV: 'ADV', AUX: 'VERB', CCONJ: 'CONJ', DET: 'DET', INTJ: 'INTJ', NOUN: 'NOUN',
  NUM: 'NUM', PART: 'PART', PRON: 'PRON', PROPN: 'NOUN', PUNCT: 'PUNCT', SCONJ: 'PREP', SYM: 'SYM', VERB: 'VERB',
  X: 'X', SPACE: 'SPACE',
};

/** Possessive determiners are PRP$ in Penn (→ DET in ERRANT); wink tags them PRON. "his"/"her" are also
 *  object/independent pronouns, so they count as DET only before a nominal. */
const POSSESSIVE_DETS = new Set(['my', 'your', 'its', 'our', 'their', 'whose']);
const AMBIGUOUS_POSSESSIVES = new Set(['his', 'her']);
const NEGATORS = new Set(['not', "n't", 'n’t']); // RB in Penn → ADV
const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);

export function errantPos(upos: string, lower: string, next: string | undefined): string {
  if (NEGATORS.has(lower)) return 'ADV';
  if (upos === 'PRON' || upos === 'DET') {
    if (POSSESSIVE_DETS.has(lower)) return 'DET';
    if (AMBIGUOUS_POSSESSIVES.has(lower)) return next && /^(NOUN|PROPN|ADJ|NUM)$/.test(next) ? 'DET' : 'PRON';
  }
  if (upos === 'PART' && POSSESSIVE_MARKS.has(lower)) return 'PART';
  // "one must", "one another": wink tags the generic pronoun as a numeral; a numeral precedes a nominal.
  if (upos === 'NUM' && lower === 'one' && !(next && /^(NOUN|PROPN|ADJ|NUM)$/.test(next))) return 'PRON';
  return UPOS_TO_ERRANT[upos] ?? 'X';
}

const MODALS = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'ca', 'wo', 'sha']);
const FIXED_VERB_TAGS: Record<string, string> = {
  is: 'VBZ', has: 'VBZ', does: 'VBZ', "'s": 'VBZ', was: 'VBD', were: 'VBD', did: 'VBD', had: 'VBD', am: 'VBP',
  are: 'VBP', "'re": 'VBP', "'m": 'VBP', be: 'VB', been: 'VBN', being: 'VBG', do: 'VBP', have: 'VBP',
};
/** Irregular past participles that differ from the simple past (the rest end in -ed, -en or -n). */
const IRREGULAR_PARTICIPLES = new Set([
  'begun', 'drunk', 'rung', 'sung', 'sunk', 'swum', 'shrunk', 'stunk', 'sprung', 'done', 'gone', 'come', 'become',
  'run', 'overcome',
]);
const AUX_FORMS = new Set(['have', 'has', 'had', 'having', 'be', 'is', 'am', 'are', 'was', 'were', 'been', 'being', "'ve", "'s", "'re", "'m", "'d", 'get', 'got', 'gets']);

/** A Penn-like fine tag from form, lemma, UD tag and whether an auxiliary precedes. */
export function fineTag(upos: string, lower: string, lemma: string, afterAux: boolean, prevLower?: string): string {
  if (upos === 'PART' && POSSESSIVE_MARKS.has(lower)) return 'POS';
  if (upos === 'VERB' || upos === 'AUX') {
    if (MODALS.has(lower)) return 'MD';
    const fixed = FIXED_VERB_TAGS[lower];
    if (fixed) return fixed;
    if (lower.endsWith('ing') && lower !== lemma) return 'VBG';
    if (lower === lemma) return prevLower === 'to' || afterAux ? 'VB' : 'VBP';
    if (/s$/.test(lower) && (lower === `${lemma}s` || lower === `${lemma}es` || lower === `${lemma.slice(0, -1)}ies`))
      return 'VBZ';
    if (IRREGULAR_PARTICIPLES.has(lower)) return 'VBN';
    if (/ed$/.test(lower)) return prevLower !== undefined && AUX_FORMS.has(prevLower) ? 'VBN' : afterAux ? 'VBN' : 'VBD';
    if (/(en|n)$/.test(lower)) return 'VBN';
    return afterAux ? 'VBN' : 'VBD';
  }
  if (upos === 'NOUN') return lower !== lemma && /s$/.test(lower) ? 'NNS' : 'NN';
  if (upos === 'PROPN') return 'NNP';
  if (upos === 'ADJ') return lower !== lemma && /er$/.test(lower) ? 'JJR' : lower !== lemma && /est$/.test(lower) ? 'JJS' : 'JJ';
  return upos;
}

export { MODALS };
