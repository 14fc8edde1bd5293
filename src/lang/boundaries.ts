// Word and sentence boundaries shared by every pack. Alphabetic scripts: words are letter runs with inner
// apostrophes/hyphens (one linear regex pass); unspaced scripts (zh, ja): ICU's dictionary word breaks through
// Intl.Segmenter, one segmenter per locale, built once.
import type { Range, Token } from '../model.js';

const WORD_RE = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;

/** Letter-run words of text[from, to) (numbers and punctuation are not words). */
export function letterWords(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const re = new RegExp(WORD_RE.source, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    out.push({ start: m.index, end, text: text.slice(m.index, end) });
  }
  return out;
}

const segmenters = new Map<string, Intl.Segmenter>();
/** One Intl.Segmenter per locale and granularity for the process (building one costs more than using it). */
export function segmenter(locale: string, granularity: 'word' | 'sentence' | 'grapheme'): Intl.Segmenter {
  const key = `${locale}/${granularity}`;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

const HAS_LETTER = /\p{L}/u;
/** ICU word segments that contain a letter (dictionary-based for Chinese and Japanese). */
export function segmenterWords(locale: string, text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  for (const s of segmenter(locale, 'word').segment(slice)) {
    if (s.isWordLike && HAS_LETTER.test(s.segment)) out.push({ start: from + s.index, end: from + s.index + s.segment.length, text: s.segment });
  }
  return out;
}

/** An abbreviation predicate from a list of abbreviations written without their final dot. A lower-case entry
 *  matches in any case ("etc", "Etc", "ETC"); an entry with capitals matches only as written, so the CLDR English
 *  suppressions "In" and "Joe" leave "went in." and "joe." alone. */
export function abbreviationMatcher(list: Iterable<string>): { set: ReadonlySet<string>; has(word: string): boolean } {
  const set = new Set<string>(list);
  return {
    set,
    has(word) {
      if (set.has(word)) return true;
      const l = word.toLowerCase();
      return l !== word && set.has(l);
    },
  };
}

/** Initials ("J", "M") and dotted abbreviations ("U.S" "e.g" "z.B") never end a sentence with their dot. */
export function isInitialOrDotted(word: string): boolean {
  return /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

export type SentenceSplitter = (text: string, range?: Range) => Range[];
