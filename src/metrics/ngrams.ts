// n-gram statistics shared by chrF and BLEU: for each order, the number of hypothesis n-grams, of reference
// n-grams, and the clipped matches Σ min(count in hyp, count in ref). Items (code points or words) are mapped
// to small integers per pair and an n-gram to one exact number in base (distinct items + 1), so the counting is a
// numeric sort and a merge instead of string keys in hash maps. When those numbers could pass 2^53 (a huge
// alphabet and a high order) the n-grams are counted with string keys instead; both give the same counts.

export interface OrderCounts {
  hyp: number;
  ref: number;
  match: number;
}

const EXACT = 2 ** 53;

/** Counts for orders 1..maxOrder of two item sequences (items compared with ===). */
export function ngramMatchCounts<T>(hyp: readonly T[], ref: readonly T[], maxOrder: number): OrderCounts[] {
  const ids = new Map<T, number>();
  const toIds = (xs: readonly T[]): Float64Array => {
    const out = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      let v = ids.get(xs[i]!);
      if (v === undefined) ids.set(xs[i]!, (v = ids.size + 1));
      out[i] = v;
    }
    return out;
  };
  const h = toIds(hyp);
  const r = toIds(ref);
  const base = ids.size + 1;
  if (base ** maxOrder >= EXACT) return ngramMatchCountsByString(hyp, ref, maxOrder);
  const out: OrderCounts[] = [];
  // keys of order n, built from those of order n-1: k_n[i] = k_{n-1}[i] * base + id[i+n-1]
  let hk: Float64Array = h.slice();
  let rk: Float64Array = r.slice();
  for (let n = 1; n <= maxOrder; n++) {
    if (n > 1) {
      hk = extend(hk, h, n, base);
      rk = extend(rk, r, n, base);
    }
    out.push({ hyp: hk.length, ref: rk.length, match: sortedMatches(hk.slice(), rk.slice()) });
  }
  return out;
}

function extend(prev: Float64Array, ids: Float64Array, n: number, base: number): Float64Array {
  const len = Math.max(0, ids.length - n + 1);
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) out[i] = prev[i]! * base + ids[i + n - 1]!;
  return out;
}

/** Σ over keys of min(count in a, count in b), by sorting both and merging. */
function sortedMatches(a: Float64Array, b: Float64Array): number {
  a.sort();
  b.sort();
  let i = 0;
  let j = 0;
  let match = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      let ca = 0;
      let cb = 0;
      while (i < a.length && a[i] === x) {
        i++;
        ca++;
      }
      while (j < b.length && b[j] === x) {
        j++;
        cb++;
      }
      match += ca < cb ? ca : cb;
    }
  }
  return match;
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
