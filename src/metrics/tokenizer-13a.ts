// sacrebleu's default BLEU tokeniser "13a" (mteval-v13a.pl): unescape a few XML entities, split off most
// punctuation, split . and , unless they sit between digits, split - after a digit.
//
// sacrebleu pads the line with spaces and applies four regex substitutions in turn (Python `re`:
// non-overlapping, left to right), each only inserting spaces, then splits on whitespace:
//   (a) ([{-~[-` -&(-+:-@/]) → ' \1 '     (b) ([^0-9])([.,]) → '\1 \2 '
//   (c) ([.,])([^0-9]) → ' \1 \2'         (d) ([0-9])(-) → '\1 \2 '
// tokens13a runs each substitution as one pass over char codes with exactly those rules (a match consumes both
// of its characters and the scan resumes after it), each slot carrying its character's index in the line. Only
// spaces are inserted, so a token is a run of consecutive characters of the line: one slice. (b) and (c) run only
// if the line has a . or , and (d) only if it has a -. [0-9] is ASCII and [^0-9] matches one UTF-16 unit: a space
// is only ever inserted before a high or after a low surrogate, so pairs stay whole and the result equals
// Python's on code points. tokensByRegex is the same four substitutions as regexes (for very long lines, and as
// the statement the fast passes are tested against).

import { isPyWhitespaceCode, pySplit } from './whitespace.js';

// Python `re` and a JS global replace both substitute non-overlapping matches left to right.
const RULES: Array<[RegExp, string]> = [
  [/([{-~[-` -&(-+:-@/])/g, ' $1 '],
  [/([^0-9])([.,])/g, '$1 $2 '],
  [/([.,])([^0-9])/g, ' $1 $2'],
  [/([0-9])(-)/g, '$1 $2 '],
];

/** The 13a tokens by sacrebleu's four regexes, on an unescaped line. */
export function tokensByRegex(unescaped: string): string[] {
  let s = ` ${unescaped} `;
  for (const [re, repl] of RULES) s = s.replace(re, repl);
  return pySplit(s);
}

/** Longest line the packed passes take (the index must fit in 15 bits); longer ones go by regex. */
const MAX_PACKED = 32000;

const SP = 0x20;
/** Rule (a)'s class, minus the space (a space stays a space). */
const PUNCT_A = new Uint8Array(65536);
for (let c = 0x7b; c <= 0x7e; c++) PUNCT_A[c] = 1;
for (let c = 0x5b; c <= 0x60; c++) PUNCT_A[c] = 1;
for (let c = 0x21; c <= 0x26; c++) PUNCT_A[c] = 1;
for (let c = 0x28; c <= 0x2b; c++) PUNCT_A[c] = 1;
for (let c = 0x3a; c <= 0x40; c++) PUNCT_A[c] = 1;
PUNCT_A[0x2f] = 1;
/** Per code unit: 1 ASCII digit, 2 . or ,, 4 -, 8 Python whitespace. */
const KIND = new Uint8Array(65536);
for (let c = 0x30; c <= 0x39; c++) KIND[c] = 1;
KIND[0x2e] = KIND[0x2c] = 2;
KIND[0x2d] = 4;
for (let c = 0; c < 65536; c++) if (isPyWhitespaceCode(c)) KIND[c] = 8;

let bufs = { a: new Int32Array(1024), b: new Int32Array(1024) };


/** sacrebleu's language-independent part: <skipped>, hyphenated line breaks, newlines, four entities. */
export function unescape13a(line: string): string {
  let s = line;
  if (s.includes('<skipped>')) s = s.replaceAll('<skipped>', '');
  if (s.includes('\n')) s = s.replaceAll('-\n', '').replaceAll('\n', ' ');
  if (s.includes('&')) s = s.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  return s;
}

/** One scan deciding the token boundaries directly, for every line in which no two of . and , are adjacent
 *  (null otherwise: then the passes below run). There the rules reduce to local ones: a rule (a) character is a
 *  token of its own; a . or , is one unless both its neighbours are ASCII digits (the line's ends count as
 *  spaces); a - right after a digit is one. (With . and , never adjacent no match of (b) or (c) can consume a
 *  character another one needs; (d) never interacts with them.) */
function tokensOnePass(s: string): string[] | null {
  const n = s.length;
  const out: string[] = [];
  let start = -1; // start of the current token
  let prevKind = 8; // kind of the previous character (8: whitespace / line start)
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const k = KIND[c]!;
    if (k === 8) {
      if (start >= 0) out.push(s.slice(start, i));
      start = -1;
    } else if (PUNCT_A[c] === 1 || (k === 4 && prevKind === 1)) {
      if (start >= 0) out.push(s.slice(start, i));
      out.push(s[i]!);
      start = -1;
    } else if (k === 2) {
      const nextKind = i + 1 < n ? KIND[s.charCodeAt(i + 1)]! : 8;
      if (prevKind === 2 || nextKind === 2) return null;
      if (prevKind === 1 && nextKind === 1) {
        if (start < 0) start = i;
      } else {
        if (start >= 0) out.push(s.slice(start, i));
        out.push(s[i]!);
        start = -1;
      }
    } else if (start < 0) start = i;
    prevKind = k;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** Each slot holds (index in the line + 1) << 16 | code unit; an inserted space is SP (index −1). */
export function tokens13a(line: string): string[] {
  const s = unescape13a(line);
  const n0 = s.length;
  const direct = tokensOnePass(s);
  if (direct) return direct;
  if (n0 > MAX_PACKED) return tokensByRegex(s);
  const need = 8 * n0 + 8; // (a) triples at most; (b), (c), (d) add two per . , or -
  if (bufs.a.length < need) bufs = { a: new Int32Array(2 * need), b: new Int32Array(2 * need) };
  let A = bufs.a;
  let B = bufs.b;
  let n = 0;
  let dots = false;
  let dashes = false;
  A[n++] = SP;
  for (let i = 0; i < n0; i++) {
    const c = s.charCodeAt(i);
    const v = ((i + 1) << 16) | c;
    if (PUNCT_A[c] === 1) {
      A[n++] = SP;
      A[n++] = v;
      A[n++] = SP;
    } else {
      const k = KIND[c]!;
      if (k === 2) dots = true;
      else if (k === 4) dashes = true;
      A[n++] = v;
    }
  }
  A[n++] = SP;
  if (dots) {
    // (b) ([^0-9])([.,]) → '\1 \2 '
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = A[i]!;
      if (i + 1 < n && KIND[v & 0xffff] !== 1 && KIND[A[i + 1]! & 0xffff] === 2) {
        B[m++] = v;
        B[m++] = SP;
        B[m++] = A[i + 1]!;
        B[m++] = SP;
        i++;
      } else B[m++] = v;
    }
    n = m;
    // (c) ([.,])([^0-9]) → ' \1 \2'
    m = 0;
    for (let i = 0; i < n; i++) {
      const v = B[i]!;
      if (i + 1 < n && KIND[v & 0xffff] === 2 && KIND[B[i + 1]! & 0xffff] !== 1) {
        A[m++] = SP;
        A[m++] = v;
        A[m++] = SP;
        A[m++] = B[i + 1]!;
        i++;
      } else A[m++] = v;
    }
    n = m;
  }
  if (dashes) {
    // (d) ([0-9])(-) → '\1 \2 '
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = A[i]!;
      if (i + 1 < n && KIND[v & 0xffff] === 1 && (A[i + 1]! & 0xffff) === 0x2d) {
        B[m++] = v;
        B[m++] = SP;
        B[m++] = A[i + 1]!;
        B[m++] = SP;
        i++;
      } else B[m++] = v;
    }
    n = m;
    const t = A;
    A = B;
    B = t;
  }
  const out: string[] = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const v = A[i]!;
    const k = (v >>> 16) - 1;
    if (k < 0 || KIND[v & 0xffff] === 8) {
      if (start >= 0) {
        out.push(s.slice(start, last + 1));
        start = -1;
      }
    } else {
      if (start < 0) start = k;
      last = k;
    }
  }
  if (start >= 0) out.push(s.slice(start, last + 1));
  return out;
}

/** sacrebleu's Tokenizer13a: the tokenised line, tokens separated by single spaces. */
export function tokenize13a(line: string): string {
  return tokens13a(line).join(' ');
}
