// A word replaced by its opposite ("increase" → "decrease", "legal" → "illegal"): WordNet 3.1's antonyms (of the
// word or of its synonyms: "allow" ~ "permit" ↔ "forbid") or a negating prefix. A reversed verb, adjective or
// adverb misleads: critical. Opposite nouns ("man" ↔ "woman", "war" ↔ "peace") name another thing: major.
import { change } from '../../describe.js';
import { severityOf } from '../../severity.js';
import type { Rule } from '../../types.js';
import type { TokenInfo } from '../../types.js';
import { NEGATABLE_BY_PREFIX, NEGATING_PREFIXES } from '../lexicon.js';
import { isEnglishWord } from '../spell.js';
import { antonymous } from './meaning.js';

/** "legal" ↔ "illegal": a negating prefix on an adjective/adverb, or on a listed verb/noun ("agree"). */
function prefixNegation(a: TokenInfo, b: TokenInfo): boolean {
  const [short, long] = a.lower.length < b.lower.length ? [a, b] : [b, a];
  if (short.lower.length < 4 || !NEGATING_PREFIXES.some((p) => long.lower === p + short.lower)) return false;
  if (!isEnglishWord(long.lower) || !isEnglishWord(short.lower)) return false;
  return short.pos === 'ADJ' || short.pos === 'ADV' || long.pos === 'ADJ' || NEGATABLE_BY_PREFIX.has(short.lemma) || NEGATABLE_BY_PREFIX.has(short.lower);
}

const opposite = (a: TokenInfo, b: TokenInfo) =>
  a.pos !== 'PREP' && b.pos !== 'PREP' && a.lower !== b.lower && (prefixNegation(a, b) || antonymous(a, b));

export const antonymRule: Rule = {
  id: 'en/antonym',
  describe: 'a word replaced by its opposite (WordNet antonyms, negating prefix un-/in-/dis-...) → accuracy/mistranslation, critical (opposite nouns are left to en/mistranslation)',
  classify(v) {
    const o = v.mtInfo;
    const c = v.corInfo;
    // Word by word on sides of equal length ("an illegal" → "a legal"); prepositions are left to the grammar
    // rule (to/from changes roles, and is graded there).
    if (o.length !== c.length || o.length === 0 || o.length > 4) return undefined;
    // Opposite nouns are left to en/mistranslation (another thing, major).
    if (!o.some((a, i) => opposite(a, c[i]!) && !(a.pos === 'NOUN' && c[i]!.pos === 'NOUN'))) return undefined;
    return { category: 'accuracy/mistranslation', type: v.type, severity: severityOf('misleading', v.ctx.correctedKind), message: `${change(v)}: opposite meaning` };
  },
};
