// sacrebleu's TercomTokenizer (tokenizers/tokenizer_ter.py) with all its options: lower-casing unless
// case_sensitive, `normalized` (tercom-style punctuation tokenisation), `no_punct` (punctuation removed) and
// `asian_support` (CJK split into characters / CJK punctuation removed; only together with one of the other two).
// Python `re` on str works on code points: every pattern here has the `u` flag so that [^0-9] is one code point.

import { pyRstrip, pySplit } from './whitespace.js';

export interface TerTokenizerOptions {
  normalized?: boolean;
  noPunct?: boolean;
  asianSupport?: boolean;
  caseSensitive?: boolean;
}

const sub = (s: string, re: RegExp, repl: string): string => s.replace(re, repl);

function normalizeGeneralAndWestern(sent: string): string {
  let s = sent;
  s = sub(s, /\n-/gu, ''); // sacrebleu removes "\n-" (tercom: "-\n")
  s = sub(s, /\n/gu, ' ');
  s = sub(s, /&quot;/gu, '"');
  s = sub(s, /&amp;/gu, '&');
  s = sub(s, /&lt;/gu, '<');
  s = sub(s, /&gt;/gu, '>');
  s = ` ${s} `;
  s = sub(s, /([{-~[-` -&(-+:-@/])/gu, ' $1 ');
  s = sub(s, /'s /gu, " 's ");
  s = sub(s, /'s$/gu, " 's");
  s = sub(s, /([^0-9])([.,])/gu, '$1 $2 ');
  s = sub(s, /([.,])([^0-9])/gu, ' $1 $2');
  s = sub(s, /([0-9])(-)/gu, '$1 $2 ');
  return s;
}

const ASIAN_PUNCT = /([\u3001\u3002\u3008-\u3011\u3014-\u301f\uff61-\uff65\u30fb])/gu;
const FULL_WIDTH_PUNCT = /([\uff0e\uff0c\uff1f\uff1a\uff1b\uff01\uff02\uff08\uff09])/gu;

function normalizeAsian(sent: string): string {
  let s = sent;
  s = sub(s, /([\u4e00-\u9fff\u3400-\u4dbf])/gu, ' $1 ');
  s = sub(s, /([\u31c0-\u31ef\u2e80-\u2eff])/gu, ' $1 ');
  s = sub(s, /([\u3300-\u33ff\uf900-\ufaff\ufe30-\ufe4f])/gu, ' $1 ');
  s = sub(s, /([\u3200-\u3f22])/gu, ' $1 ');
  // sacrebleu's kana rules, faithfully: the "^" inside the groups anchors at the start of the string (it is not a
  // negation), so they only fire when the whole string is one kana run (never after `normalized` has padded it).
  s = sub(s, /(^|^[\u3040-\u309f])([\u3040-\u309f]+)(?=$|^[\u3040-\u309f])/gu, '$1 $2 ');
  s = sub(s, /(^|^[\u30a0-\u30ff])([\u30a0-\u30ff]+)(?=$|^[\u30a0-\u30ff])/gu, '$1 $2 ');
  s = sub(s, /(^|^[\u31f0-\u31ff])([\u31f0-\u31ff]+)(?=$|^[\u31f0-\u31ff])/gu, '$1 $2 ');
  s = sub(s, ASIAN_PUNCT, ' $1 ');
  s = sub(s, FULL_WIDTH_PUNCT, ' $1 ');
  return s;
}

function removePunct(sent: string): string {
  return sent.replace(/[.,?:;!"()]/gu, '');
}

function removeAsianPunct(sent: string): string {
  return sent.replace(ASIAN_PUNCT, '').replace(FULL_WIDTH_PUNCT, '');
}

/** TER's tokens of one segment: sacrebleu `TER._preprocess_segment` (rstrip, then the tokenizer), split. */
export function terTokenize(text: string, o: TerTokenizerOptions = {}): string[] {
  let s = pyRstrip(text);
  if (!s) return [];
  if (!o.caseSensitive) s = s.toLowerCase();
  if (o.normalized) {
    s = normalizeGeneralAndWestern(s);
    if (o.asianSupport) s = normalizeAsian(s);
  }
  if (o.noPunct) {
    s = removePunct(s);
    if (o.asianSupport) s = removeAsianPunct(s);
  }
  return pySplit(s);
}
