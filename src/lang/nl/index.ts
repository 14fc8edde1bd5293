import { basicPack } from '../basic.js';
// Dutch writes closed compounds as one word, like German.
export const nl = basicPack('nl', 'Dutch', 'dutch', { compoundsAreWords: true });
