// sacrebleu's `intl` tokeniser (TokenizerV14International, mteval-v14.pl): split off Unicode punctuation unless it
// sits between digits, and every Unicode symbol. sacrebleu uses Python's `regex` module; JS `\p{..}` with the `u`
// flag has the same classes (checked over all code points: P 856, S 8617, N 1924 with Node 20's Unicode 17 and
// regex 2026.5) and the same non-overlapping, left-to-right substitution.

import { pySplit } from './whitespace.js';

const RULES: Array<[RegExp, string]> = [
  // punctuation preceded by a non-digit
  [/(\P{N})(\p{P})/gu, '$1 $2 '],
  // punctuation followed by a non-digit
  [/(\p{P})(\P{N})/gu, ' $1 $2'],
  // symbols
  [/(\p{S})/gu, ' $1 '],
];

/** The intl tokens of a line. Unlike 13a the line is not padded, so a digit's final "." stays attached ("2013."),
 *  as in mteval-v14. */
export function tokensIntl(line: string): string[] {
  let s = line;
  for (const [re, repl] of RULES) s = s.replace(re, repl);
  return pySplit(s);
}
