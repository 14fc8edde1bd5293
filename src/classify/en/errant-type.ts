// ERRANT's English classifier (errant/en/classifier.py, v3.0.2) over wink-nlp's analysis. Same decision order;
// the dependency labels ERRANT reads from spaCy are approximated from tags (see analyze.ts): `aux` for
// aux/auxpass, the POS for the dep map. Notes: /work/shared/docs/errant-notes.md §1(c).
import { charSimilarity, roughStem } from '../similarity.js';
import type { TokenInfo } from '../types.js';

const OPEN = new Set(['ADJ', 'ADV', 'NOUN', 'VERB']);
const RARE = new Set(['INTJ', 'NUM', 'SYM', 'X']);
const CONTRACTIONS = new Set(["'d", "'ll", "'m", "n't", "'re", "'s", "'ve"]);
const AUX_CONTRACTIONS: Record<string, string> = { ca: 'can', sha: 'shall', wo: 'will' };

const norm = (s: string) => s.replace(/’/g, "'");
const isContraction = (t: TokenInfo) => CONTRACTIONS.has(norm(t.lower));
const isAlpha = (s: string) => /^\p{L}+$/u.test(s);

/** Candidate base forms of a regular inflected verb form ("accomplished" → accomplish, "organizing" → organize). */
function verbBases(w: string): string[] {
  const out: string[] = [];
  for (const [suffix, restore] of [['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['d', ''], ['es', ''], ['s', '']] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) out.push(w.slice(0, -suffix.length) + restore);
  }
  return out;
}

/** wink-nlp lemmatises a participle it tags ADJ as itself ("accomplished"): a regular inflection of the other
 *  side's verb lemma counts as the same lemma, as spaCy would have it. */
function sharedVerbBase(o: TokenInfo, c: TokenInfo): boolean {
  const verb = o.pos === 'VERB' ? o : c.pos === 'VERB' ? c : undefined;
  if (!verb) return false;
  const other = verb === o ? c : o;
  return verbBases(other.lower).includes(verb.lemma);
}

export interface EnglishLexicon {
  isWord(word: string): boolean;
}

/** The ERRANT type of an edit's minimal original (o) and corrected (c) token sequences. */
export function errantTypeEn(o: readonly TokenInfo[], c: readonly TokenInfo[], lex: EnglishLexicon): string {
  if (o.length === 0 && c.length === 0) return 'UNK';
  if (o.length === 0) return `M:${oneSided(c)}`;
  if (c.length === 0) return `U:${oneSided(o)}`;
  if (o.map((t) => t.text).join(' ') === c.map((t) => t.text).join(' ')) return 'UNK';
  // A shared last token (ignoring case) on a multi-token edit: classify without it ("Doctor → The doctor" M:DET).
  if ((o.length > 1 || c.length > 1) && o[o.length - 1]!.lower === c[c.length - 1]!.lower)
    return errantTypeEn(o.slice(0, -1), c.slice(0, -1), lex);
  return `R:${twoSided(o, c, lex)}`;
}

function oneSided(toks: readonly TokenInfo[]): string {
  if (toks.length === 1) {
    const t = toks[0]!;
    if (t.tag === 'POS') return 'NOUN:POSS';
    if (isContraction(t)) return 'CONTR';
    if (t.lower === 'to' && t.upos === 'PART') return 'VERB:FORM';
  }
  if (toks.every((t) => t.aux)) return 'VERB:TENSE';
  const pos = new Set(toks.map((t) => t.pos));
  if (pos.size === 1) {
    const only = [...pos][0]!;
    if (!RARE.has(only)) return only;
  }
  if (pos.size === 2 && pos.has('PART') && pos.has('VERB')) return 'VERB';
  return 'OTHER';
}

function twoSided(o: readonly TokenInfo[], c: readonly TokenInfo[], lex: EnglishLexicon): string {
  const joined = (ts: readonly TokenInfo[]) => ts.map((t) => t.lower).join('');
  if (joined(o) === joined(c)) return 'ORTH';
  const sorted = (ts: readonly TokenInfo[]) => ts.map((t) => t.lower).sort().join(' ');
  if (sorted(o) === sorted(c)) return 'WO';
  if (o.length === 1 && c.length === 1) {
    const one = oneToOne(o[0]!, c[0]!, lex);
    if (one) return one;
  }
  return multi(o, c);
}

function oneToOne(o: TokenInfo, c: TokenInfo, lex: EnglishLexicon): string | undefined {
  // Special cases.
  if (o.tag === 'POS' || c.tag === 'POS') return 'NOUN:POSS';
  if ((isContraction(o) || isContraction(c)) && o.pos === c.pos) return 'CONTR';
  if (AUX_CONTRACTIONS[o.lower] === c.lower || AUX_CONTRACTIONS[c.lower] === o.lower) return 'CONTR';
  if (o.lower in AUX_CONTRACTIONS || c.lower in AUX_CONTRACTIONS) return 'VERB:TENSE';
  if (new Set([o.lower, c.lower]).size === 2 && ['was', 'were'].includes(o.lower) && ['was', 'were'].includes(c.lower))
    return 'VERB:SVA';
  // Possessive glued to the word by the tokeniser ("Monday" → "Monday’s"): ERRANT's tokens would be split.
  const poss = /^(.+)['’]s?$/u;
  const po = poss.exec(norm(o.text))?.[1];
  const pc = poss.exec(norm(c.text))?.[1];
  if ((pc !== undefined && pc.toLowerCase() === o.lower) || (po !== undefined && po.toLowerCase() === c.lower))
    return 'NOUN:POSS';
  const sameLemma = o.lemma === c.lemma || sharedVerbBase(o, c);
  const sim = charSimilarity(o.text, c.text);
  // Spelling and inflection of non-words.
  if (isAlpha(o.text) && !lex.isWord(o.text) && !lex.isWord(o.lower)) {
    if (sameLemma) {
      if (o.pos === c.pos && o.pos === 'NOUN') return 'NOUN:INFL';
      if (o.pos === c.pos && o.pos === 'VERB') return 'VERB:INFL';
      return 'MORPH';
    }
    if (sim > 0.55) return 'SPELL';
    if ((Math.abs(sim - 0.5) < 1e-9 || Math.abs(sim - 1 / 3) < 0.01) && o.text.length <= 4 && c.text.length <= 4)
      return 'SPELL';
    return RARE.has(c.pos) ? 'OTHER' : c.pos;
  }
  // Inflection.
  if (sameLemma && OPEN.has(o.pos) && OPEN.has(c.pos)) {
    if (o.pos === c.pos) {
      if (o.pos === 'ADJ') return 'ADJ:FORM';
      if (o.pos === 'NOUN') return 'NOUN:NUM';
      if (o.pos === 'VERB') {
        if (o.afterAux && c.afterAux) return 'VERB:FORM';
        if ([o.tag, c.tag].some((t) => t === 'VBG' || t === 'VBN')) return 'VERB:FORM';
        if ([o.tag, c.tag].includes('VBD')) return 'VERB:TENSE';
        if ([o.tag, c.tag].includes('VBZ')) return 'VERB:SVA';
        if (o.aux && c.aux) return 'VERB:TENSE';
      }
    }
    if (o.pos === 'ADJ' && c.tag === 'NNS') return 'NOUN:NUM';
    if (c.tag === 'VBG' || c.tag === 'VBN') return 'VERB:FORM';
    if (c.tag === 'VBD') return 'VERB:TENSE';
    if (c.tag === 'VBZ') return 'VERB:SVA';
    return 'MORPH';
  }
  // Derivational morphology.
  if (roughStem(o.lower) === roughStem(c.lower) && OPEN.has(o.pos) && OPEN.has(c.pos)) return 'MORPH';
  // General cases.
  if (o.aux && c.aux) return 'VERB:TENSE';
  if (o.pos === c.pos && !RARE.has(o.pos)) return o.pos;
  const pair = new Set([o.pos, c.pos]);
  const has = (a: string, b: string) => pair.has(a) && pair.has(b);
  if (has('PART', 'PREP')) return 'PART';
  if (has('DET', 'PRON')) return c.upos === 'PRON' && c.pos === 'PRON' ? 'PRON' : 'DET';
  if (has('NUM', 'DET')) return 'DET';
  const words = new Set([o.lower, c.lower]);
  if (words.has('other') && words.has('another')) return 'DET';
  if (o.lower === 'your' && c.lower === 'yours') return 'PRON';
  if (words.has('no') && words.has('not')) return 'OTHER';
  // String-similarity rules (ERRANT v2.3.0), both tokens alphabetic.
  if (isAlpha(o.text) && isAlpha(c.text)) {
    const L = o.lower.length;
    const C = c.lower.length;
    const cpos = RARE.has(c.pos) ? 'OTHER' : c.pos;
    if (L === 1) {
      if (C === 2 && sim === 0.5) return 'SPELL';
    } else if (L === 2) {
      if (C >= 2 && C <= 3 && sim >= 0.5) return 'SPELL';
    } else if (L === 3) {
      if (o.lower === 'the' && c.lower === 'that') return 'PRON';
      if (o.lower === 'all' && c.lower === 'everything') return 'PRON';
      if (C >= 2 && C <= 4 && sim >= 0.5) return 'SPELL';
    } else if (L === 4) {
      if (words.has('that') && words.has('what')) return 'PRON';
      if (words.has('good') && words.has('well')) return cpos;
      if (C === 3 && sim > 0.5) return 'SPELL';
      if (C === 4 && sim >= 0.5) return 'SPELL';
      if (C === 5 && sim >= 0.8 - 1e-9) return 'SPELL';
      if (C > 5 && sim > 0.5) return cpos;
    } else if (L === 5) {
      if (words.has('after') && words.has('later')) return cpos;
      if (C === 4 && sim >= 0.8 - 1e-9) return 'SPELL';
      if (C === 5 && sim >= 0.6 - 1e-9) return 'SPELL';
      if (C > 5) return cpos;
    }
    if (L > 5 && C > 5) {
      if (o.lower === 'therefor' && c.lower === 'therefore') return 'SPELL';
      if (words.has('though') && words.has('thought')) return 'SPELL';
      if ((c.lower.startsWith(o.lower) || o.lower.startsWith(c.lower)) && sim >= 0.66) return 'MORPH';
      if (sim > 0.8) return 'SPELL';
      if (sim < 0.55) return cpos;
    }
    return undefined; // undecided: falls through to the multi-token rules, usually OTHER
  }
  return 'OTHER';
}

/** A preposition right after a verb inside the edit is a verb particle ("look at"): spaCy tags it RP (PART). */
const particlePos = (ts: readonly TokenInfo[]) =>
  ts.map((t, i) => (t.pos === 'PREP' && i > 0 && ts[i - 1]!.pos === 'VERB' ? 'PART' : t.pos));

function multi(o: readonly TokenInfo[], c: readonly TokenInfo[]): string {
  const all = [...o, ...c];
  if (all.every((t) => t.aux)) return 'VERB:TENSE';
  const pos = new Set([...particlePos(o), ...particlePos(c)]);
  const lastLemma = (ts: readonly TokenInfo[]) => ts[ts.length - 1]!.lemma;
  if (pos.size === 1) {
    const only = [...pos][0]!;
    if (only === 'VERB' && lastLemma(o) === lastLemma(c)) return 'VERB:TENSE';
    if (!RARE.has(only)) return only;
  }
  if (pos.size === 2 && pos.has('PART') && pos.has('VERB')) return lastLemma(o) === lastLemma(c) ? 'VERB:FORM' : 'VERB';
  const nounPoss = (ts: readonly TokenInfo[]) => ts.length === 2 && ts[0]!.pos === 'NOUN' && ts[1]!.tag === 'POS';
  if ((nounPoss(o) || nounPoss(c)) && o[0]!.lemma === c[0]!.lemma) return 'NOUN:POSS';
  const moreMost = (ts: readonly TokenInfo[]) => ['more', 'most'].includes(ts[0]!.lower);
  if ((moreMost(o) || moreMost(c)) && lastLemma(o) === lastLemma(c) && o.length <= 2 && c.length <= 2) return 'ADJ:FORM';
  return 'OTHER';
}
