import { basicPack } from '../basic.js';
export const it = basicPack('it', 'Italian', 'italian');
