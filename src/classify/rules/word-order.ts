// Word order: a move, a replacement whose tokens are a permutation of the original's (ERRANT's R:WO), or a
// phrase deleted in one place and inserted in another of the same segment that the edit extraction left as two
// edits ("conversations [Donald Trump] With" → "[Donald Trump] conversations with").
import { change, quote } from '../describe.js';
import type { EditView } from '../edit-view.js';
import { isPunctToken } from '../text-util.js';
import { severityOf } from '../severity.js';
import type { Rule, Verdict } from '../types.js';

/** A reordering of more tokens than this is a restructured sentence rather than a local slip. */
export const LONG_MOVE_TOKENS = 4;

/** Words of `a` not matched in `b` (multiset difference). */
function minus(a: string[], b: string[]): string[] {
  const pool = [...b];
  return a.filter((w) => {
    const k = pool.indexOf(w);
    if (k === -1) return true;
    pool.splice(k, 1);
    return false;
  });
}

/** The words this edit adds or removes, when it is one end of a displacement: each word of four letters or
 *  more that it adds or removes occurs as often in the MT segment as in the corrected one (so it was moved,
 *  not changed); shorter words ("the", "who") may change on the way. */
function displacedWords(v: EditView): string[] | undefined {
  const words = (ws: string[]) => ws.filter((w) => !isPunctToken(w)).map((w) => w.toLowerCase());
  const a = words(v.mtWords);
  const b = words(v.corWords);
  const long = (w: string) => /^\p{L}{4,}$/u.test(w);
  const moved = [...minus(b, a), ...minus(a, b)].filter(long);
  if (moved.length === 0) return undefined;
  return moved.every((w) => (v.mt.counts.get(w) ?? 0) === (v.cor.counts.get(w) ?? 0)) ? moved : undefined;
}

function orderVerdict(v: EditView, tokens: number, what: string): Verdict {
  const long = tokens > LONG_MOVE_TOKENS;
  return {
    category: long ? 'style/awkward' : 'fluency/grammar',
    type: 'R:WO',
    // A long reordering is awkward phrasing with the meaning intact (a reference's is its own choice).
    severity: severityOf(long ? 'same-meaning' : 'structure', v.ctx.correctedKind),
    message: `${change(v)}: ${what}`,
  };
}

/** First in the table: a move is decided here, before surface rules read its identical sides as "no change". */
export const moveRule: Rule = {
  id: 'move',
  describe: `a moved phrase (operation move) → R:WO, fluency/grammar, minor; more than ${LONG_MOVE_TOKENS} tokens → style/awkward, minor (neutral against a reference)`,
  applies: (v) => v.edit.operation === 'move',
  classify(v) {
    const n = Math.max(v.mt.tokens.length, v.cor.tokens.length, 1);
    const same = v.edit.mt.text.trim() === v.edit.corrected.text.trim();
    // A number moved and rewritten ("15 march" → "March 15") is a date or number format: the numbers rule decides.
    if (!same && /\p{N}/u.test(v.edit.mt.text + v.edit.corrected.text)) return undefined;
    // The same words on both sides: say what moved, not "x" → "x".
    if (same) return { ...orderVerdict(v, n, ''), message: `${quote(v.edit.mt.text.trim())} moved (word order)` };
    return orderVerdict(v, n, 'moved and changed (word order)');
  },
};

export const wordOrderRule: Rule = {
  id: 'word-order',
  describe: `a permutation of the same words (R:WO), or one end of a displaced phrase → fluency/grammar, minor; more than ${LONG_MOVE_TOKENS} tokens → style/awkward, minor (neutral against a reference)`,
  classify(v) {
    const a = v.mtWords.map((w) => w.toLowerCase());
    const b = v.corWords.map((w) => w.toLowerCase());
    if (a.length >= 2 && a.join(' ') !== b.join(' ') && [...a].sort().join(' ') === [...b].sort().join(' '))
      return orderVerdict(v, Math.max(a.length, b.length), 'word order');
    const displaced = displacedWords(v);
    if (!displaced) return undefined;
    const long = displaced.length > LONG_MOVE_TOKENS;
    const what = `${displaced.join(' ')} displaced within the sentence (word order)`;
    return {
      category: long ? 'style/awkward' : 'fluency/grammar',
      type: v.type, // one end of the displacement: ERRANT's M:/U: type of what it inserts or removes
      severity: severityOf(long ? 'same-meaning' : 'structure', v.ctx.correctedKind),
      message: `${change(v)}: ${what}`,
    };
  },
};
