import { diffArrays } from 'diff';
import type { Token } from '../model.js';
import { indelDistance } from './similarity.js';
import { roughStem, wordClass, type WordClass } from './word-class.js';

/** One step of a token alignment. Token index ranges are [i1, i2) in the MT tokens and [j1, j2) in the
 *  corrected tokens. M match, S substitute, I insert, D delete, T transposition (a local reordering of
 *  i2−i1 = j2−j1 tokens), MD/MI the deleted and re-inserted halves of a long-distance move (same `move` id). */
export type OpKind = 'M' | 'S' | 'I' | 'D' | 'T' | 'MD' | 'MI';
export interface AlignOp {
  op: OpKind;
  i1: number;
  i2: number;
  j1: number;
  j2: number;
  move?: number;
}

const MAX_TRANSPOSITION = 8;
/** Above this many DP cells a stretch is first cut at unique shared tokens, then by an LCS diff (bounded memory). */
const MAX_CELLS = 250_000;
const MAX_DIFF_EDITS = 2_000;
/** Deleted × inserted run sizes above which no move is searched (two unrelated blocks, not a moved phrase). */
const MAX_MOVE_SEARCH = 40_000;
/** At most this many moves per segment (each is a search over the remaining deletions × insertions). */
const MAX_MOVES = 32;

/** What the substitution cost needs of a token, computed once per token. */
interface Features {
  text: string;
  lower: string;
  stem: string;
  cls: WordClass;
}
const featureMemo = new Map<string, Features>();
/** Features of a token text, memoised: a document's vocabulary is small next to its tokens, and the DP asked for
 *  every token of every aligned stretch (lower-casing and stemming were a fifth of the alignment's allocations). */
function features(text: string): Features {
  let f = featureMemo.get(text);
  if (f === undefined) {
    f = { text, lower: text.toLowerCase(), stem: roughStem(text), cls: wordClass(text) };
    if (featureMemo.size > 200_000) featureMemo.clear(); // bounded: a vocabulary, not a corpus
    featureMemo.set(text, f);
  }
  return f;
}

/** ERRANT's substitution cost in [0, 2): 0 for a case change, otherwise lemma + POS + character parts (lemma and
 *  POS approximated, see word-class.ts: same closed class 0, two open-class words 0.25, else 0.5). */
function featureCost(a: Features, b: Features): number {
  if (a.lower === b.lower) return 0;
  const lemma = a.stem === b.stem ? 0 : 0.499;
  const pos = a.cls === b.cls && a.cls !== 'OPEN' ? 0 : a.cls === 'OPEN' && b.cls === 'OPEN' ? 0.25 : 0.5;
  return lemma + pos + indelDistance(a.text, b.text);
}

export function substitutionCost(a: string, b: string): number {
  return featureCost(features(a), features(b));
}

const used = new Uint8Array(MAX_TRANSPOSITION + 1);
/** Are lowA[i-k..i] and lowB[j-k..j] the same multiset? (k+1 ≤ 9 tokens: pairing beats sorting copies.) */
function sameMultiset(lowA: string[], lowB: string[], i: number, j: number, k: number): boolean {
  used.fill(0, 0, k + 1);
  for (let x = i - k; x <= i; x++) {
    let found = false;
    for (let y = 0; y <= k; y++) {
      if (!used[y] && lowB[j - k + y] === lowA[x]) {
        used[y] = 1;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** Can lowA[i] take part in a reordering ending at (i, j)? It must occur among the last few corrected tokens
 *  (a cheap test that spares the multiset comparison in almost every cell). */
function mayTranspose(lowA: string[], lowB: string[], i: number, j: number): boolean {
  const target = lowA[i]!;
  for (let y = j; y >= 0 && y >= j - MAX_TRANSPOSITION; y--) if (lowB[y] === target) return true;
  return false;
}

let scratchCost = new Float64Array(4096);
let scratchOp = new Uint8Array(4096);

/** ERRANT's linguistically weighted Damerau–Levenshtein over a[ai..aj) × b[bi..bj); ops with absolute indices. */
function errantAlign(a: string[], b: string[], ai: number, aj: number, bi: number, bj: number): AlignOp[] {
  const n = aj - ai;
  const m = bj - bi;
  const W = m + 1;
  // Scratch tables reused across segments (the engine is synchronous): no allocation per segment.
  const cells = (n + 1) * W;
  if (scratchCost.length < cells) {
    scratchCost = new Float64Array(Math.max(cells, 2 * scratchCost.length));
    scratchOp = new Uint8Array(scratchCost.length);
  }
  const cost = scratchCost;
  // op codes: 0 M, 1 S, 2 I, 3 D, 4+ T with k = code − 3 (k+1 tokens reordered)
  const op = scratchOp;
  cost[0] = 0;
  op[0] = 0;
  const fa: Features[] = [];
  const fb: Features[] = [];
  for (let i = 0; i < n; i++) fa.push(features(a[ai + i]!));
  for (let j = 0; j < m; j++) fb.push(features(b[bi + j]!));
  const lowA = fa.map((f) => f.lower);
  const lowB = fb.map((f) => f.lower);
  for (let i = 1; i <= n; i++) {
    cost[i * W] = i;
    op[i * W] = 3;
  }
  for (let j = 1; j <= m; j++) {
    cost[j] = j;
    op[j] = 2;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const cell = (i + 1) * W + (j + 1);
      const diag = cost[i * W + j]!;
      if (a[ai + i] === b[bi + j]) {
        cost[cell] = diag;
        op[cell] = 0;
        continue;
      }
      const del = cost[i * W + (j + 1)]! + 1;
      const ins = cost[(i + 1) * W + j]! + 1;
      const sub = diag + featureCost(fa[i]!, fb[j]!);
      let trans = Infinity;
      let tk = 0;
      for (
        let k = 1;
        k <= MAX_TRANSPOSITION && i - k >= 0 && (k > 1 || mayTranspose(lowA, lowB, i, j)) && j - k >= 0 && cost[(i - k + 1) * W + (j - k + 1)]! - cost[(i - k) * W + (j - k)]! > 0;
        k++
      ) {
        if (sameMultiset(lowA, lowB, i, j, k)) {
          trans = cost[(i - k) * W + (j - k)]! + k;
          tk = k;
          break;
        }
      }
      // ERRANT breaks ties in the order transposition, substitution, insertion, deletion.
      let best = trans;
      let code = tk > 0 ? 3 + tk : 1;
      if (sub < best) {
        best = sub;
        code = 1;
      }
      if (ins < best) {
        best = ins;
        code = 2;
      }
      if (del < best) {
        best = del;
        code = 3;
      }
      cost[cell] = best;
      op[cell] = code;
    }
  }
  const out: AlignOp[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const code = op[i * W + j]!;
    if (code === 0 || code === 1) {
      out.push({ op: code === 0 ? 'M' : 'S', i1: ai + i - 1, i2: ai + i, j1: bi + j - 1, j2: bi + j });
      i--;
      j--;
    } else if (code === 2) {
      out.push({ op: 'I', i1: ai + i, i2: ai + i, j1: bi + j - 1, j2: bi + j });
      j--;
    } else if (code === 3) {
      out.push({ op: 'D', i1: ai + i - 1, i2: ai + i, j1: bi + j, j2: bi + j });
      i--;
    } else {
      const len = code - 3 + 1;
      out.push({ op: 'T', i1: ai + i - len, i2: ai + i, j1: bi + j - len, j2: bi + j });
      i -= len;
      j -= len;
    }
  }
  return out.reverse();
}

/** Align a[ai..aj) × b[bi..bj): the ERRANT DP when it fits; else anchor on tokens that occur exactly once on each
 *  side (patience diff: their longest increasing chain) and align between anchors, recursively; a large stretch
 *  without anchors gets a bounded LCS diff, or is deleted and inserted wholesale. */
function alignRange(a: string[], b: string[], ai: number, aj: number, bi: number, bj: number, out: AlignOp[]): void {
  const n = aj - ai;
  const m = bj - bi;
  if (n === 0 && m === 0) return;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) <= MAX_CELLS) {
    for (const o of errantAlign(a, b, ai, aj, bi, bj)) out.push(o);
    return;
  }
  const anchors = uniqueAnchors(a, b, ai, aj, bi, bj);
  if (anchors.length > 0) {
    let i = ai;
    let j = bi;
    for (const [x, y] of anchors) {
      alignRange(a, b, i, x, j, y, out);
      out.push({ op: 'M', i1: x, i2: x + 1, j1: y, j2: y + 1 });
      i = x + 1;
      j = y + 1;
    }
    alignRange(a, b, i, aj, j, bj, out);
    return;
  }
  diffHunks(a, b, ai, aj, bi, bj, out);
}

/** Positions (x, y) where a[x] === b[y] and that token occurs once in a[ai..aj) and once in b[bi..bj), reduced to
 *  their longest chain increasing on both sides. */
function uniqueAnchors(a: string[], b: string[], ai: number, aj: number, bi: number, bj: number): Array<[number, number]> {
  const once = (t: string[], from: number, to: number): Map<string, number> => {
    const m = new Map<string, number>();
    for (let k = from; k < to; k++) m.set(t[k]!, m.has(t[k]!) ? -1 : k);
    return m;
  };
  const ua = once(a, ai, aj);
  const ub = once(b, bi, bj);
  const pairs: Array<[number, number]> = [];
  for (const [tok, x] of ua) {
    const y = ub.get(tok);
    if (x >= 0 && y !== undefined && y >= 0) pairs.push([x, y]);
  }
  pairs.sort((p, q) => p[0] - q[0]);
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const y = pairs[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < y) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const chain: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}

/** A bounded LCS diff of a large stretch; its changed hunks go through the DP when they fit. */
function diffHunks(a: string[], b: string[], ai: number, aj: number, bi: number, bj: number, out: AlignOp[]): void {
  const n = aj - ai;
  const m = bj - bi;
  // Myers' diff is O((n+m)·d): bounded, so that two long unrelated lines do not take minutes.
  const parts = diffArrays(a.slice(ai, aj), b.slice(bi, bj), { maxEditLength: MAX_DIFF_EDITS }) ?? [
    { value: a.slice(ai, aj), count: n, added: false, removed: true },
    { value: b.slice(bi, bj), count: m, added: true, removed: false },
  ];
  let i = ai;
  let j = bi;
  let hunkI = i;
  let hunkJ = j;
  const flush = (): void => {
    const hn = i - hunkI;
    const hm = j - hunkJ;
    if ((hn + 1) * (hm + 1) <= MAX_CELLS) for (const o of errantAlign(a, b, hunkI, i, hunkJ, j)) out.push(o);
    else {
      for (let x = hunkI; x < i; x++) out.push({ op: 'D', i1: x, i2: x + 1, j1: hunkJ, j2: hunkJ });
      for (let y = hunkJ; y < j; y++) out.push({ op: 'I', i1: i, i2: i, j1: y, j2: y + 1 });
    }
  };
  for (const part of parts) {
    const len = part.count ?? part.value.length;
    if (part.added) j += len;
    else if (part.removed) i += len;
    else {
      flush();
      for (let k = 0; k < len; k++) out.push({ op: 'M', i1: i + k, i2: i + k + 1, j1: j + k, j2: j + k + 1 });
      i += len;
      j += len;
      hunkI = i;
      hunkJ = j;
    }
  }
  flush();
}

/** Token alignment of one segment pair: common prefix/suffix are matched directly, the rest goes through ERRANT's
 *  weighted Damerau–Levenshtein; then identical deleted/inserted phrases are paired into moves. O(n·m). */
export function alignTokens(mtTokens: Token[], correctedTokens: Token[], opts: { moves?: boolean } = {}): AlignOp[] {
  const a = mtTokens.map((t) => t.text);
  const b = correctedTokens.map((t) => t.text);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const ops: AlignOp[] = [];
  for (let k = 0; k < p; k++) ops.push({ op: 'M', i1: k, i2: k + 1, j1: k, j2: k + 1 });
  alignRange(a, b, p, a.length - s, p, b.length - s, ops);
  for (let k = s; k > 0; k--) {
    const i = a.length - k;
    const j = b.length - k;
    ops.push({ op: 'M', i1: i, i2: i + 1, j1: j, j2: j + 1 });
  }
  return opts.moves === false ? ops : detectMoves(ops, a, b);
}

/** Is this phrase worth calling a move? It needs a content word or a number with 3+ letters/digits in all: a
 *  lone "the" or comma deleted here and added there is two edits, not a move. */
function isMovable(tokens: string[]): boolean {
  let letters = 0;
  for (const t of tokens) for (const ch of t) if (/[\p{L}\p{N}]/u.test(ch)) letters++;
  return letters >= 3 && tokens.some((t) => {
    const cls = wordClass(t);
    return cls === 'OPEN' || cls === 'NUM';
  });
}

/** Pair a deleted phrase with an identical inserted phrase elsewhere in the segment: both become halves of one
 *  move (MD/MI with a shared id). Longest common phrases first; deletions/insertions are split around them. */
export function detectMoves(ops: AlignOp[], a: string[], b: string[]): AlignOp[] {
  let current = ops;
  for (let moveId = 0; moveId < MAX_MOVES; moveId++) {
    // Maximal runs of consecutive D ops and of consecutive I ops.
    const dRuns: Array<[number, number]> = [];
    const iRuns: Array<[number, number]> = [];
    for (let k = 0; k < current.length; ) {
      const kind = current[k]!.op;
      if (kind !== 'D' && kind !== 'I') {
        k++;
        continue;
      }
      let e = k;
      while (e < current.length && current[e]!.op === kind) e++;
      (kind === 'D' ? dRuns : iRuns).push([k, e]);
      k = e;
    }
    let best: { d: number; i: number; len: number } | undefined;
    for (const [d0, d1] of dRuns) {
      const dt = current.slice(d0, d1).map((o) => a[o.i1]!);
      for (const [i0, i1] of iRuns) {
        if ((d1 - d0) * (i1 - i0) > MAX_MOVE_SEARCH) continue;
        const it = current.slice(i0, i1).map((o) => b[o.j1]!);
        // Longest common contiguous phrase of the two runs: O(|dt|·|it|) table, one row at a time.
        let prev = new Uint32Array(it.length + 1);
        let row = new Uint32Array(it.length + 1);
        for (let x = 1; x <= dt.length; x++) {
          for (let y = 1; y <= it.length; y++) {
            const len = dt[x - 1] === it[y - 1] ? prev[y - 1]! + 1 : 0;
            row[y] = len;
            if (len > 0 && (!best || len > best.len) && isMovable(dt.slice(x - len, x))) best = { d: d0 + x - len, i: i0 + y - len, len };
          }
          [prev, row] = [row, prev];
        }
      }
    }
    if (!best) return current;
    const next = current.slice();
    for (let k = 0; k < best.len; k++) {
      next[best.d + k] = { ...next[best.d + k]!, op: 'MD', move: moveId };
      next[best.i + k] = { ...next[best.i + k]!, op: 'MI', move: moveId };
    }
    current = collapseMoveHalves(next);
  }
  return current;
}

/** Turn runs of single-token MD / MI ops with the same id into one op each. */
function collapseMoveHalves(ops: AlignOp[]): AlignOp[] {
  const out: AlignOp[] = [];
  for (const o of ops) {
    const last = out[out.length - 1];
    if (last && (o.op === 'MD' || o.op === 'MI') && last.op === o.op && last.move === o.move) {
      last.i2 = o.i2;
      last.j2 = o.j2;
    } else out.push({ ...o });
  }
  return out;
}

