import type { CheckRule, CheckHit } from '../types.js';

// "word , word" / "end ." — a space before a comma or period. Silent on tokenised corpora, where every
// punctuation mark is a separate token by design. ": ; ! ?" belong to check/french-typography.
const SPACE_BEFORE = /(?<=[\p{L}\p{N}"”’)\]]) +([,.])(?=\s|$|["”’)\]])/gu;

export const spaceBeforePunctuation: CheckRule = {
  id: 'check/space-before-punctuation',
  category: 'fluency/punctuation',
  type: 'R:PUNCT',
  severity: 'minor',
  description: 'A space before a comma or a period ("said , then")',
  run(ctx) {
    if (ctx.tokenized) return [];
    const hits: CheckHit[] = [];
    for (const m of ctx.text.matchAll(SPACE_BEFORE)) {
      const punct = m[1]!;
      // " ..." is an ellipsis, not a period.
      if (ctx.text.startsWith('..', m.index + m[0].length - 1)) continue;
      hits.push({ start: m.index, end: m.index + m[0].length, suggestion: punct, message: `Space before "${punct}"` });
    }
    return hits;
  },
};
