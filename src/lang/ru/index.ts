import { basicPack } from '../basic.js';
export const ru = basicPack('ru', 'Russian', 'russian');
