// Snowball stemmers (snowball-stemmers), one per algorithm for the process, memoised per word.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
interface Stemmer {
  stem(word: string): string;
}
const factory = (): { newStemmer(name: string): Stemmer } => require('snowball-stemmers');

/** A lower-casing, memoised stem function for a Snowball algorithm ('german', 'french', …). */
export function snowball(algorithm: string): (word: string) => string {
  let stemmer: Stemmer | undefined;
  const memo = new Map<string, string>();
  return (word) => {
    const lower = word.toLowerCase();
    let s = memo.get(lower);
    if (s === undefined) {
      stemmer ??= factory().newStemmer(algorithm);
      s = stemmer.stem(lower);
      if (memo.size > 100_000) memo.clear();
      memo.set(lower, s);
    }
    return s;
  };
}
