// The English word list: nspell with dictionary-en (Hunspell en-US). The dictionary module reads its files at
// import (~25 ms); building the speller (~250–300 ms) happens on first use, once.
import nspell from 'nspell';
import dictionary from 'dictionary-en';

type Speller = ReturnType<typeof nspell>;
let speller: Speller | undefined;
const cache = new Map<string, boolean>();

function load(): Speller {
  // dictionary-en types its files as Uint8Array, nspell wants Buffers: wrap without copying.
  const asBuf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  speller ??= nspell({ aff: asBuf(dictionary.aff), dic: asBuf(dictionary.dic) });
  return speller;
}

/** True when the dictionary knows `word` as written (Hunspell also accepts a capitalised form of a lower-case
 *  word, and an all-caps form). Hyphenated compounds are words when every part is. */
export function isEnglishWord(word: string): boolean {
  let known = cache.get(word);
  if (known === undefined) {
    const sp = load();
    const w = word.replace(/’/g, "'");
    known = sp.correct(w) || (w.includes('-') && w.split('-').every((p) => p !== '' && sp.correct(p)));
    if (cache.size > 50_000) cache.clear();
    cache.set(word, known);
  }
  return known;
}

/** Splits a run-together token into two dictionary words ("thespecial" → the + special, "theTake" → the + Take),
 *  preferring a case boundary, else the split with the longest known second part. Undefined when none fits. */
export function splitRunTogether(token: string): [string, string] | undefined {
  if (!/^\p{L}{4,}$/u.test(token) || isEnglishWord(token)) return undefined;
  const camel = /^(\p{Ll}+)(\p{Lu}\p{L}*)$/u.exec(token);
  if (camel && isEnglishWord(camel[1]!) && isEnglishWord(camel[2]!)) return [camel[1]!, camel[2]!];
  for (let i = 1; i < token.length - 1; i++) {
    const a = token.slice(0, i);
    const b = token.slice(i);
    // One-letter words other than a/I are noise in a dictionary split.
    if (a.length === 1 && !/^[aAI]$/.test(a)) continue;
    if (b.length < 2) continue;
    if (isEnglishWord(a) && isEnglishWord(b)) return [a, b];
  }
  return undefined;
}
