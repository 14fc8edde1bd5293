// One factory for every pack: a pack is its code plus the resources it names (a Hunspell dictionary package, a
// Snowball algorithm, CLDR for its locale) and the few facts no resource holds (nouns capitalised, compounds).
import type { Token } from '../model.js';
import { abbreviationMatcher, letterWords, segmenterWords } from './boundaries.js';
import { cldrDateAbbreviations, cldrMonths, cldrNumbers, cldrPunctuation, cldrQuotes, cldrSuppressions } from './cldr.js';
import { findNumbers, parseDigits, parseHan } from './numbers.js';
import { spelledNumberWords } from './rbnf.js';
import { hunspell } from './spell.js';
import { snowball } from './stem.js';
import type { LanguagePack, NumberSpan, PackLevel, Typography } from './types.js';

export interface PackSpec {
  code: string;
  name: string;
  level: PackLevel;
  /** CLDR locale (default: code). */
  locale?: string;
  /** wooorm Hunspell dictionary package ("dictionary-de"). */
  dictionary?: string;
  /** Snowball algorithm name ("german"). */
  snowball?: string;
  /** A custom stemmer/lemmatiser (instead of Snowball). */
  stem?: (word: string) => string;
  /** A custom speller (English keeps its own, with en-GB spellings). */
  isWord?: (word: string) => boolean;
  /** Abbreviations CLDR lacks for this language (written without the dot). Keep it short and say why. */
  extraAbbreviations?: readonly string[];
  numberWords?: ReadonlyMap<string, number>;
  numberLikeWords?: ReadonlyMap<string, number>;
  allowedRepeats?: readonly string[];
  months?: ReadonlyMap<string, number>;
  capitalisesNouns?: boolean;
  compoundsAreWords?: boolean;
  ordinalDot?: boolean;
  /** Words without spaces between them: word boundaries from Intl.Segmenter's dictionaries. */
  unspaced?: boolean;
  /** Han numerals and units count as numbers. */
  hanNumerals?: boolean;
  typography?: Partial<Typography>;
  /** A custom word splitter (jieba for Chinese). */
  words?: (text: string, from?: number, to?: number) => Token[];
  extraResources?: readonly string[];
  morphology?: import('./types.js').Morphology;
}

/** Builds a pack; CLDR files are read on first use of the pack's data, dictionaries on first spell check. */
export function makePack(spec: PackSpec): LanguagePack {
  const locale = spec.locale ?? spec.code;
  const lazy = <T>(f: () => T): (() => T) => {
    let v: T | undefined;
    let done = false;
    return () => {
      if (!done) {
        v = f();
        done = true;
      }
      return v as T;
    };
  };
  const abbr = lazy(() => abbreviationMatcher([...cldrSuppressions(locale), ...cldrDateAbbreviations(locale), ...(spec.extraAbbreviations ?? [])]));
  const nums = lazy(() => cldrNumbers(locale));
  const typography = lazy<Typography>(() => ({
    // The generic pack of a language CLDR knows still writes its own quotation marks (Bulgarian „…“).
    quotes: cldrQuotes(spec.level === 'generic' ? spec.code : locale),
    spaceBeforeHighPunctuation: false,
    decimal: nums().decimal,
    group: nums().group,
    fullWidthPunctuation: false,
    // By the language's code, also for the generic pack of a language CLDR knows (Greek's ; is its question mark).
    punctuation: cldrPunctuation(spec.code),
    ...spec.typography,
  }));
  const months = lazy(() => spec.months ?? cldrMonths(locale));
  // Number words from CLDR's spell-out rules (cldr-rbnf), with the pack's own list on top (English keeps
  // "hundred", "dozen", "twice", which no spell-out rule writes alone); not for the generic pack (no knowledge
  // of the language is claimed there) nor for Han-numeral languages (their numerals are read by numbers.ts).
  const spelled = lazy(() =>
    spec.level === 'generic' || spec.hanNumerals || spec.unspaced ? { cardinals: new Map<string, number>(), ordinals: new Map<string, number>() } : spelledNumberWords(spec.code, locale),
  );
  const numberWords = lazy<ReadonlyMap<string, number>>(() => new Map([...spelled().cardinals, ...(spec.numberWords ?? [])]));
  const numberLikeWords = lazy<ReadonlyMap<string, number>>(() => new Map([...spelled().ordinals, ...(spec.numberLikeWords ?? [])]));
  const speller = spec.dictionary ? hunspell(spec.dictionary) : undefined;
  const known = spec.isWord ?? (speller ? (w: string) => speller.correct(w) : undefined);
  // nspell does not apply Hunspell's compounding flags: in a language that closes compounds, a word is also a
  // word when it splits into known words ("Bundesregierung" = Bundes + Regierung).
  const isWordAsWritten = known && spec.compoundsAreWords ? compoundAware(known, spec.capitalisesNouns ?? false) : known;
  const stem = spec.stem ?? (spec.snowball ? snowball(spec.snowball) : (w: string) => w.toLowerCase());
  const plural = lazy(() => {
    try {
      return new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    } catch {
      return ['other'];
    }
  });
  const numberLocale = () => ({ decimal: spec.level === 'generic' ? undefined : nums().decimal, han: spec.hanNumerals });
  const words =
    spec.words ?? (spec.unspaced ? (t: string, f?: number, e?: number) => segmenterWords(locale, t, f, e) : letterWords);
  const resources = [
    ...(spec.dictionary ? [`${spec.dictionary} (Hunspell, nspell)`] : []),
    ...(spec.snowball ? [`snowball-stemmers (${spec.snowball})`] : []),
    ...(spec.level !== 'generic' ? [`CLDR 46.1 (${locale}: numbers, dates, quotation marks, sentence-break suppressions)`] : []),
    ...(spec.level !== 'generic' && !spec.hanNumerals && !spec.unspaced ? [`cldr-rbnf 48.2 (${spec.code}: spelled-out numbers)`] : []),
    'Intl.Segmenter (ICU)',
    ...(spec.extraResources ?? []),
  ];
  return {
    code: spec.code,
    name: spec.name,
    level: spec.level,
    resources,
    words,
    isAbbreviation: (w) => w !== '' && abbr().has(w),
    get abbreviations() {
      return abbr().set;
    },
    unspaced: spec.unspaced ?? false,
    ordinalDot: spec.ordinalDot ?? false,
    hasDictionary: isWordAsWritten !== undefined,
    isWord: (w) => {
      if (!isWordAsWritten) return undefined;
      // At a sentence start the capitalised form of a lower-case word is the word; Hunspell accepts that itself.
      return isWordAsWritten(w) || (w !== w.toLowerCase() && w.slice(1) === w.slice(1).toLowerCase() && isWordAsWritten(w.toLowerCase()));
    },
    suggest: (w) => speller?.suggest(w) ?? [],
    stem,
    ...(spec.morphology ? { morphology: spec.morphology } : {}),
    capitalisesNouns: spec.capitalisesNouns ?? false,
    compoundsAreWords: spec.compoundsAreWords ?? false,
    get numberWords() {
      return numberWords();
    },
    get numberLikeWords() {
      return numberLikeWords();
    },
    allowedRepeats: new Set(spec.allowedRepeats ?? []),
    get months() {
      return months();
    },
    numbers: (text, from, to): NumberSpan[] => findNumbers(text, numberLocale(), from, to),
    parseNumber: (text) => {
      const t = text.trim();
      if (spec.hanNumerals && /[〇零一二两兩三四五六七八九十拾百佰千仟万萬亿億兆]/u.test(t)) return parseHan(t);
      return parseDigits(t, numberLocale()) ?? numberWords().get(t.toLowerCase());
    },
    get typography() {
      return typography();
    },
    get pluralCategories() {
      return plural();
    },
    get nplurals() {
      return plural().length;
    },
  };
}

/** A word, or a closed compound of 2–3 known parts (each ≥ 3 letters; a linking -s-/-es-/-n- allowed). */
function compoundAware(known: (w: string) => boolean, nounsCapitalised: boolean): (w: string) => boolean {
  const memo = new Map<string, boolean>();
  const part = (p: string, first: boolean): boolean => {
    if (p.length < 3) return false;
    // Inner parts of a German compound are nouns written lower-case inside the word.
    const cap = p[0]!.toUpperCase() + p.slice(1);
    return known(p) || (!first || nounsCapitalised ? known(cap) : false) || known(p.toLowerCase());
  };
  const split = (w: string, depth: number, first: boolean): boolean => {
    for (let i = 3; i <= w.length - 3; i++) {
      const head = w.slice(0, i);
      const tail = w.slice(i);
      const heads = [head, ...(/(?:s|es|n|en)$/u.test(head) ? [head.replace(/(?:s|es|n|en)$/u, '')] : [])];
      if (!heads.some((h) => part(h, first))) continue;
      if (part(tail, false) || (depth > 1 && split(tail, depth - 1, false))) return true;
    }
    return false;
  };
  return (w) => {
    if (known(w)) return true;
    if (w.length < 7 || !/^\p{L}+$/u.test(w)) return false;
    let v = memo.get(w);
    if (v === undefined) {
      v = split(w, 2, true);
      if (memo.size > 50_000) memo.clear();
      memo.set(w, v);
    }
    return v;
  };
}
