// Character-bigram Dice similarity (as the string-similarity package computes it, but case-insensitive) on sorted
// integer profiles: the segment aligner compares millions of sentence groups without building strings.

/** Sorted bigram codes of a text: lowercased, whitespace removed (line breaks and spacing do not matter). */
export function bigramProfile(text: string): Uint32Array {
  const s = text.toLowerCase();
  const out = new Uint32Array(Math.max(0, s.length - 1));
  let n = 0;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) continue;
    if (prev >= 0) out[n++] = ((prev << 16) | c) >>> 0;
    prev = c;
  }
  return out.subarray(0, n).sort();
}

const LOWER = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) {
  const l = String.fromCharCode(c).toLowerCase();
  LOWER[c] = l.length === 1 ? l.charCodeAt(0) : c; // the rare 1→2 lowercasings (İ) keep their code
}

/** Profiles of many ranges of one text (as bigramProfile gives them), as views into one buffer: no string or
 *  buffer per sentence, which matters for 50,000 sentences. */
export function bigramProfiles(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): Uint32Array[] {
  let total = 0;
  for (const r of ranges) total += Math.max(0, r.end - r.start - 1);
  const buf = new Uint32Array(total);
  const out: Uint32Array[] = [];
  let n = 0;
  for (const r of ranges) {
    const from = n;
    let prev = -1;
    for (let i = r.start; i < r.end; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) continue;
      const l = LOWER[c]!;
      if (prev >= 0) buf[n++] = ((prev << 16) | l) >>> 0;
      prev = l;
    }
    out.push(buf.subarray(from, n).sort());
  }
  return out;
}

/** The characters /\s/ matches. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Size of the multiset intersection of two sorted arrays. */
export function intersect(x: Uint32Array, y: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    const a = x[i]!;
    const b = y[j]!;
    if (a === b) {
      n++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return n;
}

/** Dice coefficient of two texts' bigram multisets (1 for two texts without bigrams). */
export function dice(a: string, b: string): number {
  const x = bigramProfile(a);
  const y = bigramProfile(b);
  if (x.length + y.length === 0) return 1;
  return (2 * intersect(x, y)) / (x.length + y.length);
}
