// Character-level similarity helpers shared by token alignment and edit merging (ERRANT uses rapidfuzz's Indel
// distance: insertions and deletions only, normalised by the sum of both lengths).

/** Largest DP table the character measures fill. Tokens are words, but a user's text may hold a 200,000-character
 *  "token" (a base64 blob, a minified line): past this many cells the middle part is not compared, which keeps the
 *  measure a bound instead of stalling the audit. */
export const MAX_CHAR_CELLS = 4_000_000;

/** Length of the longest common subsequence of two strings (UTF-16 units). O(|a|·|b|) time, O(|b|) memory.
 *  A common prefix and suffix are part of some LCS, so they are counted without the table. */
let scratchRow = new Uint32Array(64);
export function lcsLength(a: string, b: string): number {
  let pre = 0;
  while (pre < a.length && pre < b.length && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a.charCodeAt(a.length - 1 - suf) === b.charCodeAt(b.length - 1 - suf)) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n === 0 || m === 0 || n * m > MAX_CHAR_CELLS) return pre + suf;
  // One row reused from call to call (the engine is synchronous): the token DP asks this for nearly every cell,
  // and a fresh typed array per call was the alignment's largest allocation.
  if (scratchRow.length < m + 1) scratchRow = new Uint32Array(2 * (m + 1));
  const row = scratchRow;
  row.fill(0, 0, m + 1);
  for (let i = 1; i <= n; i++) {
    let diag = 0;
    const ca = a.charCodeAt(pre + i - 1);
    for (let j = 1; j <= m; j++) {
      const up = row[j]!;
      row[j] = ca === b.charCodeAt(pre + j - 1) ? diag + 1 : Math.max(up, row[j - 1]!);
      diag = up;
    }
  }
  return pre + suf + row[m]!;
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
