// Hunspell spelling through nspell with a wooorm dictionary package (dictionary-<code>). The packages are ESM with
// a top-level await; to stay synchronous and lazy the .aff/.dic files are read directly, once, on first use of
// the pack (building a speller takes 0.2–2 s and tens of MB, so a pack that is never used costs nothing).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nspell from 'nspell';

type Speller = ReturnType<typeof nspell>;

export interface Spelling {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

/** A lazily built speller for an installed dictionary package ("dictionary-de"). Hyphenated and apostrophe
 *  forms are words when every part is. */
export function hunspell(pkg: string): Spelling {
  let sp: Speller | undefined;
  const cache = new Map<string, boolean>();
  const load = (): Speller => {
    if (!sp) {
      // The packages export only index.js: resolve it and read its sibling files.
      const dir = dirname(fileURLToPath(import.meta.resolve(pkg)));
      sp = nspell({ aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) });
    }
    return sp;
  };
  return {
    correct(word) {
      let known = cache.get(word);
      if (known === undefined) {
        const s = load();
        const w = word.replace(/’/g, "'");
        known = s.correct(w) || (w.includes('-') && w.split('-').every((p) => p !== '' && s.correct(p)));
        if (cache.size > 50_000) cache.clear();
        cache.set(word, known);
      }
      return known;
    },
    suggest(word) {
      return load().suggest(word.replace(/’/g, "'"));
    },
  };
}
