// Negation added or removed: the sentence now says the opposite. Critical.
import { change } from '../../describe.js';
import type { Rule } from '../../types.js';
import { NEGATORS } from '../lexicon.js';

const negations = (words: string[]) =>
  words.filter((w) => {
    const l = w.toLowerCase().replace(/’/g, "'");
    return NEGATORS.has(l) || /n't$/.test(l);
  }).length;

export const negationRule: Rule = {
  id: 'en/negation',
  describe: 'a negation (not, no, never, without, -n\'t...) added or removed → accuracy/mistranslation, critical',
  classify(v) {
    const a = negations(v.mtWords);
    const b = negations(v.corWords);
    if (a === b) return undefined;
    return {
      category: 'accuracy/mistranslation',
      type: v.type,
      severity: 'critical',
      message: `${change(v)}: negation ${b > a ? 'added' : 'removed'} (meaning reversed)`,
    };
  },
};
