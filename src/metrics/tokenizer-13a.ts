// sacrebleu's default BLEU tokeniser "13a" (mteval-v13a.pl): unescape a few XML entities, split off most
// punctuation, split . and , unless they sit between digits, split - after a digit.

import { pySplit } from './whitespace.js';

// Python `re` and a JS global replace both substitute non-overlapping matches left to right. [0-9] is ASCII.
// No `u` flag (faster): [^0-9] may then match half of a surrogate pair, but a space is only ever inserted
// before a high or after a low surrogate, so pairs stay whole and the result is the same.
const RULES: Array<[RegExp, string]> = [
  // { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /  (not ' - . ,)
  [/([{-~[-` -&(-+:-@/])/g, ' $1 '],
  // period and comma unless preceded by a digit
  [/([^0-9])([.,])/g, '$1 $2 '],
  // period and comma unless followed by a digit
  [/([.,])([^0-9])/g, ' $1 $2'],
  // dash when preceded by a digit
  [/([0-9])(-)/g, '$1 $2 '],
];

/** The 13a tokens of a line (sacrebleu then joins them with single spaces; see tokenize13a). */
export function tokens13a(line: string): string[] {
  let s = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (s.includes('&')) s = s.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  s = ` ${s} `;
  for (const [re, repl] of RULES) s = s.replace(re, repl);
  return pySplit(s);
}

/** sacrebleu's Tokenizer13a: the tokenised line, tokens separated by single spaces. */
export function tokenize13a(line: string): string {
  return tokens13a(line).join(' ');
}
