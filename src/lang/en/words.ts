// English facts no installed resource holds (CLDR has no spelled-out numbers without RBNF data, and its English
// sentence-break suppressions lack common titles and Latin abbreviations).

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
    nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
    hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12,
  }),
);

/** Words that stand for a number in a translation without being number words proper ("first", "twice"): the
 *  number check accepts them for a source's digits. */
export const NUMBER_LIKE_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
    once: 1, twice: 2, single: 1, pair: 2, both: 2, double: 2, triple: 3, decade: 10, century: 100, millennium: 1000,
  }),
);

/** Abbreviations CLDR's English suppressions lack (a full stop after them does not end a sentence). Lower-case
 *  entries also match capitalised (CLDR has only "Etc." and "Approx."); French titles (MM., Mme) are common in English translated from French. */
/** Repetitions that English grammar allows ("had had", "that that"). */
export const ALLOWED_REPEATS: readonly string[] = ['had', 'that', 'is', 'can', 'do', 'very', 'bye', 'no', 'ha', 'so', 'knock', 'tut'];

export const EXTRA_ABBREVIATIONS: readonly string[] = [
  'Messrs', 'Dr', 'St', 'Jr', 'Sr', 'MM', 'Mme', 'Mmes', 'Mlle', 'Me', 'Inc', 'Ltd', 'Co', 'Corp', 'Gen', 'Gov',
  'Sen', 'Hon', 'Ave', 'Blvd', 'no', 'nos', 'fig', 'figs', 'vol', 'cf', 'al', 'ca', 'v', 'p', 'eds', 'cit',
  'ibid', 'viz', 'resp', 'U.K', 'etc', 'approx',
];
