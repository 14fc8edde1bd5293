import { basicPackWithoutSpelling } from '../basic.js';
// dictionary-pt is installed but nspell needs too long to build it (see basic.ts): no spelling.
export const pt = basicPackWithoutSpelling('pt', 'Portuguese', 'portuguese');
