// German (full-ish): Hunspell de-DE, Snowball German, CLDR de. Nouns are capitalised and closed compounds
// ("damit", "Bundesregierung") are ordinary words; ordinals take a full stop ("am 15. Mai").
import { makePack } from '../make-pack.js';

export const de = makePack({ code: 'de', name: 'German', level: 'full', dictionary: 'dictionary-de', snowball: 'german', capitalisesNouns: true, compoundsAreWords: true, ordinalDot: true,
  // A relative pronoun after a comma is often followed by the same article: "Frauen, die die Kinder …".
  allowedRepeats: ['der', 'die', 'das', 'den', 'dem', 'des'] });
