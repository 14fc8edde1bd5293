// French (full-ish): Hunspell fr, Snowball French, CLDR fr. A (narrow) no-break space before : ; ! ? and inside
// « » is required in French text.
import { makePack } from '../make-pack.js';

export const fr = makePack({ code: 'fr', name: 'French', level: 'full', dictionary: 'dictionary-fr', snowball: 'french', typography: { spaceBeforeHighPunctuation: true },
  // Pronominal verbs repeat the pronoun: "nous nous sommes", "vous vous êtes".
  allowedRepeats: ['nous', 'vous'] });
