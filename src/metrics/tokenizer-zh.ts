// sacrebleu's `zh` tokeniser (TokenizerZh): every "Chinese" character becomes a token of its own, then the rest
// is tokenised like 13a (TokenizerRegexp: the four punctuation rules, without 13a's entity unescaping and
// without padding the line with spaces).

import { pySplit, pyStrip } from './whitespace.js';

// sacrebleu's _UCODE_RANGES, compared as Python compares strings. Two of its entries are written '\u20000' and
// '\u2f800' — in Python that is U+2000 followed by '0', a two-character string — so for one character c,
// '\u20000' <= c <= '\u2a6d6' holds for U+2001..U+2A6D (general punctuation, currency, arrows, maths...: all
// split off) and '\u2f800' <= c <= '\u2fa1d' for U+2F81..U+2FA1; CJK Extension B (U+20000...) is NOT included.
const RANGES: Array<[number, number]> = [
  [0x3400, 0x4db5],
  [0x4e00, 0x9fa5],
  [0x9fa6, 0x9fbb],
  [0xf900, 0xfa2d],
  [0xfa30, 0xfa6a],
  [0xfa70, 0xfad9],
  [0x2001, 0x2a6d], // '\u20000' .. '\u2a6d6'
  [0x2f81, 0x2fa1], // '\u2f800' .. '\u2fa1d'
  [0xff00, 0xffef],
  [0x2e80, 0x2eff],
  [0x3000, 0x303f],
  [0x31c0, 0x31ef],
  [0x2f00, 0x2fdf],
  [0x2ff0, 0x2fff],
  [0x3100, 0x312f],
  [0x31a0, 0x31bf],
  [0xfe10, 0xfe1f],
  [0xfe30, 0xfe4f],
  [0x2600, 0x26ff],
  [0x2700, 0x27bf],
  [0x3200, 0x32ff],
  [0x3300, 0x33ff],
];

/** sacrebleu TokenizerZh._is_chinese_char, on a code point. */
export function isZhSplitChar(cp: number): boolean {
  if (cp < 0x2001 || cp > 0xffef) return false;
  for (const [a, b] of RANGES) if (cp >= a && cp <= b) return true;
  return false;
}

// TokenizerRegexp: 13a's rules without the padding. [0-9] is ASCII; `u` so that [^0-9] is one code point.
const RULES: Array<[RegExp, string]> = [
  [/([{-~[-` -&(-+:-@/])/gu, ' $1 '],
  [/([^0-9])([.,])/gu, '$1 $2 '],
  [/([.,])([^0-9])/gu, ' $1 $2'],
  [/([0-9])(-)/gu, '$1 $2 '],
];

export function tokensZh(line: string): string[] {
  let s = '';
  for (const ch of pyStrip(line)) s += isZhSplitChar(ch.codePointAt(0)!) ? ` ${ch} ` : ch;
  for (const [re, repl] of RULES) s = s.replace(re, repl);
  return pySplit(s);
}
