// Spanish (full-ish): Hunspell es, Snowball Spanish, CLDR es (¿…? ¡…! and « » / “ ” quotation marks).
import { makePack } from '../make-pack.js';

export const es = makePack({ code: 'es', name: 'Spanish', level: 'full', dictionary: 'dictionary-es', snowball: 'spanish' });
