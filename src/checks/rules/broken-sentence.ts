import type { CheckRule, CheckHit } from '../types.js';
import { lineRanges, SENTENCE_END, isLower } from '../text.js';

// A line break in the middle of a sentence: the line ends without closing punctuation and the next line goes on
// in lower case ("creation of the Volunteer coalition\na group of countries"). Text that is hard-wrapped on
// purpose (most line breaks fall mid-sentence) is left alone.
export const brokenSentence: CheckRule = {
  id: 'check/broken-sentence',
  category: 'fluency/punctuation',
  type: 'R:OTHER',
  severity: 'minor',
  description: 'A sentence broken across two lines (the next line goes on in lower case)',
  run(ctx) {
    if (ctx.tokenized) return [];
    const lines = lineRanges(ctx.text);
    const hits: CheckHit[] = [];
    let breaks = 0;
    for (let i = 0; i + 1 < lines.length; i++) {
      const cur = ctx.text.slice(lines[i]!.start, lines[i]!.end).trimEnd();
      const next = ctx.text.slice(lines[i + 1]!.start, lines[i + 1]!.end);
      if (cur === '' || next.trim() === '') continue;
      breaks++;
      if (SENTENCE_END.test(cur)) continue;
      const first = next.trimStart()[0]!;
      // A list item ("a) publish", "i. review") may follow a heading in lower case.
      if (!isLower(first) || /^\s*[\p{L}\p{N}]{1,3}[.)]\s/u.test(next)) continue;
      const end = lines[i]!.start + cur.length;
      hits.push({
        start: end,
        end: lines[i + 1]!.start + (next.length - next.trimStart().length),
        suggestion: ' ',
        message: 'The sentence goes on after a line break: the break splits it in two',
      });
    }
    // Hard-wrapped prose (e.g. Markdown at 80 columns): a break mid-sentence is the norm, not an error.
    if (breaks >= 4 && hits.length / breaks > 0.5) return [];
    return hits;
  },
};
