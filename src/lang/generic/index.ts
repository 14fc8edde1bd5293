// The generic pack: a language without a pack of its own. Only language-independent behaviour: letter-run
// words, digits read without a locale, no dictionary, no stemmer, no abbreviations.
import { makePack } from '../make-pack.js';

export function genericPack(code = 'und', name = 'unknown language'): ReturnType<typeof makePack> {
  return makePack({ code, name, level: 'generic', locale: 'und' });
}
export const generic = genericPack();
