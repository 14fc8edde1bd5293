import type { Token } from '../model.js';

/** Words (letters, inner apostrophes and hyphens) with their offsets. Numbers and punctuation are not words. */
export function words(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const re = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

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

/** Abbreviations whose period does not end a sentence (lower-cased, without the period). */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'mm', 'messrs', 'gen', 'col', 'lt', 'sgt', 'gov', 'sen', 'rep',
  'e.g', 'i.e', 'etc', 'vs', 'cf', 'al', 'approx', 'ca', 'no', 'nos', 'vol', 'pp', 'p', 'fig', 'figs', 'ed', 'eds',
  'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'a.m', 'p.m', 'op', 'cit', 'ibid', 'viz', 'resp', 'dept', 'est', 'mt', 'ft', 'km', 'kg', 'cm', 'mm',
]);

export function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
export function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

const wordCache = new WeakMap<object, Token[]>();

/** The words of a check context's whole text, computed once per run and shared by the checks. */
export function contextWords(ctx: { text: string }): Token[] {
  let ws = wordCache.get(ctx);
  if (!ws) {
    ws = words(ctx.text);
    wordCache.set(ctx, ws);
  }
  return ws;
}
