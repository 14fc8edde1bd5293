// Hunspell spelling with a wooorm dictionary package (dictionary-<code>), answered as nspell answers it.
// correct() goes through HunspellLookup (hunspell-lookup.ts: nspell's semantics, found by undoing affixes, so
// nothing is expanded: fr ready in < 1 s instead of nspell's 10–25 s, it/pt/pl usable at all); nspell itself is
// built only when suggestions are asked for. The packages are ESM with a top-level await; to stay synchronous
// and lazy the .aff/.dic files are read directly, on first use of the pack.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nspell from 'nspell';
import { HunspellLookup } from './hunspell-lookup.js';

type Speller = ReturnType<typeof nspell>;

export interface Spelling {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

/** The .aff and .dic files of an installed dictionary package (they export only index.js: resolve it). */
export function dictionaryFiles(pkg: string): { aff: Buffer; dic: Buffer } {
  const dir = dirname(fileURLToPath(import.meta.resolve(pkg)));
  return { aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) };
}

/** A lazily loaded speller for an installed dictionary package ("dictionary-de"). Hyphenated and apostrophe
 *  forms are words when every part is. */
export function hunspell(pkg: string): Spelling {
  let lookup: HunspellLookup | undefined;
  let sp: Speller | undefined;
  const cache = new Map<string, boolean>();
  const load = (): HunspellLookup => {
    if (!lookup) {
      const { aff, dic } = dictionaryFiles(pkg);
      lookup = new HunspellLookup(aff, dic);
    }
    return lookup;
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
      // Suggestions need nspell's full expansion (slow: seconds to minutes); nothing in tqa asks for them by default.
      sp ??= nspell(dictionaryFiles(pkg));
      return sp.suggest(word.replace(/’/g, "'"));
    },
  };
}
