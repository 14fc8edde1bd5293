// Case-only changes (ERRANT's R:ORTH): "American president" → "American President".
import { change } from '../describe.js';
import { compact } from '../text-util.js';
import type { Rule } from '../types.js';
import { severityOf } from '../severity.js';

export const caseRule: Rule = {
  id: 'case',
  describe: 'only letter case changed → fluency/spelling R:ORTH, minor',
  classify(v) {
    const mt = compact(v.edit.mt.text);
    const cor = compact(v.edit.corrected.text);
    if (mt === cor || mt.toLowerCase() !== cor.toLowerCase()) return undefined;
    return { category: 'fluency/spelling', type: 'R:ORTH', severity: severityOf('surface', v.ctx.correctedKind), message: `${change(v)}: capitalisation` };
  },
};
