// String measures the rules share (ERRANT's choices, so that thresholds carry over).
import { MAX_CHAR_CELLS } from '../align/similarity.js';

/** Levenshtein distance (insert, delete, substitute all cost 1). A common prefix and suffix cost nothing and are
 *  skipped; past MAX_CHAR_CELLS table cells (a huge "word") the remaining middle counts as fully different, an
 *  upper bound, so that one odd token cannot stall an audit. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let pre = 0;
  while (pre < a.length && pre < b.length && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a.charCodeAt(a.length - 1 - suf) === b.charCodeAt(b.length - 1 - suf)) suf++;
  const x = a.slice(pre, a.length - suf);
  const y = b.slice(pre, b.length - suf);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  if (x.length * y.length > MAX_CHAR_CELLS) return Math.max(x.length, y.length);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const sub = prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
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
