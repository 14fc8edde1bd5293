// String measures the rules share (ERRANT's choices, so that thresholds carry over).

/** Levenshtein distance (insert, delete, substitute all cost 1). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** rapidfuzz `Levenshtein.normalized_similarity` on lower-case strings, as ERRANT's classifier uses it:
 *  1 − distance / max length. "smt" → "something" = 0.33. */
export function charSimilarity(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const max = Math.max(x.length, y.length);
  return max === 0 ? 1 : 1 - levenshtein(x, y) / max;
}

const SUFFIXES = [
  'ationally', 'ational', 'fulness', 'iveness', 'ousness', 'ization', 'isation', 'ations', 'ation', 'ments', 'ment',
  'nesses', 'ness', 'ities', 'ity', 'ings', 'ing', 'ions', 'ion', 'ously', 'ous', 'ives', 'ive', 'fully', 'ful',
  'less', 'ably', 'able', 'ibly', 'ible', 'ally', 'al', 'ly', 'ers', 'er', 'est', 'ed', 'ies', 'es', 's', 'y', 'ance',
  'ence', 'ant', 'ent', 'ists', 'ist', 'isms', 'ism', 'ize', 'ise',
];

/** A rough derivational stem (stands in for ERRANT's Lancaster stemmer): strips up to two common English
 *  suffixes while at least 3 letters remain. "health"/"healthy" → "health", "opening"/"openness" → "open". */
export function roughStem(word: string): string {
  let w = word.toLowerCase();
  for (let round = 0; round < 2; round++) {
    const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 3);
    if (!suffix) break;
    w = w.slice(0, -suffix.length);
  }
  // Doubled final consonants ("staffing" → "staff" → "staf"; "running" → "runn") compare equal undoubled.
  return w.replace(/([b-df-hj-np-tv-z])\1$/, '$1');
}
