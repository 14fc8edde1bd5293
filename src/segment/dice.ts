// Character-bigram Dice similarity on sorted integer profiles, so that a sentence and the concatenation of two or
// three sentences can be compared without building strings (the segment aligner evaluates millions of beads).

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

const pos = new Int32Array(8);

/** Size of the multiset intersection of the union of xs with the union of ys (each list sorted). */
export function intersectionSize(xs: readonly Uint32Array[], ys: readonly Uint32Array[]): number {
  const nx = xs.length;
  const ny = ys.length;
  pos.fill(0);
  let total = 0;
  for (;;) {
    let vx = Infinity;
    for (let k = 0; k < nx; k++) {
      const l = xs[k]!;
      if (pos[k]! < l.length && l[pos[k]!]! < vx) vx = l[pos[k]!]!;
    }
    let vy = Infinity;
    for (let k = 0; k < ny; k++) {
      const l = ys[k]!;
      if (pos[4 + k]! < l.length && l[pos[4 + k]!]! < vy) vy = l[pos[4 + k]!]!;
    }
    if (vx === Infinity || vy === Infinity) return total;
    const v = Math.max(vx, vy);
    // Skip values below v on both sides, counting v's run lengths.
    let cx = 0;
    let cy = 0;
    for (let k = 0; k < nx; k++) {
      const l = xs[k]!;
      let p = pos[k]!;
      while (p < l.length && l[p]! < v) p++;
      while (p < l.length && l[p]! === v) {
        p++;
        cx++;
      }
      pos[k] = p;
    }
    for (let k = 0; k < ny; k++) {
      const l = ys[k]!;
      let p = pos[4 + k]!;
      while (p < l.length && l[p]! < v) p++;
      while (p < l.length && l[p]! === v) {
        p++;
        cy++;
      }
      pos[4 + k] = p;
    }
    total += Math.min(cx, cy);
  }
}

/** Dice coefficient of two texts' bigram multisets (1 for two texts without bigrams). */
export function dice(a: string, b: string): number {
  const x = bigramProfile(a);
  const y = bigramProfile(b);
  if (x.length + y.length === 0) return 1;
  return (2 * intersectionSize([x], [y])) / (x.length + y.length);
}
