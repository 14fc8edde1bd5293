// sacrebleu's BeamEditDistance (lib_ter.py) on interned token ids: a word-level Levenshtein distance restricted
// to a band of ±25 cells around the length-scaled diagonal, with sacrebleu's tie-breaking (diagonal, then a
// hypothesis word consumed, then a reference word consumed). Every hypothesis sent to one instance has the same
// length (a shift keeps the length), so the band is fixed per instance; sacrebleu's trie cache of rows only
// saves time, and here the same saving comes from restarting a candidate at its first changed row.

/** Trace ops, as in sacrebleu: ' ' match, 's' substitution, 'd' hypothesis word consumed, 'i' reference word. */
export const OP_NOP = 0;
export const OP_SUB = 1;
export const OP_DEL = 2;
export const OP_INS = 3;
export type TraceOp = 0 | 1 | 2 | 3;

const BEAM_WIDTH = 25;
/** Stands for sacrebleu's int(1e16): a cell outside the band. Never stored plus one (see below). */
const BIG = 1 << 30;

export class BeamEditDistance {
  readonly n: number;
  readonly m: number;
  private readonly ref: Int32Array;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  /** Cost matrix of the current hypothesis (rows 0..n, width m+1), its ops, and a scratch matrix for candidates. */
  private readonly base: Int32Array;
  private readonly ops: Uint8Array;
  private readonly scratch: Int32Array;

  constructor(ref: Int32Array, hypLength: number) {
    this.ref = ref;
    this.n = hypLength;
    this.m = ref.length;
    const n = this.n;
    const m = this.m;
    const ratio = n > 0 ? m / n : 1;
    // In "crazy" sentences (reference more than 50× longer) the band is widened so that rows overlap.
    const beam = BEAM_WIDTH < ratio / 2 ? Math.ceil(ratio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
    this.lo = new Int32Array(n + 1);
    this.hi = new Int32Array(n + 1);
    for (let i = 1; i <= n; i++) {
      const pd = Math.floor(i * ratio); // i*ratio in floating point, as sacrebleu (not i*m/n)
      this.lo[i] = Math.max(0, pd - beam);
      this.hi[i] = i === n ? m + 1 : Math.min(m + 1, pd + beam);
    }
    const size = (n + 1) * (m + 1);
    this.base = new Int32Array(size).fill(BIG);
    this.scratch = new Int32Array(size).fill(BIG);
    this.ops = new Uint8Array(size);
    for (let j = 0; j <= m; j++) {
      this.base[j] = j;
      this.scratch[j] = j;
      this.ops[j] = OP_INS;
    }
  }

  /** Full computation for `words` (length n), keeping costs and ops for the trace and for later candidates.
   *  Returns the distance. */
  computeBase(words: Int32Array): number {
    const { n, m, ref, lo, hi, base, ops } = this;
    const w1 = m + 1;
    for (let i = 1; i <= n; i++) {
      const row = i * w1;
      const prev = row - w1;
      const word = words[i - 1]!;
      const jEnd = hi[i]!;
      for (let j = lo[i]!; j < jEnd; j++) {
        if (j === 0) {
          base[row] = base[prev]! + 1;
          ops[row] = OP_DEL;
          continue;
        }
        // sacrebleu: each option replaces the cell only if strictly cheaper than the current value (BIG).
        let c = BIG;
        let op: TraceOp = OP_NOP;
        const same = word === ref[j - 1];
        const diag = base[prev + j - 1]! + (same ? 0 : 1);
        if (diag < c) {
          c = diag;
          op = same ? OP_NOP : OP_SUB;
        }
        const up = base[prev + j]! + 1;
        if (up < c) {
          c = up;
          op = OP_DEL;
        }
        const left = base[row + j - 1]! + 1;
        if (left < c) {
          c = left;
          op = OP_INS;
        }
        base[row + j] = c;
        ops[row + j] = op;
      }
    }
    return base[n * w1 + m]!;
  }

  /** The ops from (0,0) to (n,m) of the last computeBase. */
  trace(): TraceOp[] {
    const { m, ops } = this;
    const w1 = m + 1;
    const out: TraceOp[] = [];
    let i = this.n;
    let j = m;
    while (i > 0 || j > 0) {
      const op = (i === 0 ? OP_INS : j === 0 ? OP_DEL : ops[i * w1 + j]!) as TraceOp;
      out.push(op);
      if (op === OP_NOP || op === OP_SUB) {
        i--;
        j--;
      } else if (op === OP_INS) j--;
      else i--;
    }
    return out.reverse();
  }

  /** Distance of `words`, whose first `prefix` words equal those of the last computeBase hypothesis (their rows
   *  are reused). Gives up and returns -1 as soon as a whole row exceeds `limit`: the distance can only be at
   *  least the minimum of any row. */
  distanceFrom(words: Int32Array, prefix: number, limit: number): number {
    const { n, m, ref, lo, hi, base, scratch } = this;
    const w1 = m + 1;
    if (prefix >= n) return base[n * w1 + m]!;
    for (let i = prefix + 1; i <= n; i++) {
      const row = i * w1;
      const prevArr = i - 1 === prefix ? base : scratch;
      const prev = row - w1;
      const word = words[i - 1]!;
      const jEnd = hi[i]!;
      let rowMin = BIG;
      for (let j = lo[i]!; j < jEnd; j++) {
        let c: number;
        if (j === 0) {
          c = prevArr[prev]! + 1;
        } else {
          c = BIG;
          const diag = prevArr[prev + j - 1]! + (word === ref[j - 1] ? 0 : 1);
          if (diag < c) c = diag;
          const up = prevArr[prev + j]! + 1;
          if (up < c) c = up;
          const left = scratch[row + j - 1]! + 1;
          if (left < c) c = left;
        }
        scratch[row + j] = c;
        if (c < rowMin) rowMin = c;
      }
      if (rowMin > limit) return -1;
    }
    return scratch[n * w1 + m]!;
  }
}
