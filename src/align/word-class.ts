// A coarse word class without a tagger. The engine must stay fast on million-word documents, so instead of POS
// tags (which ERRANT gets from spaCy) the alignment and the merger use closed-class word lists, punctuation and
// numbers; every other word is OPEN (an unknown content word). The classifier does real tagging later.

export type WordClass = 'PUNCT' | 'NUM' | 'DET' | 'ADP' | 'PRON' | 'CONJ' | 'AUX' | 'PART' | 'OPEN';

const LISTS: Array<[WordClass, string]> = [
  ['DET', 'a an the this that these those some any no every each either neither another all both my your his her its our their whose which what'],
  ['ADP', 'of in on at by for with about against between into through during before after above below to from up down out off over under since until upon within without across along among around behind beyond despite toward towards via per than like'],
  ['PRON', 'i me you he him she it we us they them myself yourself himself herself itself ourselves themselves who whom mine yours hers ours theirs one something anything nothing everything someone anyone everyone nobody'],
  ['CONJ', 'and or but nor so yet if because although though while whereas unless whether'],
  ['AUX', 'be is am are was were been being have has had having do does did will would shall should can could may might must'],
  ['PART', "not n't 's ’s 'll 're 've 'd 'm"],
];
const CLASS = new Map<string, WordClass>();
for (const [cls, words] of LISTS) for (const w of words.split(' ')) if (!CLASS.has(w)) CLASS.set(w, cls);

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const NUMBER = /^[+\-−]?\p{N}[\p{N}.,:/\-]*%?$/u;

const memo = new Map<string, WordClass>();
export function wordClass(token: string): WordClass {
  let cls = memo.get(token);
  if (cls === undefined) {
    cls = !HAS_WORD_CHAR.test(token) ? 'PUNCT' : NUMBER.test(token) ? 'NUM' : (CLASS.get(token.toLowerCase()) ?? 'OPEN');
    if (memo.size > 200_000) memo.clear(); // bounded: a vocabulary, not a corpus
    memo.set(token, cls);
  }
  return cls;
}

/** Is the token a content word (ERRANT's open classes ADJ, AUX, ADV, NOUN, VERB)? */
export function isContentClass(cls: WordClass): boolean {
  return cls === 'OPEN' || cls === 'AUX';
}

const SUFFIXES = ['ies', 'es', 's', 'ed', 'ing', 'ly'];
/** Irregular forms whose lemma a suffix rule cannot find (auxiliaries above all: "are" → "is" is one lemma). */
const IRREGULAR = new Map<string, string>();
for (const [lemma, forms] of [
  ['be', 'am is are was were been being'],
  ['have', 'has had having'],
  ['do', 'does did done doing'],
  ['go', 'goes went gone going'],
  ['say', 'said says'],
  ['make', 'made makes making'],
  ['take', 'took taken takes taking'],
  ['give', 'gave given gives giving'],
  ['get', 'got gotten gets getting'],
  ['see', 'saw seen sees seeing'],
  ['come', 'came comes coming'],
  ['know', 'knew known knows knowing'],
  ['think', 'thought thinks thinking'],
  ['find', 'found finds finding'],
  ['tell', 'told tells telling'],
  ['become', 'became becomes becoming'],
  ['leave', 'left leaves leaving'],
  ['meet', 'met meets meeting'],
  ['send', 'sent sends sending'],
  ['write', 'wrote written writes writing'],
  ['child', 'children'],
  ['man', 'men'],
  ['woman', 'women'],
  ['person', 'people'],
] as const) {
  for (const f of forms.split(' ')) IRREGULAR.set(f, lemma);
}
/** A crude stem standing in for ERRANT's lemma comparison ("guarantees" ~ "guarantee", "talks" ~ "talk"). */
export function roughStem(token: string): string {
  let w = token.toLowerCase().replace(/['’]s$/u, '');
  const irregular = IRREGULAR.get(w);
  if (irregular) return irregular;
  for (const s of SUFFIXES) {
    if (s === 's' && /(?:ss|us|is)$/u.test(w)) continue; // discuss, status, crisis
    if (w.length - s.length >= 3 && w.endsWith(s)) {
      w = w.slice(0, -s.length) + (s === 'ies' ? 'y' : '');
      break;
    }
  }
  return w;
}
