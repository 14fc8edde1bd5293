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

/** Per code unit, for the one scan: KIND, plus 16 for rule (a)'s class (disjoint from the others). */
const SCAN = KIND.slice();
for (let c = 0; c < 128; c++) if (PUNCT_A[c] === 1) SCAN[c]! |= 16; // rule (a)'s class is ASCII

/** Token spans, reused from call to call: token k is text.slice(starts[k] − at, ends[k] − at); codes[at, at +
 *  text.length) holds the text's code units and hashes[k] the token's hash (WORD_HASH_*), so that a token's
 *  identity needs no string of its own. */
export interface Spans13a {
  /** The unescaped line (or, for a line only the regexes take, its tokens joined by single spaces). */
  text: string;
  /** Where the text starts in codes (the caller's choice: codes before it are kept). */
  at: number;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  codes: Uint16Array;
}
const spans: Spans13a = {
  text: '',
  at: 0,
  count: 0,
  starts: new Int32Array(256),
  ends: new Int32Array(256),
  hashes: new Int32Array(256),
  codes: new Uint16Array(1024),
};

/** Room for codes up to `codes` and for `tokens` tokens. */
function reserve(codes: number, tokens: number): void {
  if (spans.codes.length < codes) {
    const c = new Uint16Array(2 * codes);
    c.set(spans.codes); // codes before `at` belong to the caller
    spans.codes = c;
  }
  if (spans.starts.length < tokens) {
    spans.starts = new Int32Array(2 * tokens);
    spans.ends = new Int32Array(2 * tokens);
    spans.hashes = new Int32Array(2 * tokens);
  }
}

/** FNV-1a over a word's UTF-16 code units: h = WORD_HASH_SEED, then h = imul(h ^ unit, WORD_HASH_PRIME). */
export const WORD_HASH_SEED = 0x811c9dc5 | 0;
export const WORD_HASH_PRIME = 0x01000193;

/** One scan deciding the token boundaries directly, for every line in which no two of . and , are adjacent
 *  (false otherwise: then the passes below run). There the rules reduce to local ones: a rule (a) character is a
 *  token of its own; a . or , is one unless both its neighbours are ASCII digits (the line's ends count as
 *  spaces); a - right after a digit is one. (With . and , never adjacent no match of (b) or (c) can consume a
 *  character another one needs; (d) never interacts with them.) Each character either joins the current token
 *  or not, so the token's hash is built as it goes. */
function spansOnePass(s: string, at: number): boolean {
  const n = s.length;
  reserve(at + n, n);
  const { starts, ends, hashes, codes } = spans;
  let t = 0;
  let start = -1; // start of the current token (in codes)
  let h = 0;
  let prevKind = 8; // kind of the previous character (8: whitespace / line start)
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    let k = SCAN[c]!;
    if (k === 0) {
      // A run of characters that are none of the above: the body of most words, in a tight loop.
      if (start < 0) {
        start = at + i;
        h = WORD_HASH_SEED;
      }
      for (;;) {
        codes[at + i] = c;
        h = Math.imul(h ^ c, WORD_HASH_PRIME);
        if (++i === n) break;
        c = s.charCodeAt(i);
        k = SCAN[c]!;
        if (k !== 0) break;
      }
      if (i === n) break;
      prevKind = 0;
    }
    codes[at + i] = c;
    if (k === 8) {
      if (start >= 0) {
        starts[t] = start;
        ends[t] = at + i;
        hashes[t++] = h;
      }
      start = -1;
    } else if (k === 16 || (k === 4 && prevKind === 1) || k === 2) {
      let alone = true;
      if (k === 2) {
        const nextKind = i + 1 < n ? KIND[s.charCodeAt(i + 1)]! : 8;
        if (prevKind === 2 || nextKind === 2) return false;
        alone = prevKind !== 1 || nextKind !== 1; // a . or , between digits stays inside its token
      }
      if (alone) {
        if (start >= 0) {
          starts[t] = start;
          ends[t] = at + i;
          hashes[t++] = h;
        }
        starts[t] = at + i;
        ends[t] = at + i + 1;
        hashes[t++] = Math.imul(WORD_HASH_SEED ^ c, WORD_HASH_PRIME);
        start = -1;
      } else {
        if (start < 0) {
          start = at + i;
          h = WORD_HASH_SEED;
        }
        h = Math.imul(h ^ c, WORD_HASH_PRIME);
      }
    } else {
      if (start < 0) {
        start = at + i;
        h = WORD_HASH_SEED;
      }
      h = Math.imul(h ^ c, WORD_HASH_PRIME);
    }
    prevKind = k & 15;
    i++;
  }
  if (start >= 0) {
    starts[t] = start;
    ends[t] = at + n;
    hashes[t++] = h;
  }
  spans.count = t;
  return true;
}

/** Codes and hashes for spans found by the passes or the regexes (the one scan builds them as it goes), whose
 *  starts and ends are still relative to the text. */
function finishSpans(): Spans13a {
  const { text, count, at } = spans;
  reserve(at + text.length, count);
  const { codes, hashes, starts, ends } = spans;
  for (let i = 0; i < text.length; i++) codes[at + i] = text.charCodeAt(i);
  for (let k = 0; k < count; k++) {
    starts[k]! += at;
    ends[k]! += at;
    let h = WORD_HASH_SEED;
    for (let i = starts[k]!; i < ends[k]!; i++) h = Math.imul(h ^ codes[i]!, WORD_HASH_PRIME);
    hashes[k] = h;
  }
  return spans;
}

/** sacrebleu's 13a tokens of `line`. */
export function tokens13a(line: string): string[] {
  const { text, count, starts, ends } = spans13a(line, 0);
  const out = new Array<string>(count);
  for (let k = 0; k < count; k++) out[k] = text.slice(starts[k]!, ends[k]!);
  return out;
}

/** The 13a tokens of `line` as spans of one string, without a string per token (BLEU only needs each token's
 *  identity), its code units written to codes from `at` on. The result is shared: it is valid until the next
 *  call (which keeps codes before its own `at`: two lines can sit side by side). In the passes below each slot holds
 *  (index in the line + 1) << 16 | code unit; an inserted space is SP (index −1). */
export function spans13a(line: string, at = 0): Spans13a {
  const s = unescape13a(line);
  const n0 = s.length;
  spans.text = s;
  spans.at = at;
  spans.count = 0;
  if (spansOnePass(s, at)) return spans;
  spans.count = 0;
  if (n0 > MAX_PACKED) {
    const words = tokensByRegex(s);
    spans.text = words.join(' ');
    reserve(0, words.length);
    let at = 0;
    for (const w of words) {
      spans.starts[spans.count] = at;
      spans.ends[spans.count++] = at + w.length;
      at += w.length + 1;
    }
    return finishSpans();
  }
  reserve(0, n0);
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
  const { starts, ends } = spans;
  let t = 0;
  let start = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const v = A[i]!;
    const k = (v >>> 16) - 1;
    if (k < 0 || KIND[v & 0xffff] === 8) {
      if (start >= 0) {
        starts[t] = start;
        ends[t++] = last + 1;
        start = -1;
      }
    } else {
      if (start < 0) start = k;
      last = k;
    }
  }
  if (start >= 0) {
    starts[t] = start;
    ends[t++] = last + 1;
  }
  spans.count = t;
  return finishSpans();
}

/** sacrebleu's Tokenizer13a: the tokenised line, tokens separated by single spaces. */
export function tokenize13a(line: string): string {
  return tokens13a(line).join(' ');
}
