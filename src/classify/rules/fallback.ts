// The last entry of every table: an edit no rule recognised still gets a classification, marked as such.
import { change } from '../describe.js';
import type { Rule } from '../types.js';
import { severityOf } from '../severity.js';

export const fallbackRule: Rule = {
  id: 'fallback',
  describe: 'anything no rule recognised → other, minor, with the ERRANT type',
  classify(v) {
    return { category: 'other', type: v.type, severity: severityOf('noticeable', v.ctx.correctedKind), message: `${change(v)}: unclassified change` };
  },
};
