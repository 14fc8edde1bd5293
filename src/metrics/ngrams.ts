// n-gram statistics shared by chrF and BLEU: for each order, the number of hypothesis n-grams, of reference
// n-grams, and the clipped matches Σ min(count in hyp, count in ref) (sacrebleu's Counter intersection).
// Each n-gram gets a dense integer class, built order by order: class_n(i) = id(class_{n-1}(i), item(i+n-1)),
// through a small open-addressing table of integer keys, so counting needs no string keys at all. Keys that
// would not fit in 31 bits (only for enormous segments) fall back to string keys; both give the same counts.

export interface OrderCounts {
  hyp: number;
  ref: number;
  match: number;
}

/** Maps integer keys (0 ≤ key < 2^31) to dense ids 0, 1, 2, ... Reused; reset() forgets all keys in O(1). */
class DenseIds {
  private keys = new Int32Array(0);
  private vals = new Int32Array(0);
  private stamps = new Uint32Array(0);
  private gen = 0;
  private mask = 0;
  size = 0;

  reset(capacity: number): void {
    let cap = 16;
    while (cap < 2 * capacity) cap *= 2;
    if (this.keys.length < cap) {
      this.keys = new Int32Array(cap);
      this.vals = new Int32Array(cap);
      this.stamps = new Uint32Array(cap);
      this.gen = 0;
    }
    this.mask = cap - 1;
    this.gen++;
    if (this.gen === 0xffffffff) {
      this.stamps.fill(0);
      this.gen = 1;
    }
    this.size = 0;
  }

  id(key: number): number {
    const { keys, stamps, gen, mask } = this;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (stamps[i] === gen) {
      if (keys[i] === key) return this.vals[i]!;
      i = (i + 1) & mask;
    }
    stamps[i] = gen;
    keys[i] = key;
    this.vals[i] = this.size;
    return this.size++;
  }
}

const dense = new DenseIds();
const MAX_KEY = 2 ** 31;
const stringIds = new Map<string, number>();

/** Counts for character n-grams (code points) of orders 1..maxOrder. */
export function charNgramCounts(hyp: string, ref: string, maxOrder: number): OrderCounts[] {
  return classCounts(codePoints(hyp), codePoints(ref), maxOrder, () => ngramMatchCountsByString(Array.from(hyp), Array.from(ref), maxOrder));
}

/** Counts for word n-grams of orders 1..maxOrder (words compared with ===). */
export function wordNgramCounts(hyp: readonly string[], ref: readonly string[], maxOrder: number): OrderCounts[] {
  stringIds.clear();
  const toIds = (ws: readonly string[]): Int32Array => {
    const out = new Int32Array(ws.length);
    for (let i = 0; i < ws.length; i++) {
      let v = stringIds.get(ws[i]!);
      if (v === undefined) stringIds.set(ws[i]!, (v = stringIds.size));
      out[i] = v;
    }
    return out;
  };
  return classCounts(toIds(hyp), toIds(ref), maxOrder, () => ngramMatchCountsByString(hyp, ref, maxOrder));
}

function codePoints(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out[n++] = c;
    if (c > 0xffff) i++;
  }
  return out.subarray(0, n);
}

/** Scratch buffers, reused from call to call (typed-array allocation costs more than the counting). */
let buf = new Int32Array(0);
function scratch(size: number): Int32Array {
  if (buf.length < size) buf = new Int32Array(2 * size);
  return buf;
}

/** `h`, `r`: item ids (non-negative integers below 2^31). */
function classCounts(h: Int32Array, r: Int32Array, maxOrder: number, fallback: () => OrderCounts[]): OrderCounts[] {
  const nh = h.length;
  const nr = r.length;
  const len = nh + nr;
  // Layout of one scratch buffer: item ids (hyp then ref) | classes of the current order | next order | counts.
  const b = scratch(5 * len + 2);
  const ITEMS = 0;
  let cur = len;
  let next = 2 * len;
  const CNT = 3 * len;
  const out: OrderCounts[] = [];
  dense.reset(len);
  for (let i = 0; i < nh; i++) b[ITEMS + i] = dense.id(h[i]!);
  for (let i = 0; i < nr; i++) b[ITEMS + nh + i] = dense.id(r[i]!);
  const base = dense.size;
  for (let i = 0; i < len; i++) b[cur + i] = b[ITEMS + i]!;
  let classes = base;
  for (let n = 1; n <= maxOrder; n++) {
    const mh = Math.max(0, nh - n + 1); // n-grams of this order in hyp, stored at [0, mh) of the class array
    const mr = Math.max(0, nr - n + 1); // and in ref at [nh, nh + mr)
    if (n > 1) {
      if (classes * base >= MAX_KEY) return fallback();
      dense.reset(mh + mr);
      for (let i = 0; i < mh; i++) b[next + i] = dense.id(b[cur + i]! * base + b[ITEMS + i + n - 1]!);
      for (let i = 0; i < mr; i++) b[next + nh + i] = dense.id(b[cur + nh + i]! * base + b[ITEMS + nh + i + n - 1]!);
      const t = cur;
      cur = next;
      next = t;
      classes = dense.size;
    }
    b.fill(0, CNT, CNT + 2 * classes);
    for (let i = 0; i < mh; i++) b[CNT + 2 * b[cur + i]!]!++;
    for (let i = 0; i < mr; i++) b[CNT + 2 * b[cur + nh + i]! + 1]!++;
    let match = 0;
    for (let k = 0; k < classes; k++) {
      const x = b[CNT + 2 * k]!;
      const y = b[CNT + 2 * k + 1]!;
      match += x < y ? x : y;
    }
    out.push({ hyp: mh, ref: mr, match });
  }
  return out;
}

/** The same counts with string keys (used when the numeric keys would not be exact). */
export function ngramMatchCountsByString<T>(hyp: readonly T[], ref: readonly T[], maxOrder: number): OrderCounts[] {
  const ids = new Map<T, number>();
  const key = (xs: readonly T[], i: number, n: number): string => {
    let k = '';
    for (let x = i; x < i + n; x++) {
      let v = ids.get(xs[x]!);
      if (v === undefined) ids.set(xs[x]!, (v = ids.size));
      k += `${v},`;
    }
    return k;
  };
  const out: OrderCounts[] = [];
  for (let n = 1; n <= maxOrder; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= ref.length; i++) {
      const k = key(ref, i, n);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    let match = 0;
    const seen = new Map<string, number>();
    for (let i = 0; i + n <= hyp.length; i++) {
      const k = key(hyp, i, n);
      const used = seen.get(k) ?? 0;
      if (used < (counts.get(k) ?? 0)) match++;
      seen.set(k, used + 1);
    }
    out.push({ hyp: Math.max(0, hyp.length - n + 1), ref: Math.max(0, ref.length - n + 1), match });
  }
  return out;
}
