// Another form of the same word (same Snowball stem or base form): an inflection error → fluency/grammar.
import { change } from '../../classify/describe.js';
import { severityOf } from '../../classify/severity.js';
import type { Rule } from '../../classify/types.js';

export const packMorphologyRule: Rule = {
  id: 'lang/morphology',
  describe: 'another form of the same word (same stem, R:MORPH) → fluency/grammar, minor',
  classify(v) {
    if (v.type !== 'R:MORPH') return undefined;
    return { category: 'fluency/grammar', type: 'R:MORPH', severity: severityOf('noticeable', v.ctx.correctedKind), message: `${change(v)}: another form of the same word` };
  },
};
