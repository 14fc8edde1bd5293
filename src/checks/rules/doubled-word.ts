import type { CheckRule, CheckHit } from '../types.js';
import { contextWords } from '../text.js';


/** "the the": the same word twice in a row, separated only by spaces. */
export const doubledWord: CheckRule = {
  id: 'check/doubled-word',
  category: 'fluency/grammar',
  type: 'U:OTHER',
  severity: 'minor',
  description: 'The same word twice in a row ("the the")',
  run(ctx) {
    const hits: CheckHit[] = [];
    const ws = contextWords(ctx);
    // Repetitions the grammar allows ("had had"; German "die die"; French "nous nous") come from the pack.
    const ALLOWED = ctx.pack.allowedRepeats;
    for (let i = 1; i < ws.length; i++) {
      const a = ws[i - 1]!;
      const b = ws[i]!;
      if (a.text.toLowerCase() !== b.text.toLowerCase() || ALLOWED.has(b.text.toLowerCase())) continue;
      if (!/^[ \t\u00a0]+$/u.test(ctx.text.slice(a.end, b.start)) || ctx.allow.has(`${a.text} ${b.text}`)) continue;
      // The fix deletes the second word and the space before it.
      hits.push({ start: a.end, end: b.end, suggestion: '', message: `Doubled word "${b.text}"` });
    }
    return hits;
  },
};
