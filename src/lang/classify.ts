// The classifier's view of a pack without an English-style analyser: tokens typed by the pack's stemmer and
// dictionary (PUNCT, NUM, words), and an ERRANT type decision from form alone (ORTH, PUNCT, MORPH, SPELL, OTHER).
// The rule table for such a pack is the shared language-independent rules plus the pack's own (src/lang/rules).
import type { Token } from '../model.js';
import type { Language, TokenInfo } from '../classify/types.js';
import type { LanguagePack } from './types.js';

const HAS_WORD = /[\p{L}\p{N}]/u;
const NUMERIC = /^[+\-−]?\p{N}[\p{N}.,:/\-\u00a0\u202f]*%?$/u;

function info(pack: LanguagePack, t: Token, sentenceStart: boolean): TokenInfo {
  const pos = !HAS_WORD.test(t.text) ? 'PUNCT' : NUMERIC.test(t.text) || pack.parseNumber(t.text) !== undefined ? 'NUM' : 'X';
  return { text: t.text, lower: t.text.toLowerCase(), pos, upos: pos, lemma: pos === 'X' ? pack.stem(t.text) : t.text, tag: '', aux: false, afterAux: false, sentenceStart };
}

/** The ERRANT type of a minimal difference from the forms alone. */
export function formErrantType(pack: LanguagePack, o: readonly TokenInfo[], c: readonly TokenInfo[]): string {
  const prefix = o.length === 0 ? 'M' : c.length === 0 ? 'U' : 'R';
  const all = [...o, ...c];
  if (all.length > 0 && all.every((t) => t.pos === 'PUNCT')) return `${prefix}:PUNCT`;
  if (prefix !== 'R') return `${prefix}:OTHER`;
  if (o.length === c.length && o.every((t, i) => t.lower === c[i]!.lower)) return 'R:ORTH';
  if (o.length === 1 && c.length === 1) {
    const [a, b] = [o[0]!, c[0]!];
    // A non-word close to its correction is a misspelling even when the stems agree ("reunion" → "reunión").
    if (a.pos === 'X' && pack.isWord(a.text) === false && similar(a.lower, b.lower)) return 'R:SPELL';
    if (a.pos === 'X' && b.pos === 'X' && a.lemma === b.lemma) return 'R:MORPH';
  }
  return 'R:OTHER';
}

/** Edit-distance similarity ≥ 0.7 (a misspelling, not another word). */
export function similar(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 3) return false;
  const d = levenshtein(a, b);
  return 1 - d / Math.max(a.length, b.length) >= 0.7;
}
function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

const languages = new Map<string, Language>();
/** The classifier Language of a pack (one per pack). */
export function packLanguage(pack: LanguagePack): Language {
  let l = languages.get(pack.code);
  if (!l) {
    l = {
      code: pack.code,
      analyze: (text, tokens) => tokens.map((t, i) => info(pack, t, i === 0 || /[.!?。！？]$/u.test(tokens[i - 1]!.text))),
      isWord: (w) => pack.isWord(w) ?? true,
      errantType: (o, c) => formErrantType(pack, o, c),
      // Read on first use: the classifier builds one Language per pack at start-up, and a pack's number words
      // (CLDR RBNF) and months (CLDR dates) cost a file read and more each.
      get numberWords() {
        return pack.numberWords;
      },
      get months() {
        return pack.months;
      },
    };
    languages.set(pack.code, l);
  }
  return l;
}
