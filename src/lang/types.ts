// A language pack: everything language-specific that any stage needs (segment, align, classify, checks,
// report), held once per language under src/lang/<code>/. Stages ask the pack; none keeps a word list of its own.
import type { Token } from '../model.js';

/** full: dictionary, stemmer/tagger, CLDR conventions and the language's own rules; basic: dictionary, stemmer
 *  and CLDR conventions; generic: only language-independent behaviour (no pack for this language). */
export type PackLevel = 'full' | 'basic' | 'generic';

/** A number found in a text, with its value as the locale writes it ("1.234,5" in German = 1234.5). */
export interface NumberSpan {
  start: number;
  end: number;
  text: string;
  value: number;
  /** The value as compared across texts: the number in canonical decimal form, or a numeric date's parts
   *  joined by '.' ("16.05.2017" → "16.5.2017"). */
  key: string;
}

/** Quotation marks as CLDR's delimiters give them (cldr-misc-full). */
export interface QuoteMarks {
  start: string;
  end: string;
  alternateStart: string;
  alternateEnd: string;
}

/** Locale conventions for typography (checks and classification rules read them). */
export interface Typography {
  quotes: QuoteMarks;
  /** A (narrow) no-break space is required before : ; ! ? and inside « » (French). */
  spaceBeforeHighPunctuation: boolean;
  /** CLDR decimal and group separators (cldr-numbers-full, latn system). */
  decimal: string;
  group: string;
  /** Full-width punctuation is the norm (Chinese, Japanese): ，。！？：；（） */
  fullWidthPunctuation: boolean;
  /** CLDR's punctuation exemplars of the language ('' when CLDR has none): Spanish ¿ ¡, Greek ; as a question mark. */
  punctuation: string;
}

export interface LanguagePack {
  /** BCP 47 primary language subtag ('en', 'de', 'zh', …); 'und' for the generic pack. */
  code: string;
  /** English name of the language. */
  name: string;
  level: PackLevel;
  /** What the pack is built on (libraries and data), for docs and reports. */
  resources: readonly string[];

  // — boundaries —
  /** Word tokens (letters/digits, with inner apostrophes and hyphens, or dictionary words for zh/ja) with
   *  offsets in `text`, from `from` to `to`. Numbers and punctuation are not words. */
  words(text: string, from?: number, to?: number): Token[];
  /** Is `word` (as written, without its dot) an abbreviation whose full stop does not end a sentence? The CLDR
   *  sentence-break suppressions and abbreviated month/day names (a lower-case entry in any case, one with
   *  capitals as written). Initials and dotted forms ("U.S") are the segmenter's concern. */
  isAbbreviation(word: string): boolean;
  /** The CLDR sentence-break suppressions of the language, as written without their final dot ("Mr", "z. B"). */
  abbreviations: ReadonlySet<string>;
  /** Ordinals are written with a full stop ("am 15. Mai", German): a number's dot before a month name does not
   *  end a sentence. */
  ordinalDot: boolean;
  /** Does the script write words without spaces between them (zh, ja)? */
  unspaced: boolean;

  // — lexicon and morphology —
  /** Whether a Hunspell dictionary backs isWord/suggest. */
  hasDictionary: boolean;
  /** True when the dictionary knows the word (as written or lower-cased at a sentence start); undefined when
   *  the pack has no dictionary (nothing can be said). */
  isWord(word: string): boolean | undefined;
  /** Spelling suggestions (empty without a dictionary). */
  suggest(word: string): string[];
  /** Stem or lemma, lower-cased (Snowball, a tagger's base form, or the lower-cased word). */
  stem(word: string): string;
  /** German: every noun starts with a capital letter (capitalisation is not a name signal). */
  capitalisesNouns: boolean;
  /** German, Dutch…: closed compounds are ordinary words ("damit", "Bundesregierung"), not merged tokens. */
  compoundsAreWords: boolean;

    /** A real morphological analyser/tagger (jieba for Chinese, kuromoji for Japanese), when the pack has one. */
  morphology?: Morphology;

  // — numbers and dates —
  /** Number words → value ("drei" → 3), lower-case keys. */
  numberWords: ReadonlyMap<string, number>;
  /** Words that stand for a number without being number words ("first", "twice"), lower-case keys. */
  numberLikeWords: ReadonlyMap<string, number>;
  /** Words the grammar allows twice in a row ("had had"; German "die die" = relative pronoun + article;
   *  French "nous nous"), lower-case. */
  allowedRepeats: ReadonlySet<string>;
  /** Month names and abbreviations (lower-case) → 1..12, from CLDR. */
  months: ReadonlyMap<string, number>;
  /** Every number in text[from, to): digits with the locale's separators, CJK numerals and units. */
  numbers(text: string, from?: number, to?: number): NumberSpan[];
  /** The value of one number as written (undefined when it is not one). */
  parseNumber(text: string): number | undefined;

  // — conventions —
  typography: Typography;
  /** CLDR plural categories (Intl.PluralRules): 'one', 'other', … ; nplurals is their count. */
  pluralCategories: readonly string[];
  nplurals: number;
}

/** One token of a tagger: its text and offsets, its part of speech (the tagger's own tag set) and base form. */
export interface MorphToken {
  text: string;
  start: number;
  end: number;
  pos: string;
  lemma: string;
}

export interface Morphology {
  /** The analyser's name ("jieba", "kuromoji"). */
  name: string;
  /** Loads the analyser's dictionary (once); tag() answers only after it resolved, when load is async. */
  load(): Promise<void>;
  /** Tokens with POS and base form; undefined while the dictionary is not loaded. */
  tag(text: string, from?: number, to?: number): MorphToken[] | undefined;
}
