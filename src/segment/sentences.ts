import type { Range } from '../model.js';
import { isInitialOrDotted } from '../lang/boundaries.js';
import { packFor, type LanguagePack } from '../lang/index.js';

// Sentence splitting for alignment. Rules, in order:
// - a blank line always ends a sentence (paragraphs);
// - sentence punctuation (. ! ? … and runs of them, optionally followed by closing quotes/brackets) ends a sentence
//   when whitespace follows and the next text does not continue the sentence (a lowercase letter or , ; : ) ]);
//   a full stop after an abbreviation of the language pack (CLDR's suppressions: Mr. z. B. M.), a dotted
//   abbreviation (U.S. e.g.), an initial ("J.") or inside a number never does;
// - full-width sentence punctuation (。！？ and their closing quotes) ends a sentence without any space after it;
// - a line break ends a sentence when the line before has no final punctuation (a headline, a caption) unless the
//   next line visibly continues it (starts lowercase or with punctuation such as ". , ;"), or the line before
//   ends in , ; : or an opening bracket/quote. So an MT sentence broken across lines stays one sentence.
// The ranges are trimmed and together cover every non-whitespace character of the range.

const CONTINUES = /^[\p{Ll},;:)\]}]/u;
const LINE_CONTINUES = /^[\p{Ll}.,;:!?)\]}…]/u;
const SPACE = /\s/u;
const FULL_WIDTH_TERMINAL = /[。！？]+[」』”’）〕】]*/gu;
const EN = packFor('en');

interface Marks {
  TERMINAL: RegExp;
  OPEN_END: RegExp;
  FINAL_PUNCT: RegExp;
}
const marksByPack = new Map<string, Marks>();
/** Terminal punctuation with the closing quotes that may follow it, and line ends that leave a sentence open:
 *  the language's closing quotation marks count as closers (German „…“ and ‚…‘ close with “ and ‘). */
function marksOf(pack: LanguagePack): Marks {
  let m = marksByPack.get(pack.code);
  if (!m) {
    const q = pack.typography.quotes;
    const esc = (c: string) => c.replace(/[\]\\^-]/g, '\\$&');
    const closers = new Set(['”', '"', '’', "'", '»', ')', ']', q.end, q.alternateEnd]);
    const openers = ['“', '‘', '«', q.start, q.alternateStart].filter((c) => !closers.has(c));
    const close = [...closers].map(esc).join('');
    m = {
      TERMINAL: new RegExp(`[.!?…]+[${close}]*`, 'gu'),
      OPEN_END: new RegExp(`[,;:(\\[${[...new Set(openers)].map(esc).join('')}\\-–—]$`, 'u'),
      FINAL_PUNCT: new RegExp(`[.!?…][${close}]*$`, 'u'),
    };
    marksByPack.set(pack.code, m);
  }
  return m;
}

/** Is the full stop that ends at `dot` (exclusive) part of an abbreviation, an initial or a number? */
function isAbbreviationDot(text: string, from: number, dot: number, pack: LanguagePack): boolean {
  let w = dot - 1; // index of '.'
  let s = w;
  while (s > from && !SPACE.test(text[s - 1]!) && !/[(\[“"‘'«]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, w);
  if (word === '') return false;
  // Initials (J. R. R. Tolkien, M. Zelensky) and dotted forms (U.S. e.g. z.B.) besides the pack's abbreviations.
  return pack.isAbbreviation(word) || isInitialOrDotted(word);
}

/** "15. Mai": an ordinal's dot (1–3 digits before it) followed by a month name. */
function isOrdinalBeforeMonth(text: string, dot: number, next: number, pack: LanguagePack): boolean {
  if (!/(?<![\p{L}\p{N}.])\d{1,3}$/u.test(text.slice(Math.max(0, dot - 4), dot))) return false;
  const word = /^\p{L}+/u.exec(text.slice(next, next + 20))?.[0];
  return word !== undefined && pack.months.has(word.toLowerCase());
}

/** Sentence ranges of text[range] (the whole text by default): trimmed, in order, absolute offsets. */
export function splitSentences(text: string, range: Range = { start: 0, end: text.length }, pack: LanguagePack = EN): Range[] {
  const { start, end } = range;
  const { TERMINAL, OPEN_END, FINAL_PUNCT } = marksOf(pack);
  const cuts: number[] = [];
  // Full-width terminals: a cut right after them (and their closing quotes/brackets).
  FULL_WIDTH_TERMINAL.lastIndex = start;
  for (let m = FULL_WIDTH_TERMINAL.exec(text); m && m.index < end; m = FULL_WIDTH_TERMINAL.exec(text)) {
    const after = m.index + m[0].length;
    if (after < end && !SPACE.test(text[after]!)) cuts.push(after);
  }
  // Punctuation boundaries.
  TERMINAL.lastIndex = start;
  for (let m = TERMINAL.exec(text); m && m.index < end; m = TERMINAL.exec(text)) {
    const after = Math.min(m.index + m[0].length, end);
    if (after >= end) break;
    if (!SPACE.test(text[after]!)) continue;
    if (m[0] === '.' && isAbbreviationDot(text, start, after, pack)) continue;
    if (m[0].startsWith('.') && /\d$/u.test(text.slice(start, m.index)) && /^\.\d/u.test(text.slice(m.index, m.index + 2))) continue;
    let next = after;
    while (next < end && SPACE.test(text[next]!)) next++;
    if (next >= end) break;
    if (m[0] === '.' && pack.ordinalDot && isOrdinalBeforeMonth(text, m.index, next, pack)) continue;
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
