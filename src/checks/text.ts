import type { Token } from '../model.js';
import type { LanguagePack } from '../lang/index.js';
import { letterWords } from '../lang/boundaries.js';

/** Words (letters, inner apostrophes and hyphens) with their offsets. Numbers and punctuation are not words. */
export const words = letterWords;

/** A phrase as a global RegExp: its words literal, any run of whitespace between them (a phrase may wrap), and a
 *  word boundary at each edge that is a letter or digit ("Volodyr" does not match inside "Volodyrs"). */
export function phraseRegExp(phrase: string, opts: { ignoreCase?: boolean } = {}): RegExp {
  const body = phrase
    .trim()
    .split(/\s+/u)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const pre = /^[\p{L}\p{N}]/u.test(phrase.trim()) ? '(?<![\\p{L}\\p{N}])' : '';
  const post = /[\p{L}\p{N}]$/u.test(phrase.trim()) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${pre}${body}${post}`, opts.ignoreCase ? 'giu' : 'gu');
}

/** Segments of a text checked without a correction: its non-empty lines (the wmt-google preset's mean is per
 *  segment). */
export function lineSegments(text: string): number {
  return text.split('\n').filter((l) => l.trim() !== '').length;
}

/** Lines as [start, end) ranges without their line break (\r\n or \n). */
export function lineRanges(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    out.push({ start, end: end > start && text[end - 1] === '\r' ? end - 1 : end });
    if (nl === -1) return out;
    start = nl + 1;
  }
}

/** Characters that end a sentence, with the closing quotes/brackets that may follow them. */
export const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$/u;

export function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
export function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

const wordCache = new WeakMap<object, Token[]>();

/** The words of a check context's whole text (the pack's word boundaries: dictionary words in Chinese and
 *  Japanese), computed once per run and shared by the checks. */
export function contextWords(ctx: { text: string; pack?: LanguagePack }): Token[] {
  let ws = wordCache.get(ctx);
  if (!ws) {
    ws = ctx.pack ? ctx.pack.words(ctx.text) : words(ctx.text);
    wordCache.set(ctx, ws);
  }
  return ws;
}
