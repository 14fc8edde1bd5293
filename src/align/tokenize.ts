import type { Range, Token } from '../model.js';
import { packFor, type LanguagePack } from '../lang/index.js';

// Word-level tokens with absolute offsets. Every non-whitespace character belongs to exactly one token, so the
// text between two consecutive tokens is whitespace only (extract.ts relies on that).
//
// Conventions:
// - Text is first cut at whitespace; a chunk that contains no letter or digit is ONE token (so already tokenised
//   corpora, where punctuation stands alone, keep their tokens: "--", "...", "''", ".\"").
// - Inside a chunk: URLs, abbreviations ("U.S.", "e.g.", initials "J.", and the language pack's: "Mr.", "MM.",
//   "z.B."), words with inner
//   hyphens/apostrophes ("large-scale", "face-to-face", "Carney’s", "don't" stay ONE token — unlike spaCy we do
//   not split the possessive: a span then always covers whole words), numbers with inner separators ("1,500",
//   "3.14", "10:30"), a leading clitic ("'s", "n't" in tokenised text); any other character is punctuation, a run
//   of the same punctuation character ("...", "--") being one token; an emoji with its modifiers is one token.
// - Unspaced scripts (Chinese, Japanese): a run of Han/kana inside a chunk is cut into the pack's words (ICU's
//   dictionary word breaks, jieba for Chinese).

const WORD = String.raw`[\p{L}\p{M}\p{N}_]`;
const JOIN = String.raw`(?:['’\-‐&/]|(?<=\p{N})[.,:](?=\p{N}))`;
const TOKEN_RE = new RegExp(
  [
    String.raw`https?:\/\/[^\s]+?(?=[.,;:!?)\]”"']*(?:\s|$))`,
    String.raw`(?:\p{L}\.){2,}`, // U.S. e.g. i.e. J.R.R.
    String.raw`\p{Lu}\.(?!${WORD})`, // initials (the pack's abbreviations are added after the match)
    String.raw`['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M|t|T)(?!${WORD})`, // clitics in tokenised text
    String.raw`${WORD}+(?:${JOIN}${WORD}+)*`,
    String.raw`\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*`, // 👍🏽
    String.raw`([^\s\p{L}\p{M}\p{N}_])\1*`,
  ].join('|'),
  'guy',
);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CHUNK_RE = /\S+/gu;

// A chunk that ends in sentence punctuation glued to a word ("Ukraine," "war."), as ordinary text has.
const ATTACHED_RE = /[\p{L}\p{N}][,;:!?]$|[\p{L}\p{N}]{2,}\.$/u;
const STANDALONE_RE = /^[,.;:!?]$/;

/** Does this text look already tokenised (punctuation stands alone, as in MT/QE corpora)? Then tokens are
 *  exactly the whitespace-separated chunks. Ordinary prose glues commas and full stops to words. */
export function isPreTokenised(text: string, pack: LanguagePack = EN): boolean {
  let attached = 0;
  let standalone = 0;
  let seen = 0;
  for (const m of text.matchAll(CHUNK_RE)) {
    // A sample is enough to tell: the first PRE_TOKENISED_SAMPLE chunks decide for the whole text.
    if (++seen > PRE_TOKENISED_SAMPLE) break;
    const s = m[0];
    if (STANDALONE_RE.test(s)) standalone++;
    // Only the chunk's end matters; testing the whole of a 200,000-character chunk would backtrack quadratically.
    else if (ATTACHED_RE.test(s.slice(-4)) && !pack.isAbbreviation(s.slice(0, -1))) attached++;
  }
  return standalone > 0 && standalone >= 4 * attached;
}
const EN = packFor('en');
const PRE_TOKENISED_SAMPLE = 50_000;

export interface TokenizeOptions {
  /** Split at whitespace only; by default decided by isPreTokenised(text[range]). */
  preTokenised?: boolean;
  /** Token texts seen so far (one table per document): equal texts share one string. A 1,000,000-word document
   *  has ~2,000,000 tokens but a few tens of thousands of distinct words, so this keeps ~60 MB of duplicate
   *  short strings out of the heap while the tokens live (through classification). */
  intern?: Map<string, string>;
  /** The text's language pack (abbreviations, word breaks of unspaced scripts); English by default. */
  pack?: LanguagePack;
}

/** Length of the leading run of ASCII letters and digits. */
function plainWordLength(s: string): number {
  let k = 0;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
  }
  return k;
}

/** Tokens of text[range] (the whole text by default), with absolute offsets. */
export function tokenize(text: string, range: Range = { start: 0, end: text.length }, opts: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(range.start, range.end);
  const pack = opts.pack ?? EN;
  const whole = opts.preTokenised ?? isPreTokenised(slice, pack);
  const intern = opts.intern;
  const push = (t: string, start: number): void => {
    let shared = t;
    if (intern) {
      const seen = intern.get(t);
      if (seen === undefined) intern.set(t, t);
      else shared = seen;
    }
    tokens.push({ text: shared, start, end: start + t.length });
  };
  for (const chunk of slice.matchAll(CHUNK_RE)) {
    const base = range.start + chunk.index;
    const s = chunk[0];
    if (whole || !LETTER_OR_DIGIT.test(s)) {
      push(s, base);
      continue;
    }
    // Fast paths for the commonest chunks ("word", "word," "word."), identical to what the regex would give.
    const plain = plainWordLength(s);
    if (plain === s.length) {
      push(s, base);
      continue;
    }
    if (plain === s.length - 1 && plain >= 2 && ',;:!?.'.includes(s[plain]!) && !(s[plain] === '.' && pack.isAbbreviation(s.slice(0, plain)))) {
      push(s.slice(0, plain), base);
      push(s[plain]!, base + plain);
      continue;
    }
    let at = 0;
    while (at < s.length) {
      TOKEN_RE.lastIndex = at;
      const m = TOKEN_RE.exec(s);
      // The last alternative matches any non-space code point, so m is never null inside a chunk.
      let len = m ? m[0].length : 1;
      // An abbreviation of the pack keeps its full stop ("Mr.", "z.B.", "etc."), unless a word character follows.
      if (s[at + len] === '.' && m && /^\p{L}/u.test(m[0]) && !WORD_CHAR.test(s[at + len + 1] ?? '') && pack.isAbbreviation(m[0])) len++;
      if (pack.unspaced && m && UNSPACED.test(m[0])) {
        for (const w of unspacedPieces(pack, m[0])) push(w.text, base + at + w.start);
      } else push(s.slice(at, at + len), base + at);
      at += len;
    }
  }
  return tokens;
}

const WORD_CHAR = new RegExp(WORD, 'u');
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** A run of an unspaced script cut into the pack's words; what lies between them (digits, Latin letters the
 *  pack does not count as words) stays one piece each, so every character is still in exactly one token. */
function unspacedPieces(pack: LanguagePack, run: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const w of pack.words(run)) {
    if (w.start > at) out.push({ text: run.slice(at, w.start), start: at, end: w.start });
    out.push(w);
    at = w.end;
  }
  if (at < run.length) out.push({ text: run.slice(at), start: at, end: run.length });
  return out;
}
