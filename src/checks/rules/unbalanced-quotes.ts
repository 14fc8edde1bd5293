import type { CheckRule, CheckHit } from '../types.js';
import { sourceLineAt } from './source-pairs.js';

import type { LanguagePack } from '../../lang/index.js';

interface Pairs {
  OPENERS: Record<string, string>;
  CLOSERS: Record<string, string>;
}
const pairsByPack = new Map<string, Pairs>();
/** Opening → closing marks: the language's quotation marks (CLDR: German „…“ and ‚…‘, French « … », Russian
 *  « … » and „…“) first, then “…” and «…» where they do not clash with those, and brackets. */
function pairsOf(pack: LanguagePack): Pairs {
  let p = pairsByPack.get(pack.code);
  if (!p) {
    const q = pack.typography.quotes;
    const list: Array<[string, string]> = [[q.start, q.end], [q.alternateStart, q.alternateEnd]];
    const used = new Set(list.flat());
    for (const pair of [['“', '”'], ['«', '»']] as Array<[string, string]>) if (!used.has(pair[0]) && !used.has(pair[1])) list.push(pair);
    // Single quotes double as apostrophes ("don’t"): only the language's own double-quote pair and brackets.
    const pairs = [...list.filter(([o, c]) => !'‘’\''.includes(o) && !'‘’\''.includes(c) && o !== c), ['(', ')'], ['[', ']'], ['{', '}']];
    p = { OPENERS: Object.fromEntries(pairs), CLOSERS: Object.fromEntries(pairs.map(([o, c]) => [c, o])) };
    pairsByPack.set(pack.code, p);
  }
  return p;
}

/** Quotes and brackets must pair up within a paragraph (a line, on a tokenised corpus). */
export const unbalancedQuotes: CheckRule = {
  id: 'check/unbalanced-quotes',
  category: 'fluency/punctuation',
  type: 'R:PUNCT',
  severity: 'minor',
  description: 'A quotation mark or bracket without its partner in the same paragraph',
  run(ctx) {
    const hits: CheckHit[] = [];
    const blocks = ctx.tokenized ? /[^\n]+/g : /[^\n]+(?:\r?\n[ \t]*\S[^\n]*)*/g;
    for (const b of ctx.text.matchAll(blocks)) {
      // A mark the source segment leaves unpaired too (a fragment, wiki markup) is faithfully translated.
      const src = sourceLineAt(ctx.text, ctx.source, b.index);
      const mtPairs = pairsOf(ctx.pack);
      const srcPairs = ctx.sourcePack ? pairsOf(ctx.sourcePack) : mtPairs;
      const srcUnpaired = src === undefined ? new Set<string>() : new Set(unbalancedIn(src, 0, srcPairs).map((h) => pairKey(src[h.start]!, srcPairs)));
      hits.push(...unbalancedIn(b[0], b.index, mtPairs).filter((h) => !srcUnpaired.has(pairKey(ctx.text[h.start]!, mtPairs))));
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};

function unbalancedIn(block: string, offset: number, { OPENERS, CLOSERS }: Pairs): CheckHit[] {
  const hits: CheckHit[] = [];
  const stack: Array<{ ch: string; at: number }> = [];
  let straight: number[] = [];
  for (let i = 0; i < block.length; i++) {
    const ch = block[i]!;
    if (ch === '"') {
      straight.push(i);
    } else if (OPENERS[ch]) {
      stack.push({ ch, at: i });
    } else if (CLOSERS[ch]) {
      // List markers "a)" / "1)" at a line start and emoticons ":)" are not brackets.
      // List markers "a)", "b)", "12)" and emoticons ":)" are not brackets (when no "(" is open).
      const before = block.slice(Math.max(0, i - 6), i);
      if (ch === ')' && !stack.some((x) => x.ch === '(') && (/(?:^|[\s;,])(?:\p{L}|\p{N}{1,3}) ?$/u.test(before) || /[:;]-?$/.test(before))) continue;
      const top = stack[stack.length - 1];
      if (top && top.ch === CLOSERS[ch]) stack.pop();
      else if (stack.some((s) => s.ch === CLOSERS[ch])) {
        // A closer for an outer opener: the inner openers are the unmatched ones.
        while (stack.length && stack[stack.length - 1]!.ch !== CLOSERS[ch]) {
          const s = stack.pop()!;
          hits.push(missing(s.ch, offset + s.at, OPENERS));
        }
        stack.pop();
      } else hits.push({ start: offset + i, end: offset + i + 1, message: `"${ch}" without an opening "${CLOSERS[ch]}"` });
    }
  }
  for (const s of stack) hits.push(missing(s.ch, offset + s.at, OPENERS));
  if (straight.length % 2 === 1) {
    const at = straight[straight.length - 1]!;
    hits.push({ start: offset + at, end: offset + at + 1, message: 'An odd number of straight double quotes (") in the paragraph' });
  }
  straight = [];
  return hits;
}

/** Which pair a mark belongs to (source quotes may differ in form: „ ” in Romanian, « » in French). */
function pairKey(ch: string, { OPENERS, CLOSERS }: Pairs): string {
  if ('“”«»"„‟‚'.includes(ch)) return 'quote';
  return OPENERS[ch] ? ch : (CLOSERS[ch] ?? ch);
}

function missing(ch: string, at: number, OPENERS: Record<string, string>): CheckHit {
  return { start: at, end: at + 1, message: `"${ch}" without a closing "${OPENERS[ch]}"` };
}
