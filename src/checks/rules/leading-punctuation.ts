import type { CheckRule, CheckHit } from '../types.js';
import { lineRanges } from '../text.js';
import { sourceLineAt } from './source-pairs.js';

// A line that is only punctuation, or starts with a sentence-internal/closing mark (". And this"): the mark
// belongs at the end of the previous line. Dashes, bullets, opening quotes and brackets may start a line.
const LEADING = /^[ \t]*([.,;:!?)\]}»”…]+)[ \t]*/u;

export const leadingPunctuation: CheckRule = {
  id: 'check/leading-punctuation',
  category: 'fluency/punctuation',
  type: 'R:PUNCT',
  severity: 'minor',
  description: 'A line that is only punctuation or starts with one (". And this")',
  run(ctx) {
    const hits: CheckHit[] = [];
    const lines = lineRanges(ctx.text);
    lines.forEach((line, i) => {
      const m = LEADING.exec(ctx.text.slice(line.start, line.end));
      if (!m) return;
      const punct = m[1]!;
      // The source segment starts with punctuation too: a fragment, faithfully translated.
      if (LEADING.test(sourceLineAt(ctx.text, ctx.source, line.start) ?? '')) return;
      const onlyPunct = m[0].length === line.end - line.start;
      const prev = i > 0 ? lines[i - 1] : undefined;
      if (prev && prev.end > prev.start && ctx.text.slice(prev.start, prev.end).trim() !== '') {
        // The fix joins the mark to the previous line: "member\n. And" → "member. And".
        const rest = onlyPunct ? '' : ' ';
        hits.push({
          start: prev.end,
          end: line.start + m[0].length,
          suggestion: onlyPunct ? punct : punct + rest,
          message: onlyPunct
            ? `A line that is only "${punct}": it ends the previous line`
            : `The line starts with "${punct}": it belongs at the end of the previous line`,
        });
      } else {
        hits.push({
          start: line.start,
          end: line.start + m[0].length,
          message: onlyPunct ? `A line that is only "${punct}"` : `The line starts with "${punct}"`,
        });
      }
    });
    return hits;
  },
};
