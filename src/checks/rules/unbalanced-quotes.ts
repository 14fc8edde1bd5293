import type { CheckRule, CheckHit } from '../types.js';
import { sourceLineAt } from './source-pairs.js';

const OPENERS: Record<string, string> = { '“': '”', '«': '»', '(': ')', '[': ']', '{': '}' };
const CLOSERS: Record<string, string> = { '”': '“', '»': '«', ')': '(', ']': '[', '}': '{' };

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
      const srcUnpaired = src === undefined ? new Set<string>() : new Set(unbalancedIn(src, 0).map((h) => pairKey(src[h.start]!)));
      hits.push(...unbalancedIn(b[0], b.index).filter((h) => !srcUnpaired.has(pairKey(ctx.text[h.start]!))));
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};

function unbalancedIn(block: string, offset: number): CheckHit[] {
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
          hits.push(missing(s.ch, offset + s.at));
        }
        stack.pop();
      } else hits.push({ start: offset + i, end: offset + i + 1, message: `"${ch}" without an opening "${CLOSERS[ch]}"` });
    }
  }
  for (const s of stack) hits.push(missing(s.ch, offset + s.at));
  if (straight.length % 2 === 1) {
    const at = straight[straight.length - 1]!;
    hits.push({ start: offset + at, end: offset + at + 1, message: 'An odd number of straight double quotes (") in the paragraph' });
  }
  straight = [];
  return hits;
}

/** Which pair a mark belongs to (source quotes may differ in form: „ ” in Romanian, « » in French). */
function pairKey(ch: string): string {
  if ('“”«»"„'.includes(ch)) return 'quote';
  return OPENERS[ch] ? ch : (CLOSERS[ch] ?? ch);
}

function missing(ch: string, at: number): CheckHit {
  return { start: at, end: at + 1, message: `"${ch}" without a closing "${OPENERS[ch]}"` };
}
