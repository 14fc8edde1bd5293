// Spelling: ERRANT's R:SPELL (a non-word close to its correction, or a near-identical real word such as
// "their" → "there"). Inflection non-words ("softwares", "getted") are grammar (see the grammar rule).
import { change } from '../../describe.js';
import type { Rule } from '../../types.js';
import { isEnglishWord } from '../spell.js';
import { severityOf } from '../../severity.js';

export const spellingRule: Rule = {
  id: 'en/spelling',
  describe: 'ERRANT R:SPELL (non-word close to the correction, or a confusable real word) → fluency/spelling, minor',
  classify(v) {
    if (v.type !== 'R:SPELL') return undefined;
    const nonWord = v.mtWords.some((w) => /\p{L}/u.test(w) && !isEnglishWord(w));
    return {
      category: 'fluency/spelling',
      type: 'R:SPELL',
      severity: severityOf('noticeable', v.ctx.correctedKind),
      message: `${change(v)}: ${nonWord ? 'misspelling' : 'confused with a similar word'}`,
    };
  },
};
