// Spelling in any language with a Hunspell dictionary: ERRANT's R:SPELL from the pack (a non-word of the
// language close to its correction) → fluency/spelling.
import { change } from '../../classify/describe.js';
import { severityOf } from '../../classify/severity.js';
import type { Rule } from '../../classify/types.js';

export const packSpellingRule: Rule = {
  id: 'lang/spelling',
  describe: "a non-word of the target language's Hunspell dictionary, close to its correction (R:SPELL) → fluency/spelling, minor",
  classify(v) {
    if (v.type !== 'R:SPELL') return undefined;
    return { category: 'fluency/spelling', type: 'R:SPELL', severity: severityOf('noticeable', v.ctx.correctedKind), message: `${change(v)}: misspelling (not a ${v.lang.code} word)` };
  },
};
