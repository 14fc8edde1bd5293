import { basicPackWithoutSpelling } from '../basic.js';
// dictionary-it is installed but nspell needs too long to build it (see basic.ts): no spelling.
export const it = basicPackWithoutSpelling('it', 'Italian', 'italian');
