// A coarse word class without a tagger. The engine must stay fast on million-word documents, so instead of POS
// tags (which ERRANT gets from spaCy) the alignment and the merger use closed-class word lists, punctuation and
// numbers; every other word is OPEN (an unknown content word). The classifier does real tagging later. The lists
// are English (src/lang/en/closed-classes.ts) and serve every language: in another language its function words
// are OPEN, which only makes the aligner's anchors less selective.

import { CLOSED_CLASSES, IRREGULAR_FORMS, STEM_SUFFIXES as SUFFIXES, type WordClass } from '../lang/en/closed-classes.js';

export type { WordClass } from '../lang/en/closed-classes.js';

const CLASS = new Map<string, WordClass>();
for (const [cls, words] of CLOSED_CLASSES) for (const w of words.split(' ')) if (!CLASS.has(w)) CLASS.set(w, cls);

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

/** Irregular forms whose lemma a suffix rule cannot find (English; src/lang/en/closed-classes.ts). */
const IRREGULAR = new Map<string, string>();
for (const [lemma, forms] of IRREGULAR_FORMS) for (const f of forms.split(' ')) IRREGULAR.set(f, lemma);
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
