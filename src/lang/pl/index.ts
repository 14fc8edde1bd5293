import { basicPack } from '../basic.js';
// No Snowball stemmer exists for Polish (the stem is the lower-cased word).
export const pl = basicPack('pl', 'Polish', undefined);
