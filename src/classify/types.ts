// Types shared by the classifier's rules and language packs.
import type { Classification, CorrectedKind, Glossary, SegmentPair, Token } from '../model.js';
import type { EditView } from './edit-view.js';

export interface ClassifyContext {
  mt: string;
  corrected: string;
  pairs: SegmentPair[];
  glossary?: Glossary;
  source?: string;
  /** Target language code; 'en' by default. */
  lang?: string;
  /** Source language code, when known (source-aware rules: untranslated words). */
  sourceLang?: string;
  /** A post-edit (default) or an independent reference: decides the severity of meaning-preserving changes. */
  correctedKind?: CorrectedKind;
}

/** What a rule decides; the engine adds the rule's id. */
export type Verdict = Omit<Classification, 'rule'>;

/** One entry of the ordered rule table. `applies` is an optional cheap guard; the first rule whose `classify`
 *  returns a verdict wins. */
export interface Rule {
  id: string;
  /** One line for the docs: what the rule decides. */
  describe: string;
  applies?: (v: EditView) => boolean;
  classify(v: EditView): Verdict | undefined;
}

/** Linguistic facts about one token of a segment, as a language pack analyses it. */
export interface TokenInfo {
  text: string;
  lower: string;
  /** ERRANT's POS (from a Penn→UD map with ERRANT's renames): NOUN VERB ADJ ADV DET PREP PRON CONJ PART PUNCT
   *  NUM SYM X INTJ SPACE. */
  pos: string;
  /** The tagger's own Universal Dependencies tag (PROPN, AUX, SCONJ, ...). */
  upos: string;
  lemma: string;
  /** A Penn-Treebank-like fine tag inferred from form and lemma (VB VBZ VBD VBN VBG MD NN NNS NNP POS JJ ...). */
  tag: string;
  /** An auxiliary verb that governs a following verb (ERRANT's aux/auxpass dependency). */
  aux: boolean;
  /** A verb preceded by an auxiliary (ERRANT's "preceded_by_aux"). */
  afterAux: boolean;
  /** First word of a sentence (capitalisation says nothing there). */
  sentenceStart: boolean;
}

/** A target language: its analyser, its word list and its ERRANT type decision. */
export interface Language {
  code: string;
  /** Analyses one segment side: `tokens` hold absolute offsets into `text`; returns one TokenInfo per token. */
  analyze(text: string, tokens: readonly Token[]): TokenInfo[];
  /** True when the word list knows the word (in this form or, where the language allows, lower-cased). */
  isWord(word: string): boolean;
  /** ERRANT type (with M:/U:/R: prefix, or UNK) of the minimal original → corrected token sequences. */
  errantType(o: readonly TokenInfo[], c: readonly TokenInfo[]): string;
  /** Number words → value ("three" → 3), for the numbers rule. */
  numberWords: ReadonlyMap<string, number>;
  /** Month names and abbreviations → 1..12, for date formats. */
  months: ReadonlyMap<string, number>;
}

