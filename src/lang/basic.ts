// Basic packs: a wooorm Hunspell dictionary, a Snowball stemmer and CLDR conventions — nothing else is known
// about the language. One line per language.
import { makePack, type PackSpec } from './make-pack.js';
import type { LanguagePack } from './types.js';

export function basicPack(code: string, name: string, snowballAlgorithm: string | undefined, extra: Partial<PackSpec> = {}): LanguagePack {
  return makePack({ code, name, level: 'basic', dictionary: `dictionary-${code}`, snowball: snowballAlgorithm, ...extra });
}
