// Word order: a move, or a replacement whose tokens are a permutation of the original's (ERRANT's R:WO).
import { change } from '../describe.js';
import type { Rule } from '../types.js';

/** A reordering of more tokens than this is a restructured sentence rather than a local slip. */
export const LONG_MOVE_TOKENS = 4;

export const wordOrderRule: Rule = {
  id: 'word-order',
  describe: `a move or a permutation of the same words (R:WO) → fluency/grammar, minor; more than ${LONG_MOVE_TOKENS} tokens → style/awkward, major`,
  classify(v) {
    const a = v.mtWords.map((w) => w.toLowerCase());
    const b = v.corWords.map((w) => w.toLowerCase());
    const isMove = v.edit.operation === 'move';
    if (!isMove) {
      if (a.length < 2 || a.join(' ') === b.join(' ')) return undefined;
      if ([...a].sort().join(' ') !== [...b].sort().join(' ')) return undefined;
    }
    const n = Math.max(a.length, b.length, 1);
    const long = n > LONG_MOVE_TOKENS;
    return {
      category: long ? 'style/awkward' : 'fluency/grammar',
      type: 'R:WO',
      severity: long ? 'major' : 'minor',
      message: isMove ? `${change(v)}: moved (word order)` : `${change(v)}: word order`,
    };
  },
};
