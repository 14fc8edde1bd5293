import type { CheckRule, CheckHit } from '../types.js';

// "large -scale", "long- term": a hyphenated word with a space on one side of its hyphen. A space on both sides
// is a dash; "pre- and post-war" (a suspended hyphen before a conjunction) is correct English, "Branch- oder
// Commit-Argument" German.
const SPACE_BEFORE = /(?<=\p{L}) +-(?=\p{L})/gu;
const SPACE_AFTER = /(?<=\p{L})- +(?=\p{L})(?!(?:and|or|to|nor|und|oder|bzw|sowie|als|et|ou|y|o|e|и|или)\b)/gu;

export const spaceInHyphen: CheckRule = {
  id: 'check/space-in-hyphen',
  category: 'fluency/typography',
  type: 'R:MERGE',
  severity: 'minor',
  description: 'A space inside a hyphenated word ("large -scale")',
  run(ctx) {
    const hits: CheckHit[] = [];
    for (const re of [SPACE_BEFORE, SPACE_AFTER]) {
      for (const m of ctx.text.matchAll(re)) {
        // Widen the span to the whole hyphenated word so that the message and the fix read naturally.
        const start = wordStart(ctx.text, m.index);
        const end = wordEnd(ctx.text, m.index + m[0].length);
        const found = ctx.text.slice(start, end);
        if (ctx.allow.has(found)) continue;
        // A command-line option after a word ("Verwenden Sie -f", "git push -u"): the source writes it so too,
        // or, without a source, it is a single letter.
        const option = /^ +-(\p{L}+)/u.exec(m[0] + ctx.text.slice(m.index + m[0].length, end));
        if (option && (ctx.source !== undefined ? new RegExp(`(?:^|\\s)-${option[1]}(?![\\p{L}])`, 'u').test(ctx.source) : option[1]!.length === 1)) continue;
        const fixed = found.replace(/ +-|- +/u, '-');
        hits.push({ start, end, suggestion: fixed, message: `Space inside the hyphenated word "${found}": "${fixed}"` });
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};

function wordStart(text: string, i: number): number {
  while (i > 0 && /[\p{L}\p{M}\p{N}]/u.test(text[i - 1]!)) i--;
  return i;
}
function wordEnd(text: string, i: number): number {
  while (i < text.length && /[\p{L}\p{M}\p{N}]/u.test(text[i]!)) i++;
  return i;
}
