// Token-boundary errors: the same characters with a word boundary added or removed. "thespecial" → "the
// special" (R:SPLIT: the correction splits a run-together token), "large -scale" → "large-scale" (R:MERGE: the
// correction joins the pieces). A boundary next to punctuation that is only spacing ("member ." → "member.")
// is left to the whitespace rule.
import { change } from '../describe.js';
import { coreTexts } from '../text-util.js';
import type { Rule } from '../types.js';
import { severityOf } from '../severity.js';

/** Positions (in the whitespace-free string) where whitespace occurs, and the whitespace-free string. */
function boundaries(s: string): { chars: string; at: Set<number> } {
  const at = new Set<number>();
  let chars = '';
  for (const part of s.split(/(\s+)/)) {
    if (part === '') continue;
    if (/^\s+$/.test(part)) at.add(chars.length);
    else chars += part;
  }
  return { chars, at };
}

const WORDISH = /[\p{L}\p{N}\-'’]/u;
const LETTER = /[\p{L}\p{N}]/u;

export const tokenBoundaryRule: Rule = {
  id: 'token-boundary',
  describe: 'same letters, a word boundary added (R:SPLIT, "thespecial") or removed (R:MERGE, "large -scale") → fluency/spelling or fluency/typography, minor',
  classify(v) {
    const { mt, cor } = coreTexts(v);
    const a = boundaries(mt);
    const b = boundaries(cor);
    if (a.chars !== b.chars) return undefined;
    // A changed boundary matters when both neighbours are word characters (a hyphen or apostrophe counts as
    // part of a word when a letter is on its other side).
    const wordLevel = (p: number) => {
      const left = a.chars[p - 1] ?? '';
      const right = a.chars[p] ?? '';
      if (!WORDISH.test(left) || !WORDISH.test(right)) return false;
      return LETTER.test(left) || LETTER.test(right);
    };
    const removed = [...a.at].filter((p) => !b.at.has(p) && wordLevel(p));
    const added = [...b.at].filter((p) => !a.at.has(p) && wordLevel(p));
    if (removed.length === 0 && added.length === 0) return undefined;
    const hyphenated = removed.some((p) => /[-'’]/.test((a.chars[p - 1] ?? '') + (a.chars[p] ?? '')));
    if (added.length >= removed.length)
      return { category: 'fluency/spelling', type: 'R:SPLIT', severity: severityOf('surface', v.ctx.correctedKind), message: `${change(v)}: run-together words split` };
    return {
      category: hyphenated ? 'fluency/typography' : 'fluency/spelling',
      type: 'R:MERGE',
      severity: severityOf('surface', v.ctx.correctedKind),
      message: `${change(v)}: ${hyphenated ? 'stray space in a hyphenated compound' : 'one word written as two'}`,
    };
  },
};
