// Lexical meaning of an English substitution, from WordNet 3.1 (src/lang/en/wordnet.ts): does the correction's
// word mean what the MT's word meant? Every content-word rule asks here, so the decision is made in one place.
import { areAntonyms, relation, type LexicalRelation, type WnPos } from '../../../lang/en/wordnet.js';
import { roughStem } from '../../similarity.js';
import type { TokenInfo } from '../../types.js';
import { isContent } from './content.js';

/** What a substitution does to the meaning of the words it replaces. */
export type Closeness =
  /** The same lemma or stem (inflection, derivation by suffix): the MT said it, in another form. */
  | 'same-word'
  /** WordNet links them closely: synonym, derivationally related, similar-to, hypernym/hyponym within 2 steps. */
  | 'same-meaning'
  /** Sister terms (a shared hypernym at most 2 steps above each): a near, not the same, meaning. */
  | 'near'
  /** Direct WordNet antonyms. */
  | 'opposite'
  /** WordNet knows no close link (or does not know a word): the MT said something else. */
  | 'different';

const WN_POS: Record<string, WnPos> = { NOUN: 'n', VERB: 'v', ADJ: 'a', ADV: 'r' };

const SAME: ReadonlySet<LexicalRelation> = new Set(['synonym', 'derived', 'similar', 'hypernym', 'hyponym']);

/** The WordNet relation between two analysed tokens, over lemma and surface forms in all parts of speech (the
 *  tagger's POS is not trusted to pick the sense: a substitution often changes the part of speech). */
export function wordRelation(a: TokenInfo, b: TokenInfo): LexicalRelation | undefined {
  const forms = (t: TokenInfo) => [...new Set([t.lemma.toLowerCase(), t.lower])];
  // Compounds that differ in one part ("spokesman" → "spokeswoman", "grandfather" → "grandmother"): the parts
  // decide (man ↔ woman are WordNet antonyms).
  const parts = differingParts(a.lower, b.lower);
  if (parts && areAntonyms(parts[0], parts[1])) return 'antonym';
  let best: LexicalRelation | undefined;
  for (const x of forms(a))
    for (const y of forms(b)) {
      const r = relation(x, y);
      if (r && (best === undefined || RANK[r] < RANK[best])) best = r;
    }
  // Hyphenated compounds WordNet does not list, sharing a part ("self-directed" → "self-guided",
  // "self-assembled" → "self-assembly"): the parts that differ decide.
  const rest = best === undefined ? compoundRemainders(a.lower, b.lower) : undefined;
  return rest ? relation(rest[0], rest[1]) : best;
}

/** The differing parts of two hyphenated compounds that share whole parts at the start or the end. */
function compoundRemainders(a: string, b: string): [string, string] | undefined {
  const pa = a.split('-');
  const pb = b.split('-');
  if (pa.length < 2 || pb.length < 2) return undefined;
  let i = 0;
  while (i < pa.length - 1 && i < pb.length - 1 && pa[i] === pb[i]) i++;
  let j = 0;
  while (j < pa.length - 1 - i && j < pb.length - 1 - i && pa[pa.length - 1 - j] === pb[pb.length - 1 - j]) j++;
  if (i === 0 && j === 0) return undefined;
  const ra = pa.slice(i, pa.length - j).join('-');
  const rb = pb.slice(i, pb.length - j).join('-');
  return ra && rb ? [ra, rb] : undefined;
}

/** Are two analysed tokens WordNet antonyms (lemma or surface forms, or the differing parts of a compound)? */
export function antonymous(a: TokenInfo, b: TokenInfo): boolean {
  const parts = differingParts(a.lower, b.lower);
  if (parts && areAntonyms(parts[0], parts[1])) return true;
  for (const x of new Set([a.lemma.toLowerCase(), a.lower])) for (const y of new Set([b.lemma.toLowerCase(), b.lower])) if (areAntonyms(x, y)) return true;
  return false;
}

/** The differing remainders of two words sharing a beginning or an end of 4+ letters, when both are words. */
function differingParts(a: string, b: string): [string, string] | undefined {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length && q < b.length && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  const pair: [string, string] | undefined =
    p >= 4 ? [a.slice(p), b.slice(p)] : q >= 4 ? [a.slice(0, a.length - q), b.slice(0, b.length - q)] : undefined;
  return pair && pair[0].length >= 2 && pair[1].length >= 2 ? pair : undefined;
}

const RANK: Record<LexicalRelation, number> = { synonym: 0, derived: 1, similar: 2, hypernym: 3, hyponym: 3, antonym: 4, coordinate: 5 };

function closenessOf(r: LexicalRelation | undefined): Closeness {
  if (r === undefined) return 'different';
  if (r === 'antonym') return 'opposite';
  if (r === 'coordinate') return 'near';
  return SAME.has(r) ? 'same-meaning' : 'different';
}

const ORDER: Record<Closeness, number> = { 'same-word': 0, 'same-meaning': 1, near: 2, different: 3, opposite: 4 };

/** How far the correction's content words are from the MT's: each new content word of the correction is
 *  compared with every content word of the MT; the least related decides (one unrelated word is a different
 *  meaning even beside synonyms). With no new content word the correction only rewords the MT. */
export interface Judgement {
  closeness: Closeness;
  /** The WordNet relation behind the verdict, when one links the least related pair. */
  relation?: LexicalRelation;
  /** Content words of the correction the MT's phrase does not have (by lemma or stem). */
  fresh: TokenInfo[];
  /** Content words of the correction the MT's phrase has. */
  kept: number;
}

export function closeness(o: readonly TokenInfo[], c: readonly TokenInfo[]): Judgement {
  const oc = o.filter(isContent);
  const cc = c.filter(isContent);
  const stems = new Set(oc.flatMap((t) => [t.lemma.toLowerCase(), roughStem(t.lower)]));
  const fresh = cc.filter((t) => !stems.has(t.lemma.toLowerCase()) && !t.lower.split('-').every((p) => stems.has(roughStem(p))));
  const kept = cc.length - fresh.length;
  if (fresh.length === 0 || oc.length === 0) return { closeness: fresh.length === 0 ? 'same-word' : 'different', fresh, kept };
  let worst: { closeness: Closeness; relation?: LexicalRelation } = { closeness: 'same-word' };
  for (const t of fresh) {
    let best: { closeness: Closeness; relation?: LexicalRelation } = { closeness: 'different' };
    for (const m of oc) {
      const r = wordRelation(m, t);
      const k = closenessOf(r);
      if (ORDER[k] < ORDER[best.closeness] || (best.closeness === 'different' && k === 'opposite')) best = r ? { closeness: k, relation: r } : { closeness: k };
    }
    if (ORDER[best.closeness] > ORDER[worst.closeness]) worst = best;
  }
  return { ...worst, fresh, kept };
}

/** WordNet part of speech of an ERRANT POS (undefined for function words). */
export const wnPos = (t: TokenInfo): WnPos | undefined => WN_POS[t.pos];
