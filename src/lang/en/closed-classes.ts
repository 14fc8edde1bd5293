// English closed word classes and irregular forms: the aligner's coarse word class and rough stem (src/align/
// word-class.ts) without a tagger.

export type WordClass = 'PUNCT' | 'NUM' | 'DET' | 'ADP' | 'PRON' | 'CONJ' | 'AUX' | 'PART' | 'OPEN';

export const CLOSED_CLASSES: ReadonlyArray<[WordClass, string]> = [
  ['DET', 'a an the this that these those some any no every each either neither another all both my your his her its our their whose which what'],
  ['ADP', 'of in on at by for with about against between into through during before after above below to from up down out off over under since until upon within without across along among around behind beyond despite toward towards via per than like'],
  ['PRON', 'i me you he him she it we us they them myself yourself himself herself itself ourselves themselves who whom mine yours hers ours theirs one something anything nothing everything someone anyone everyone nobody'],
  ['CONJ', 'and or but nor so yet if because although though while whereas unless whether'],
  ['AUX', 'be is am are was were been being have has had having do does did will would shall should can could may might must'],
  ['PART', "not n't 's ’s 'll 're 've 'd 'm"],
];

export const STEM_SUFFIXES: readonly string[] = ['ies', 'es', 's', 'ed', 'ing', 'ly'];

/** Irregular forms whose lemma a suffix rule cannot find (auxiliaries above all: "are" → "is" is one lemma). */
export const IRREGULAR_FORMS: ReadonlyArray<readonly [string, string]> = [
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
];
