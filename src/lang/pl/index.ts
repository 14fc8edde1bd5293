import { basicPackWithoutSpelling } from '../basic.js';
// No Snowball stemmer exists for Polish (the stem is the lower-cased word); dictionary-pl is installed but nspell needs too long to build it (see basic.ts): no spelling.
export const pl = basicPackWithoutSpelling('pl', 'Polish', undefined);
