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
  n = 0;
  m = 0;
  private ref: Int32Array = new Int32Array(0);
  private lo: Int32Array = new Int32Array(0);
  private hi: Int32Array = new Int32Array(0);
  /** Cost matrix of the current hypothesis (rows 0..n), and a scratch matrix for candidates.
   *  Buffers are reused from pair to pair and only grow. */
  private base: Int32Array = new Int32Array(0);
  /** The hypothesis of the last computeBase (for the trace). */
  private words: Int32Array = new Int32Array(0);
  private scratch: Int32Array = new Int32Array(0);
  /** suffix[i][j]: banded distance from cell (i, j) to (n, m) for the current hypothesis. A path through row i
   *  costs forward(i, j) + suffix(i, j), so a candidate that differs from the current hypothesis only before row
   *  c needs its rows up to c, then one pass over row c. */
  private suffix: Int32Array = new Int32Array(0);
  /** Suffix rows 1..suffixDirty must be recomputed before use (rows above it are valid for the current words).
   *  Computed lazily: a round whose candidates need no edit distance never pays for it. */
  private suffixDirty = 0;

  /** Start of row i in the matrices: cell (i, j) is at rowOff[i] + j. Only the band of each row is stored,
   *  with one BIG cell of padding around what the neighbouring rows read, so memory is O(n × band), not O(n × m),
   *  and a read just outside the band needs no test. */
  private rowOff: Int32Array = new Int32Array(0);

  /** Prepares for hypotheses of `hypLength` words against `ref`. */
  reset(ref: Int32Array, hypLength: number): this {
    this.ref = ref;
    const n = (this.n = hypLength);
    const m = (this.m = ref.length);
    const ratio = n > 0 ? m / n : 1;
    // In "crazy" sentences (reference more than 50× longer) the band is widened so that rows overlap.
    const beam = BEAM_WIDTH < ratio / 2 ? Math.ceil(ratio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
    if (this.lo.length < n + 1) {
      this.lo = new Int32Array(2 * n + 2);
      this.hi = new Int32Array(2 * n + 2);
      this.rowOff = new Int32Array(2 * n + 2);
    }
    const { lo, hi, rowOff } = this;
    lo[0] = 0;
    hi[0] = m + 1;
    for (let i = 1; i <= n; i++) {
      const pd = Math.floor(i * ratio); // i*ratio in floating point, as sacrebleu (not i*m/n)
      lo[i] = Math.max(0, pd - beam);
      hi[i] = i === n ? m + 1 : Math.min(m + 1, pd + beam);
    }
    // Row i is stored over columns [first, last): what it holds, what row i+1 reads of it (j-1, j) and what
    // row i-1's suffix pass reads of it (j, j+1), plus one cell either side.
    let size = 0;
    for (let i = 0; i <= n; i++) {
      const first = Math.min(lo[i]!, lo[i > 0 ? i - 1 : 0]!) - 1;
      const last = Math.max(hi[i]!, hi[i < n ? i + 1 : n]!) + 1;
      rowOff[i] = size - first;
      size += last - first;
    }
    if (this.base.length < size) {
      this.base = new Int32Array(2 * size);
      this.scratch = new Int32Array(2 * size);
      this.suffix = new Int32Array(2 * size);
    }
    this.suffix.fill(BIG, 0, size);
    this.suffixDirty = n;
    // Cells outside the band must read as BIG; row 0 is j insertions.
    this.base.fill(BIG, 0, size);
    this.scratch.fill(BIG, 0, size);
    const r0 = rowOff[0]!;
    for (let j = 0; j <= m; j++) {
      this.base[r0 + j] = j;
      this.scratch[r0 + j] = j;
    }
    return this;
  }

  /** Computation for `words` (length n), keeping costs and ops for the trace and for later candidates. Rows up
   *  to `fromRow` are kept from the previous call (their words must be unchanged). Returns the distance. */
  computeBase(words: Int32Array, fromRow = 0, suffixValidFrom = this.n + 1): number {
    this.suffixDirty = Math.max(this.suffixDirty, Math.min(this.n, suffixValidFrom - 1));
    this.words = words;
    const { n, m, ref, lo, hi, base, rowOff } = this;
    for (let i = fromRow + 1; i <= n; i++) {
      const row = rowOff[i]!;
      const prev = rowOff[i - 1]!;
      const word = words[i - 1]!;
      const jEnd = hi[i]!;
      for (let j = lo[i]!; j < jEnd; j++) {
        if (j === 0) {
          base[row] = base[prev]! + 1;
          continue;
        }
        // sacrebleu: each option replaces the cell only if strictly cheaper than the current value (BIG), so
        // the cell is the minimum and ties go diagonal, then up, then left (see trace()).
        let c = base[prev + j - 1]! + (word === ref[j - 1] ? 0 : 1);
        const up = base[prev + j]! + 1;
        if (up < c) c = up;
        const left = base[row + j - 1]! + 1;
        if (left < c) c = left;
        base[row + j] = c < BIG ? c : BIG;
      }
    }
    return base[rowOff[n]! + m]!;
  }

  /** Backward pass over the band for rows `top`..1 (rows below `top` are still valid; row 0 is never read). */
  private computeSuffix(words: Int32Array, top: number): void {
    const { n, m, ref, lo, hi, suffix, rowOff } = this;
    for (let i = top; i >= 1; i--) {
      const row = rowOff[i]!;
      const next = i < n ? rowOff[i + 1]! : 0;
      const jLo = lo[i]!;
      const jHi = hi[i]!;
      const word = i < n ? words[i]! : -1;
      for (let j = jHi - 1; j >= jLo; j--) {
        if (i === n && j === m) {
          suffix[row + j] = 0;
          continue;
        }
        let c = BIG;
        if (i < n) {
          // Cells outside the band hold BIG, so these reads need no band test.
          if (j < m) {
            const diag = suffix[next + j + 1]! + (word === ref[j] ? 0 : 1);
            if (diag < c) c = diag;
          }
          const down = suffix[next + j]! + 1;
          if (down < c) c = down;
        }
        if (j < m) {
          const right = suffix[row + j + 1]! + 1;
          if (right < c) c = right;
        }
        suffix[row + j] = c;
      }
    }
  }

  /** The ops from (0,0) to (n,m) of the last computeBase. Each cell's op is recovered from the costs: the first
   *  of diagonal, up, left (sacrebleu's order) whose value gives the cell's cost. */
  trace(): TraceOp[] {
    const { m, base, ref, rowOff, words } = this;
    const out: TraceOp[] = [];
    let i = this.n;
    let j = m;
    while (i > 0 || j > 0) {
      let op: TraceOp;
      if (i === 0) op = OP_INS;
      else if (j === 0) op = OP_DEL;
      else {
        const row = rowOff[i]!;
        const prev = rowOff[i - 1]!;
        const c = base[row + j]!;
        const same = words[i - 1] === ref[j - 1];
        if (base[prev + j - 1]! + (same ? 0 : 1) === c) op = same ? OP_NOP : OP_SUB;
        else if (base[prev + j]! + 1 === c) op = OP_DEL;
        else op = OP_INS;
      }
      out.push(op);
      if (op === OP_NOP || op === OP_SUB) {
        i--;
        j--;
      } else if (op === OP_INS) j--;
      else i--;
    }
    return out.reverse();
  }

  /** Distance of the last computeBase hypothesis `words` after a shift, without building the shifted list:
   *  it is words[0, prefix) (unchanged, so those rows are reused), then words[b0, b0+bLen), words[c0, c0+cLen)
   *  and words[d0, n). Gives up and returns -1 as soon as a whole row exceeds `limit`: the distance is at least
   *  the minimum of any row. */
  distanceAfterShift(
    words: Int32Array,
    prefix: number,
    b0: number,
    bLen: number,
    c0: number,
    cLen: number,
    d0: number,
    limit: number,
  ): number {
    if (this.suffixDirty > 0) {
      this.computeSuffix(words, this.suffixDirty);
      this.suffixDirty = 0;
    }
    const { n, m, ref, lo, hi, base, scratch, rowOff } = this;
    if (prefix >= n) return base[rowOff[n]! + m]!;
    const bEnd = prefix + bLen;
    const cEnd = bEnd + cLen;
    for (let i = prefix + 1; i <= cEnd; i++) {
      const row = rowOff[i]!;
      const prevArr = i - 1 === prefix ? base : scratch;
      const prev = rowOff[i - 1]!;
      const x = i - 1;
      const word = x < bEnd ? words[b0 + x - prefix]! : x < cEnd ? words[c0 + x - bEnd]! : words[d0 + x - cEnd]!;
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
    // From row cEnd on the words are those of the current hypothesis: join with its suffix distances.
    const { suffix } = this;
    const row = rowOff[cEnd]!;
    let best = BIG;
    for (let j = lo[cEnd]!, jEnd = hi[cEnd]!; j < jEnd; j++) {
      const c = scratch[row + j]! + suffix[row + j]!;
      if (c < best) best = c;
    }
    return best;
  }
}
