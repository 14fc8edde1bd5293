// Negation added or removed: the sentence now says the opposite. Critical.
import { change } from '../../describe.js';
import type { Rule } from '../../types.js';
import { NEGATORS } from '../lexicon.js';

const isNegator = (w: string) => {
  const l = w.toLowerCase().replace(/’/g, "'");
  return NEGATORS.has(l) || /n't$/.test(l);
};
const negations = (words: string[]) => words.filter(isNegator).length;

/** Beyond the negation the two sides must say much the same: in a wholesale rewrite a "no" is not a reversal. */
export const MAX_OTHER_CHANGES = 2;

function otherChanges(a: string[], b: string[]): number {
  const strip = (ws: string[]) => ws.filter((w) => !isNegator(w)).map((w) => w.toLowerCase().replace(/n['’]t$/, ''));
  const x = strip(a);
  const y = strip(b);
  const pool = [...y];
  let unmatched = 0;
  for (const w of x) {
    const k = pool.indexOf(w);
    if (k === -1) unmatched++;
    else pool.splice(k, 1);
  }
  return unmatched + pool.length;
}

export const negationRule: Rule = {
  id: 'en/negation',
  describe: 'a negation (not, no, never, without, -n\'t...) added or removed → accuracy/mistranslation, critical',
  classify(v) {
    const a = negations(v.mtWords);
    const b = negations(v.corWords);
    if (a === b || otherChanges(v.mtWords, v.corWords) > MAX_OTHER_CHANGES) return undefined;
    return {
      category: 'accuracy/mistranslation',
      type: v.type,
      severity: 'critical',
      message: `${change(v)}: negation ${b > a ? 'added' : 'removed'} (meaning reversed)`,
    };
  },
};
