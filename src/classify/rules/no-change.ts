// An edit whose two sides read the same (not a move): nothing to correct. ERRANT types it UNK.
import type { Rule } from '../types.js';

export const noChangeRule: Rule = {
  id: 'no-change',
  describe: 'both sides identical (not a move) → other, UNK, neutral',
  applies: (v) => v.edit.operation !== 'move',
  classify(v) {
    if (v.edit.mt.text !== v.edit.corrected.text) return undefined;
    return { category: 'other', type: 'UNK', severity: 'neutral', message: `"${v.edit.mt.text.trim()}": no change` };
  },
};
