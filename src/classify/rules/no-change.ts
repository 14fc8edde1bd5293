// An edit whose two sides read the same (not a move): nothing to correct. ERRANT types it UNK.
import type { Rule } from '../types.js';
import { severityOf } from '../severity.js';

export const noChangeRule: Rule = {
  id: 'no-change',
  describe: 'both sides identical (not a move) → other, UNK, neutral',
  applies: (v) => v.edit.operation !== 'move',
  classify(v) {
    if (v.edit.mt.text !== v.edit.corrected.text) return undefined;
    return { category: 'other', type: 'UNK', severity: severityOf('preferential', v.ctx.correctedKind), message: `"${v.edit.mt.text.trim()}": no change` };
  },
};
