// The word alignment of Java tercom 0.7.25 / 0.10.0 without shifts (`-d 0`): its MinEditDist, ported line by
// line, because the WMT QE word tags were made from exactly this alignment. It differs from sacrebleu's band in
// two ways: a cost beam (a cell more than 20 above the previous column's best is not expanded) and the loop
// order (columns are hypothesis words, cells push to their neighbours), which decides between equal-cost paths.

/** tercom path letters over (hypothesis, reference): ' ' match, 'S' substitution, 'I' hypothesis word with no
 *  reference counterpart, 'D' reference word with no hypothesis counterpart. */
export type TercomOp = ' ' | 'S' | 'I' | 'D';

export interface TercomAlignment {
  edits: number;
  path: TercomOp[];
}

const BEAM_WIDTH = 20;
const INF = 999999.0;

/** tercom's MinEditDist with unit costs; `hyp` and `ref` are the (already case-folded) tokens. */
export function tercomAlign(hyp: readonly string[], ref: readonly string[], beamWidth = BEAM_WIDTH): TercomAlignment {
  const R = ref.length;
  const H = hyp.length;
  const w = H + 1;
  // S[i][j] (i over the reference, j over the hypothesis), -1 = unset; P holds the path letter.
  const S = new Float64Array((R + 1) * w).fill(-1);
  const P: Array<TercomOp | '0'> = new Array<TercomOp | '0'>((R + 1) * w).fill('0');
  S[0] = 0;
  let currentBest = INF;
  let lastBest = INF;
  let firstGood = 0;
  let currentFirstGood = 0;
  let lastGood = -1;
  let curLastGood = 0;

  for (let j = 0; j <= H; j++) {
    lastBest = currentBest;
    currentBest = INF;
    firstGood = currentFirstGood;
    currentFirstGood = -1;
    lastGood = curLastGood;
    curLastGood = -1;

    for (let i = firstGood; i <= R; i++) {
      if (i > lastGood) break;
      const score = S[i * w + j]!;
      if (score < 0) continue;
      if (j < H && score > lastBest + beamWidth) continue;
      if (currentFirstGood === -1) currentFirstGood = i;

      if (i < R && j < H) {
        const k = (i + 1) * w + j + 1;
        if (ref[i] === hyp[j]) {
          const cost = score; // match cost 0
          if (S[k] === -1 || cost < S[k]!) {
            S[k] = cost;
            P[k] = ' ';
          }
          if (cost < currentBest) currentBest = cost;
        } else {
          const cost = 1 + score;
          if (S[k]! < 0 || cost < S[k]!) {
            S[k] = cost;
            P[k] = 'S';
            if (cost < currentBest) currentBest = cost;
          }
        }
      }

      curLastGood = i + 1;

      if (j < H) {
        const k = i * w + j + 1;
        const icost = score + 1;
        if (S[k]! < 0 || S[k]! > icost) {
          S[k] = icost;
          P[k] = 'I';
        }
      }

      if (i < R) {
        const k = (i + 1) * w + j;
        const dcost = score + 1;
        if (S[k]! < 0 || S[k]! > dcost) {
          S[k] = dcost;
          P[k] = 'D';
          if (i >= lastGood) lastGood = i + 1;
        }
      }
    }
  }

  const path: TercomOp[] = [];
  let i = R;
  let j = H;
  while (i > 0 || j > 0) {
    const op = P[i * w + j]!;
    if (op === '0') throw new Error('tercomAlign: no path (beam too narrow)');
    path.push(op);
    if (op === ' ' || op === 'S') {
      i--;
      j--;
    } else if (op === 'D') i--;
    else j--;
  }
  path.reverse();
  return { edits: S[R * w + H]!, path };
}
