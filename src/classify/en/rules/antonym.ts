// A word replaced by its opposite ("increase" → "decrease", "legal" → "illegal"): meaning reversed. Critical.
import { change } from '../../describe.js';
import type { Rule } from '../../types.js';
import { areAntonyms, NEGATING_PREFIXES } from '../lexicon.js';
import { isEnglishWord } from '../spell.js';

function prefixNegation(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length < 4) return false;
  return NEGATING_PREFIXES.some((p) => long === p + short) && isEnglishWord(long) && isEnglishWord(short);
}

export const antonymRule: Rule = {
  id: 'en/antonym',
  describe: 'a word replaced by its opposite (antonym list, negating prefix un-/in-/dis-...) → accuracy/mistranslation, critical',
  classify(v) {
    const o = v.mtInfo;
    const c = v.corInfo;
    if (o.length !== 1 || c.length !== 1) return undefined;
    const a = o[0]!;
    const b = c[0]!;
    const opposite =
      areAntonyms(a.lemma, b.lemma) || areAntonyms(a.lower, b.lower) || prefixNegation(a.lower, b.lower);
    // Prepositions are left to the grammar rule (to/from is a role change, not a reversal of the statement).
    if (!opposite || a.pos === 'PREP' || b.pos === 'PREP') return undefined;
    return { category: 'accuracy/mistranslation', type: v.type, severity: 'critical', message: `${change(v)}: opposite meaning` };
  },
};
