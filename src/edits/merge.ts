import type { AlignOp } from '../align/align-tokens.js';
import { indelSimilarity } from '../align/similarity.js';
import { isContentClass, roughStem, wordClass, type WordClass } from '../align/word-class.js';

/** A unit of an aligned segment: a matched token, or a group of alignment ops that form one edit. */
export interface Unit {
  kind: 'match' | 'edit';
  i1: number;
  i2: number;
  j1: number;
  j2: number;
  /** 'T' local reordering (a move applied like a replace), 'MD'/'MI' a half of a long-distance move. */
  flavour?: 'T' | 'MD' | 'MI';
  move?: number;
}

const MAX_RULE_RUN = 60;
const PUNCT_CHARS = /^[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~“”‘’«»…–—]+$/u;
const isPunct = (t: string): boolean => wordClass(t) === 'PUNCT' || PUNCT_CHARS.test(t);

function group(seq: AlignOp[]): Unit[] {
  if (seq.length === 0) return [];
  return [{ kind: 'edit', i1: seq[0]!.i1, i2: seq[seq.length - 1]!.i2, j1: seq[0]!.j1, j2: seq[seq.length - 1]!.j2 }];
}
const singles = (seq: AlignOp[]): Unit[] => seq.map((o) => ({ kind: 'edit', i1: o.i1, i2: o.i2, j1: o.j1, j2: o.j2 }));

const VERBAL_ENDING = /(?:ing|ed|en)$/u;
/** ERRANT merges a range whose POS are all within {AUX, PART, VERB} ("discuss" → "have been discussing"). Without
 *  a tagger: auxiliaries and particles, plus open-class words that look verbal — sharing one stem or ending in
 *  -ing/-ed/-en — as long as there is an auxiliary. */
function isVerbGroup(tokens: string[], classes: Set<WordClass>): boolean {
  if (![...classes].every((x) => x === 'AUX' || x === 'PART' || x === 'OPEN')) return false;
  if (!classes.has('OPEN')) return true;
  if (!classes.has('AUX')) return false;
  const open = tokens.filter((t) => wordClass(t) === 'OPEN');
  const stems = new Set(open.map(roughStem));
  return stems.size === 1 || open.every((t) => VERBAL_ENDING.test(t.toLowerCase()));
}

/** Below this share of plausibly paired words, a run of substitutions is a rewritten phrase, not word pairs. */
export const REWRITE_QUALITY = 0.5;

/** A post-editor's rewrite of a phrase ("This way of agreeing" → "This is in line"): the alignment could only
 *  pair its words by position. Alignment quality decides: of the substituted pairs, how many are plausible (same
 *  stem, similar spelling, or two function words of one class: of → in); a pairing of a content word with a
 *  function word (way → is) shows the words do not correspond. A phrase (3+ tokens on a side) with such a pair
 *  and fewer than half plausible pairs becomes one edit, as MQM marks the phrase. */
function isRewrite(seq: AlignOp[], a: string[], b: string[]): boolean {
  const o = a.slice(seq[0]!.i1, seq[seq.length - 1]!.i2);
  const c = b.slice(seq[0]!.j1, seq[seq.length - 1]!.j2);
  if (Math.max(o.length, c.length) < 3 || [...o, ...c].some(isPunct)) return false;
  let pairs = 0;
  let plausible = 0;
  let crossed = false;
  for (const op of seq) {
    if (op.op !== 'S') continue;
    const x = a[op.i1]!;
    const y = b[op.j1]!;
    const cx = wordClass(x);
    const cy = wordClass(y);
    pairs++;
    if (roughStem(x) === roughStem(y) || indelSimilarity(x.toLowerCase(), y.toLowerCase()) >= 0.5 || (cx === cy && cx !== 'OPEN')) plausible++;
    if ((cx === 'OPEN') !== (cy === 'OPEN')) crossed = true;
  }
  return pairs >= 2 && crossed && plausible / pairs < REWRITE_QUALITY;
}

/** ERRANT's "rules" merging of a run of S/D/I ops (errant/en/merger.py process_seq), with word classes from
 *  word-class.ts instead of spaCy POS tags (the possessive rules do not apply: possessives stay inside tokens). */
function processSeq(seq: AlignOp[], a: string[], b: string[]): Unit[] {
  if (seq.length <= 1) return singles(seq);
  const ops = seq.map((o) => o.op);
  const kinds = new Set(ops);
  if (kinds.size === 1 && (kinds.has('D') || kinds.has('I'))) return group(seq);
  if (isRewrite(seq, a, b)) return group(seq);
  // ERRANT tries every sub-range (quadratic); a run this long is two unrelated blocks: one edit.
  if (seq.length > MAX_RULE_RUN) return group(seq);
  let content = false;
  // S ops before each position: "does ops[start..end] hold an S" in O(1).
  const sBefore = new Int32Array(seq.length + 1);
  for (let k = 0; k < seq.length; k++) sBefore[k + 1] = sBefore[k]! + (ops[k] === 'S' ? 1 : 0);
  // Every sub-range [start, end], longest first and, among equally long ones, leftmost first (ERRANT's order:
  // its combinations sorted stably by length), enumerated in that order instead of built and sorted.
  for (let span = seq.length - 1; span >= 1; span--) for (let start = 0; start + span < seq.length; start++) {
    const end = start + span;
    if (sBefore[end + 1]! - sBefore[start]! === 0) continue;
    const o = a.slice(seq[start]!.i1, seq[end]!.i2);
    const c = b.slice(seq[start]!.j1, seq[end]!.j2);
    const rest = (from: number, to: number): Unit[] => processSeq(seq.slice(from, to), a, b);
    const oLast = o[o.length - 1];
    const cLast = c[c.length - 1];
    // Case change at the end.
    if (oLast !== undefined && cLast !== undefined && oLast.toLowerCase() === cLast.toLowerCase()) {
      // [Cat -> The big cat] (ERRANT's condition, operator precedence included)
      if ((start === 0 && o.length === 1 && /^\p{Lu}/u.test(c[0]!)) || (c.length === 1 && /^\p{Lu}/u.test(o[0]!))) {
        // (ERRANT drops the ops before `start` here; we keep them)
        return [...rest(0, start), ...group(seq.slice(start, end + 1)), ...rest(end + 1, seq.length)];
      }
      // [, we -> . We], [we -> . We]
      if ((o.length > 1 && isPunct(o[o.length - 2]!)) || (c.length > 1 && isPunct(c[c.length - 2]!))) {
        return [...rest(0, end - 1), ...group(seq.slice(end - 1, end + 1)), ...rest(end + 1, seq.length)];
      }
    }
    // Whitespace / hyphen / apostrophe: [acat -> a cat], [sub - way -> subway], [large -scale -> large-scale]
    const strip = (toks: string[]): string => toks.join('').toLowerCase().replace(/['’\-‐]/gu, '');
    if (strip(o) === strip(c)) {
      return [...rest(0, start), ...group(seq.slice(start, end + 1)), ...rest(end + 1, seq.length)];
    }
    // Same class or auxiliary/particle group with different lengths: [to eat -> eating] (approximated).
    const classes = new Set<WordClass>([...o, ...c].map(wordClass));
    if (o.length !== c.length && (classes.size === 1 || isVerbGroup([...o, ...c], classes))) {
      return [...rest(0, start), ...group(seq.slice(start, end + 1)), ...rest(end + 1, seq.length)];
    }
    if (end - start < 2) {
      // Split adjacent substitutions: [Stable safety -> robust security]
      if (o.length === 2 && c.length === 2) return [...rest(0, start + 1), ...rest(start + 1, seq.length)];
      // Split similar substitutions at sequence boundaries
      if (
        (ops[start] === 'S' && indelSimilarity(o[0]!, c[0]!) > 0.75) ||
        (ops[end] === 'S' && indelSimilarity(oLast!, cLast!) > 0.75)
      ) {
        return [...rest(0, start + 1), ...rest(start + 1, seq.length)];
      }
      // Split final determiners
      const lastOp = ops[ops.length - 1]!;
      if (
        end === seq.length - 1 &&
        (((lastOp === 'D' || lastOp === 'S') && wordClass(oLast!) === 'DET') ||
          ((lastOp === 'I' || lastOp === 'S') && wordClass(cLast!) === 'DET'))
      ) {
        return [...rest(0, seq.length - 1), ...singles(seq.slice(-1))];
      }
    }
    if ([...classes].some(isContentClass)) content = true;
  }
  return content ? group(seq) : singles(seq);
}

/** Turn a token alignment into units: matches, ERRANT-merged edits, local reorderings (T) and move halves. */
export function mergeOps(ops: AlignOp[], a: string[], b: string[]): Unit[] {
  const out: Unit[] = [];
  let run: AlignOp[] = [];
  const flush = (): void => {
    for (const u of processSeq(run, a, b)) out.push(u);
    run = [];
  };
  for (const o of ops) {
    if (o.op === 'S' || o.op === 'D' || o.op === 'I') {
      run.push(o);
      continue;
    }
    flush();
    if (o.op === 'M') out.push({ kind: 'match', i1: o.i1, i2: o.i2, j1: o.j1, j2: o.j2 });
    else if (o.op === 'T') out.push({ kind: 'edit', flavour: 'T', i1: o.i1, i2: o.i2, j1: o.j1, j2: o.j2 });
    else out.push({ kind: 'edit', flavour: o.op, move: o.move!, i1: o.i1, i2: o.i2, j1: o.j1, j2: o.j2 });
  }
  flush();
  return out;
}
