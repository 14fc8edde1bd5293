import type { Range } from '../model.js';

// Sentence splitting for alignment. Rules, in order:
// - a blank line always ends a sentence (paragraphs);
// - sentence punctuation (. ! ? … and runs of them, optionally followed by closing quotes/brackets) ends a sentence
//   when whitespace follows and the next text does not continue the sentence (a lowercase letter or , ; : ) ]);
//   a full stop after an abbreviation (Mr. U.S. e.g. MM.), an initial ("J.") or inside a number never does;
// - a line break ends a sentence when the line before has no final punctuation (a headline, a caption) unless the
//   next line visibly continues it (starts lowercase or with punctuation such as ". , ;"), or the line before
//   ends in , ; : or an opening bracket/quote. So an MT sentence broken across lines stays one sentence.
// The ranges are trimmed and together cover every non-whitespace character of the range.

const ABBREVIATIONS = new Set(
  [
    'mr', 'ms', 'mrs', 'messrs', 'dr', 'prof', 'st', 'mt', 'jr', 'sr', 'mm', 'm', 'mme', 'mmes', 'mlle', 'mgr',
    'etc', 'vs', 'v', 'no', 'nos', 'inc', 'ltd', 'co', 'corp', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen',
    'rep', 'rev', 'hon', 'fig', 'vol', 'pp', 'p', 'approx', 'dept', 'cf', 'al', 'ca', 'ave', 'blvd', 'jan', 'feb',
    'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  ],
);
const TERMINAL = /[.!?…]+[”"’'»)\]]*/gu;
const CONTINUES = /^[\p{Ll},;:)\]}]/u;
const LINE_CONTINUES = /^[\p{Ll}.,;:!?)\]}…]/u;
const OPEN_END = /[,;:(\[“‘«\-–—]$/u;
const FINAL_PUNCT = /[.!?…][”"’'»)\]]*$/u;
const SPACE = /\s/u;

/** Is the full stop that ends at `dot` (exclusive) part of an abbreviation, an initial or a number? */
function isAbbreviationDot(text: string, from: number, dot: number): boolean {
  let w = dot - 1; // index of '.'
  let s = w;
  while (s > from && !SPACE.test(text[s - 1]!) && !/[(\[“"‘'«]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, w);
  if (word === '') return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(word)) return true; // initial: J. R. R. Tolkien, M. Zelensky
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // U.S. U.K. e.g. i.e.
  return false;
}

/** Sentence ranges of text[range] (the whole text by default): trimmed, in order, absolute offsets. */
export function splitSentences(text: string, range: Range = { start: 0, end: text.length }): Range[] {
  const { start, end } = range;
  const cuts: number[] = [];
  // Punctuation boundaries.
  TERMINAL.lastIndex = start;
  for (let m = TERMINAL.exec(text); m && m.index < end; m = TERMINAL.exec(text)) {
    const after = Math.min(m.index + m[0].length, end);
    if (after >= end) break;
    if (!SPACE.test(text[after]!)) continue;
    if (m[0] === '.' && isAbbreviationDot(text, start, after)) continue;
    if (m[0].startsWith('.') && /\d$/u.test(text.slice(start, m.index)) && /^\.\d/u.test(text.slice(m.index, m.index + 2))) continue;
    let next = after;
    while (next < end && SPACE.test(text[next]!)) next++;
    if (next >= end) break;
    const gap = text.slice(after, next);
    if (/\n[^\S\n]*\n/u.test(gap) || !CONTINUES.test(text[next]!)) cuts.push(after);
  }
  // Line-break boundaries.
  for (let nl = text.indexOf('\n', start); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1)) {
    let lineStart = nl;
    while (lineStart > start && text[lineStart - 1] !== '\n') lineStart--;
    const before = text.slice(lineStart, nl).trimEnd();
    let next = nl + 1;
    while (next < end && SPACE.test(text[next]!)) next++;
    if (next >= end || before === '') continue; // nothing after, or a blank line (the cut is at the next text)
    const blankLineFollows = /\n[^\S\n]*\n/u.test(text.slice(nl, next + 1)) || /\n/u.test(text.slice(nl + 1, next));
    if (blankLineFollows) {
      cuts.push(nl);
      continue;
    }
    if (FINAL_PUNCT.test(before)) continue; // handled by the punctuation rule (or an abbreviation: keep together)
    if (OPEN_END.test(before) || LINE_CONTINUES.test(text[next]!)) continue;
    cuts.push(nl);
  }
  cuts.sort((a, b) => a - b);
  const out: Range[] = [];
  let from = start;
  for (const cut of [...cuts, end]) {
    let s = from;
    let e = cut;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s && (out.length === 0 || s >= out[out.length - 1]!.end)) out.push({ start: s, end: e });
    from = Math.max(from, cut);
  }
  return out;
}
