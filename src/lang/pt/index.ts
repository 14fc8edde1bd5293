import { basicPack } from '../basic.js';
export const pt = basicPack('pt', 'Portuguese', 'portuguese');
