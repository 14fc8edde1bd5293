// sacrebleu's default BLEU tokeniser "13a" (mteval-v13a.pl): unescape a few XML entities, split off most
// punctuation, split . and , unless they sit between digits, split - after a digit.

import { pySplit } from './whitespace.js';

// Python `re` and a JS global replace both substitute non-overlapping matches left to right. [0-9] is ASCII.
const RULES: Array<[RegExp, string]> = [
  // { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /  (not ' - . ,)
  [/([{-~[-` -&(-+:-@/])/gu, ' $1 '],
  // period and comma unless preceded by a digit
  [/([^0-9])([.,])/gu, '$1 $2 '],
  // period and comma unless followed by a digit
  [/([.,])([^0-9])/gu, ' $1 $2'],
  // dash when preceded by a digit
  [/([0-9])(-)/gu, '$1 $2 '],
];

export function tokenize13a(line: string): string {
  let s = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (s.includes('&')) s = s.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  s = ` ${s} `;
  for (const [re, repl] of RULES) s = s.replace(re, repl);
  return pySplit(s).join(' ');
}
