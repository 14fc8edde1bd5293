// Character-level similarity helpers shared by token alignment and edit merging (ERRANT uses rapidfuzz's Indel
// distance: insertions and deletions only, normalised by the sum of both lengths).

/** Length of the longest common subsequence of two strings (UTF-16 units). O(|a|·|b|) time, O(|b|) memory. */
let scratchRow = new Uint16Array(64);
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  // One row reused from call to call (the engine is synchronous): the token DP asks this for nearly every cell,
  // and a fresh typed array per call was the alignment's largest allocation.
  if (scratchRow.length < b.length + 1) scratchRow = new Uint16Array(2 * (b.length + 1));
  const row = scratchRow;
  row.fill(0, 0, b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = ca === b.charCodeAt(j - 1) ? diag + 1 : Math.max(up, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

/** Normalised Indel distance in [0, 1]: 1 − 2·LCS/(|a|+|b|). */
export function indelDistance(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 0;
  return 1 - (2 * lcsLength(a, b)) / total;
}

/** Indel similarity in [0, 1] (ERRANT's merger "char_cost"). */
export function indelSimilarity(a: string, b: string): number {
  return 1 - indelDistance(a, b);
}
