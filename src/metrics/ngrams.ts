// n-gram statistics shared by chrF and BLEU: for each order, the number of hypothesis n-grams, of reference
// n-grams, and the clipped matches Σ min(count in hyp, count in ref) (sacrebleu's Counter intersection).
// Each n-gram gets a dense integer class, built order by order: class_n(i) = id(class_{n-1}(i), item(i+n-1)),
// through a small open-addressing table of integer keys, so counting needs no string keys at all. Keys that
// would not fit in 31 bits (only for enormous segments) go through a Map of numbers, and items past the direct
// table (code points from U+100000 on) or keys past 2^53 fall back to string keys; all give the same counts.

import { WORD_HASH_PRIME, WORD_HASH_SEED } from './tokenizer-13a.js';
import { isPyWhitespaceCode } from './whitespace.js';

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
/** Dense word ids for one call's two sides: 0, 1, 2, ... in order of first appearance, through a small
 *  open-addressing table on the words' hashes (FNV-1a over UTF-16 code units, see tokenizer-13a.ts). Words are
 *  spans of one buffer of code units that holds both sides (a tokeniser's buffer), and an id remembers where
 *  its word first occurred to compare against, so that no string per word is needed. The table holds only the
 *  call's own words, so it stays in the cache; a generation stamp per slot makes a reset O(1). */
class WordIds {
  private slots = new Int32Array(1 << 10);
  private stamps = new Uint32Array(1 << 10);
  private gen = 0;
  private mask = (1 << 10) - 1;
  /** Per id: hash, and where the word first occurred in the buffer: [first, first + length). */
  private hashes: Int32Array = new Int32Array(1 << 9);
  private first: Int32Array = new Int32Array(1 << 9);
  private length: Int32Array = new Int32Array(1 << 9);
  /** Dense ids handed out in this call. */
  count = 0;

  /** Starts a call that will ask for about `words` words (the table grows if there are more). */
  begin(words: number): void {
    let cap = 1 << 10;
    while (cap < 2 * words) cap *= 2;
    if (this.slots.length < cap) {
      this.slots = new Int32Array(cap);
      this.stamps = new Uint32Array(cap);
      this.gen = 0;
    }
    this.mask = this.slots.length - 1;
    if (++this.gen === 0xffffffff) {
      this.stamps.fill(0);
      this.gen = 1;
    }
    this.count = 0;
  }

  /** The dense id of the word codes[start, end) whose hash is h (a new one if it is new; with `insert` false,
   *  -1 then). `codes` holds the same code units throughout a call (it may be another, grown copy). */
  id(codes: Uint16Array, start: number, end: number, h: number, insert = true): number {
    const { slots, stamps, gen, mask, hashes, first, length } = this;
    const len = end - start;
    let i = (h ^ (h >>> 15)) & mask;
    while (stamps[i] === gen) {
      const id = slots[i]!;
      if (hashes[id] === h && length[id] === len) {
        const d = first[id]! - start;
        let k = start;
        while (k < end && codes[k + d] === codes[k]) k++;
        if (k === end) return id;
      }
      i = (i + 1) & mask;
    }
    if (!insert) return -1;
    const id = this.count++;
    stamps[i] = gen;
    slots[i] = id;
    if (id === hashes.length) {
      this.hashes = grow(hashes);
      this.first = grow(first);
      this.length = grow(length);
    }
    this.hashes[id] = h;
    this.first[id] = start;
    this.length[id] = len;
    if (2 * this.count > mask) this.growTable();
    return id;
  }

  private growTable(): void {
    const cap = 2 * this.slots.length;
    const mask = cap - 1;
    const slots = (this.slots = new Int32Array(cap));
    const stamps = (this.stamps = new Uint32Array(cap));
    const gen = (this.gen = 1);
    this.mask = mask;
    for (let id = 0; id < this.count; id++) {
      const h = this.hashes[id]!;
      let i = (h ^ (h >>> 15)) & mask;
      while (stamps[i] === gen) i = (i + 1) & mask;
      stamps[i] = gen;
      slots[i] = id;
    }
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

const wordIds = new WordIds();
/** Both sides' words' code units, for wordNgramCounts (string input). */
let wordCodes = new Uint16Array(1024);

/** Counts for character n-grams (code points) of orders 1..maxOrder. */
export function charNgramCounts(hyp: string, ref: string, maxOrder: number): OrderCounts[] {
  return charCounts(hyp, ref, maxOrder, false);
}

/** The same for the strings with all (Python) whitespace removed, without building them (chrF's default). */
export function charNgramCountsNoSpace(hyp: string, ref: string, maxOrder: number): OrderCounts[] {
  return charCounts(hyp, ref, maxOrder, true);
}

function charCounts(hyp: string, ref: string, maxOrder: number, dropSpace: boolean): OrderCounts[] {
  const b = scratch(9 * (hyp.length + ref.length) + 2);
  const nh = codePointsInto(hyp, b, 0, dropSpace);
  const nr = codePointsInto(ref, b, nh, dropSpace);
  return countOrders(b, nh, nr, maxOrder, () => {
    const strip = (x: string): string[] => Array.from(x).filter((c) => !dropSpace || !(c.length === 1 && isPyWhitespaceCode(c.charCodeAt(0))));
    return ngramMatchCountsByString(strip(hyp), strip(ref), maxOrder);
  });
}

/** Counts for word n-grams of orders 1..maxOrder (words compared with ===). */
export function wordNgramCounts(hyp: readonly string[], ref: readonly string[], maxOrder: number): OrderCounts[] {
  const b = scratch(9 * (hyp.length + ref.length) + 2);
  let size = 0;
  for (const ws of [hyp, ref]) for (let i = 0; i < ws.length; i++) size += ws[i]!.length;
  if (wordCodes.length < size) wordCodes = new Uint16Array(2 * size);
  const codes = wordCodes;
  wordIds.begin(hyp.length + ref.length);
  let at = 0;
  let k = 0;
  let absent = 0;
  for (let side = 0; side < 2; side++) {
    const ws = side === 0 ? hyp : ref;
    if (side === 1) absent = wordIds.count;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      let h = WORD_HASH_SEED;
      for (let j = 0; j < w.length; j++) {
        const c = w.charCodeAt(j);
        codes[at + j] = c;
        h = Math.imul(h ^ c, WORD_HASH_PRIME);
      }
      const id = wordIds.id(codes, at, at + w.length, h, side === 0);
      b[k++] = id < 0 ? absent : id;
      at += w.length;
    }
  }
  return countOrders(b, hyp.length, ref.length, maxOrder, () => ngramMatchCountsByString(hyp, ref, maxOrder), absent + 1);
}

// Only n-grams on both sides can match, and the totals are arithmetic: so a reference word the hypothesis does
// not have is never looked up again, and all of them share one id (`absent`), whose hypothesis count is 0.

/** A line's tokens as spans of a buffer of code units: token k is codes[starts[k], ends[k]), the line's text
 *  from `at` on, and hashes[k] is the token's FNV-1a hash over its code units (WORD_HASH_SEED, WORD_HASH_PRIME). */
export interface TokenSpans {
  text: string;
  at: number;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  codes: Uint16Array;
}

/** Counts for the word n-grams of two lines tokenised by `spansOf` (whose result may be reused by its next call,
 *  keeping the codes before the `at` it is given), without a string per token; also gives the token counts. */
export function spanNgramCounts(
  hyp: string,
  ref: string,
  spansOf: (line: string, at: number) => TokenSpans,
  maxOrder: number,
): { orders: OrderCounts[]; nh: number; nr: number } {
  // 13a-like tokenisers give at most one token per code unit; half that is a generous start.
  wordIds.begin((hyp.length + ref.length) >> 1);
  const h = spansOf(hyp, 0);
  const nh = h.count;
  let b = scratch(9 * nh + 2);
  for (let t = 0; t < nh; t++) b[t] = wordIds.id(h.codes, h.starts[t]!, h.ends[t]!, h.hashes[t]!);
  const absent = wordIds.count; // see wordNgramCounts
  const r = spansOf(ref, h.at + h.text.length);
  const nr = r.count;
  b = scratch(9 * (nh + nr) + 2);
  const { starts, ends, hashes, codes } = r;
  for (let t = 0; t < nr; t++) {
    const id = wordIds.id(codes, starts[t]!, ends[t]!, hashes[t]!, false);
    b[nh + t] = id < 0 ? absent : id;
  }
  const words = (line: string): string[] => {
    const { text, at: a, count, starts, ends } = spansOf(line, 0);
    return Array.from({ length: count }, (_, t) => text.slice(starts[t]! - a, ends[t]! - a));
  };
  return { orders: countOrders(b, nh, nr, maxOrder, () => ngramMatchCountsByString(words(hyp), words(ref), maxOrder), absent + 1), nh, nr };
}

/** Counts for n-grams of item ids (each below 2^31) already in `b[0, nh + nr)`: hyp then ref. `b` must be the
 *  scratch buffer of at least 9 × (nh + nr) + 2 entries (see scratchFor). */
export function idNgramCounts(b: Int32Array, nh: number, nr: number, maxOrder: number, fallback: () => OrderCounts[]): OrderCounts[] {
  return countOrders(b, nh, nr, maxOrder, fallback);
}

/** The scratch buffer for idNgramCounts with room for `items` items. */
export function scratchFor(items: number): Int32Array {
  return scratch(9 * items + 2);
}

/** Writes the code points of `s` to b[at...] (skipping Python whitespace if asked); returns how many. */
function codePointsInto(s: string, b: Int32Array, at: number, dropSpace: boolean): number {
  let n = at;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    } else if (dropSpace && isPyWhitespaceCode(c)) continue;
    b[n++] = c;
  }
  return n - at;
}

/** Scratch buffer, reused from call to call (typed-array allocation costs more than the counting). */
let buf: Int32Array = new Int32Array(0);
function scratch(size: number): Int32Array {
  if (buf.length < size) {
    const b = new Int32Array(2 * size);
    b.set(buf.subarray(0, Math.min(buf.length, size))); // spanNgramCounts grows it while filling it
    buf = b;
  }
  return buf;
}

/** Dense ids for keys below DIRECT_MAX by direct addressing (no hashing): the items (code points, word ids)
 *  and, while an order's keys class × alphabet stay small, the n-gram classes. A generation stamp per slot makes
 *  a reset O(1). */
const DIRECT_MAX = 1 << 20;
const directVals = new Int32Array(DIRECT_MAX);
const directStamps = new Uint32Array(DIRECT_MAX);
let directGen = 0;
function nextDirectGen(): number {
  if (++directGen === 0xffffffff) {
    directStamps.fill(0);
    directGen = 1;
  }
  return directGen;
}

/** The counting, one fused pass per order over the "live" positions. Only n-grams that occur on both sides can
 *  match, and an (n+1)-gram can only occur on both sides if the n-gram it starts with does: so order n+1 extends
 *  only the positions whose n-gram class the other side has too. Classes are dense ids of (class of order n−1,
 *  next item); counts per class are kept for both sides, hyp positions first, so that a ref occurrence adds to
 *  the match exactly while it is within the hyp count (Σ min(h, r)). The totals are arithmetic (|side| − n + 1).
 *  Layout of b: items [0,L) | pos [L,2L) | class [2L,3L) | next pos | next class | counts A [5L,7L) | counts B. */
function countOrders(b: Int32Array, nh: number, nr: number, maxOrder: number, fallback: () => OrderCounts[], denseItems = -1): OrderCounts[] {
  const len = nh + nr;
  let pos = len;
  let cls = 2 * len;
  let npos = 3 * len;
  let ncls = 4 * len;
  let cnt = 5 * len;
  let ncnt = 7 * len;
  const out: OrderCounts[] = [];
  if (maxOrder < 1) return out;
  // Order 1: every position; the class is the item's dense id, which replaces the item. Items that are dense
  // ids already (denseItems of them: 0 .. denseItems − 1) are their own class.
  let g = 0;
  let classes = 0;
  let match = 0;
  if (denseItems >= 0) {
    classes = denseItems;
    for (let c = 0; c < classes; c++) {
      b[cnt + 2 * c] = 0;
      b[cnt + 2 * c + 1] = 0;
    }
    for (let i = 0; i < len; i++) {
      const id = b[i]!;
      b[pos + i] = i;
      b[cls + i] = id;
      if (i < nh) b[cnt + 2 * id]!++;
      else if (++b[cnt + 2 * id + 1]! <= b[cnt + 2 * id]!) match++;
    }
  } else {
    for (let i = 0; i < len; i++) if (b[i]! >= DIRECT_MAX) return fallback();
    g = nextDirectGen();
    for (let i = 0; i < len; i++) {
      const x = b[i]!;
      let id: number;
      if (directStamps[x] === g) id = directVals[x]!;
      else {
        directStamps[x] = g;
        directVals[x] = id = classes++;
        b[cnt + 2 * id] = 0;
        b[cnt + 2 * id + 1] = 0;
      }
      b[i] = id;
      b[pos + i] = i;
      b[cls + i] = id;
      if (i < nh) b[cnt + 2 * id]!++;
      else if (++b[cnt + 2 * id + 1]! <= b[cnt + 2 * id]!) match++;
    }
  }
  out.push({ hyp: nh, ref: nr, match });
  const base = classes;
  let live = len;
  let liveH = nh;
  for (let n = 2; n <= maxOrder; n++) {
    // Keys class × base + item: direct-addressed while small, hashed in Int32 slots below 2^31, in a Map of
    // (exact, below 2^53) numbers beyond that — only for enormous segments.
    if (classes * base >= Number.MAX_SAFE_INTEGER) return fallback();
    const useDirect = classes * base < DIRECT_MAX;
    const big = classes * base >= MAX_KEY ? new Map<number, number>() : undefined;
    if (useDirect) g = nextDirectGen();
    else if (!big) dense.reset(live);
    let k = 0;
    let kh = 0;
    let size = 0;
    match = 0;
    for (let j = 0; j < live; j++) {
      const c = b[cls + j]!;
      if (b[cnt + 2 * c] === 0 || b[cnt + 2 * c + 1] === 0) continue; // the (n−1)-gram is on one side only
      const p = b[pos + j]!;
      const isH = j < liveH;
      if (p + n - 1 >= (isH ? nh : len)) continue; // no n-th item on its side
      const key = c * base + b[p + n - 1]!;
      let id: number;
      if (useDirect) {
        if (directStamps[key] === g) id = directVals[key]!;
        else {
          directStamps[key] = g;
          directVals[key] = id = size++;
          b[ncnt + 2 * id] = 0;
          b[ncnt + 2 * id + 1] = 0;
        }
      } else {
        if (big) {
          id = big.get(key) ?? size;
          if (id === size) big.set(key, id);
        } else id = dense.id(key);
        if (id === size) {
          size++;
          b[ncnt + 2 * id] = 0;
          b[ncnt + 2 * id + 1] = 0;
        }
      }
      if (isH) {
        b[ncnt + 2 * id]!++;
        kh++;
      } else if (++b[ncnt + 2 * id + 1]! <= b[ncnt + 2 * id]!) match++;
      b[npos + k] = p;
      b[ncls + k] = id;
      k++;
    }
    out.push({ hyp: Math.max(0, nh - n + 1), ref: Math.max(0, nr - n + 1), match });
    let t = pos;
    pos = npos;
    npos = t;
    t = cls;
    cls = ncls;
    ncls = t;
    t = cnt;
    cnt = ncnt;
    ncnt = t;
    live = k;
    liveH = kh;
    classes = size;
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
