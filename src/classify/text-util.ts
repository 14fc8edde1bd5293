// Character classes and span helpers the universal rules share.
import type { EditView, SideView } from './edit-view.js';

export const PUNCT_TOKEN = /^[\p{P}\p{S}]+$/u;
/** Punctuation or a symbol, but not a currency sign: "€" goes with its number (the numbers rule). */
export const isPunctToken = (s: string) => PUNCT_TOKEN.test(s) && !/\p{Sc}/u.test(s);
export const compact = (s: string) => s.replace(/\s+/g, '');

/** The text of a token range [from, to) of a side, from the first token's start to the last one's end; the
 *  edit's own text when the range is empty (a whitespace-only edit). */
export function rangeText(doc: string, side: SideView, from: number, to: number): string {
  if (from >= to) return side.text;
  return doc.slice(side.segTokens[from]!.start, side.segTokens[to - 1]!.end);
}

export function coreTexts(v: EditView): { mt: string; cor: string } {
  return {
    mt: rangeText(v.ctx.mt, v.mt, v.core.mt[0], v.core.mt[1]),
    cor: rangeText(v.ctx.corrected, v.cor, v.core.cor[0], v.core.cor[1]),
  };
}
