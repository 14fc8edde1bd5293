import type { Range, Token } from '../model.js';

// Word-level tokens with absolute offsets. Every non-whitespace character belongs to exactly one token, so the
// text between two consecutive tokens is whitespace only (extract.ts relies on that).
//
// Conventions:
// - Text is first cut at whitespace; a chunk that contains no letter or digit is ONE token (so already tokenised
//   corpora, where punctuation stands alone, keep their tokens: "--", "...", "''", ".\"").
// - Inside a chunk: URLs, abbreviations ("U.S.", "e.g.", "Mr.", "MM.", initials "J."), words with inner
//   hyphens/apostrophes ("large-scale", "face-to-face", "Carney’s", "don't" stay ONE token — unlike spaCy we do
//   not split the possessive: a span then always covers whole words), numbers with inner separators ("1,500",
//   "3.14", "10:30"), a leading clitic ("'s", "n't" in tokenised text); any other character is punctuation, a run
//   of the same punctuation character ("...", "--") being one token; an emoji with its modifiers is one token.

const WORD = String.raw`[\p{L}\p{M}\p{N}_]`;
const JOIN = String.raw`(?:['’\-‐&/]|(?<=\p{N})[.,:](?=\p{N}))`;
const ABBREVIATIONS = [
  'Mr', 'Ms', 'Mrs', 'Messrs', 'Dr', 'Prof', 'St', 'Mt', 'Jr', 'Sr', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mgr', 'Me',
  'etc', 'vs', 'No', 'Nos', 'no', 'Inc', 'Ltd', 'Co', 'Corp', 'Gen', 'Col', 'Lt', 'Sgt', 'Capt', 'Gov', 'Sen',
  'Rep', 'Rev', 'Hon', 'Fig', 'fig', 'Vol', 'vol', 'pp', 'approx', 'Dept', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun',
  'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'cf', 'al', 'ca', 'Ave', 'Blvd',
];
const TOKEN_RE = new RegExp(
  [
    String.raw`https?:\/\/[^\s]+?(?=[.,;:!?)\]”"']*(?:\s|$))`,
    String.raw`(?:\p{L}\.){2,}`, // U.S. e.g. i.e. J.R.R.
    String.raw`(?:${ABBREVIATIONS.join('|')}|\p{Lu})\.(?!${WORD})`, // Mr. MM. initials
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
export function isPreTokenised(text: string): boolean {
  let attached = 0;
  let standalone = 0;
  let seen = 0;
  for (const m of text.matchAll(CHUNK_RE)) {
    // A sample is enough to tell: the first PRE_TOKENISED_SAMPLE chunks decide for the whole text.
    if (++seen > PRE_TOKENISED_SAMPLE) break;
    const s = m[0];
    if (STANDALONE_RE.test(s)) standalone++;
    // Only the chunk's end matters; testing the whole of a 200,000-character chunk would backtrack quadratically.
    else if (ATTACHED_RE.test(s.slice(-4)) && !ABBREVIATION_SET.has(s.slice(0, -1))) attached++;
  }
  return standalone > 0 && standalone >= 4 * attached;
}
const ABBREVIATION_SET = new Set(ABBREVIATIONS);
const PRE_TOKENISED_SAMPLE = 50_000;

export interface TokenizeOptions {
  /** Split at whitespace only; by default decided by isPreTokenised(text[range]). */
  preTokenised?: boolean;
  /** Token texts seen so far (one table per document): equal texts share one string. A 1,000,000-word document
   *  has ~2,000,000 tokens but a few tens of thousands of distinct words, so this keeps ~60 MB of duplicate
   *  short strings out of the heap while the tokens live (through classification). */
  intern?: Map<string, string>;
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
  const whole = opts.preTokenised ?? isPreTokenised(slice);
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
    if (plain === s.length - 1 && plain >= 2 && ',;:!?.'.includes(s[plain]!) && !(s[plain] === '.' && ABBREVIATION_SET.has(s.slice(0, plain)))) {
      push(s.slice(0, plain), base);
      push(s[plain]!, base + plain);
      continue;
    }
    let at = 0;
    while (at < s.length) {
      TOKEN_RE.lastIndex = at;
      const m = TOKEN_RE.exec(s);
      // The last alternative matches any non-space code point, so m is never null inside a chunk.
      const len = m ? m[0].length : 1;
      push(s.slice(at, at + len), base + at);
      at += len;
    }
  }
  return tokens;
}
