// Source-language words left in the MT: only decidable with the source text.
import { change } from '../../describe.js';
import type { Rule } from '../../types.js';
import { isEnglishWord } from '../spell.js';

export const untranslatedRule: Rule = {
  id: 'en/untranslated',
  describe: 'MT words that are not English words and occur in the source text, replaced → accuracy/untranslated, major (needs --source)',
  applies: (v) => v.ctx.source !== undefined,
  classify(v) {
    const words = v.mtWords.filter((w) => /\p{L}/u.test(w));
    if (words.length === 0 || v.corWords.length === 0) return undefined;
    const source = v.ctx.source!.toLowerCase();
    const inSource = (w: string) =>
      new RegExp(`(?<![\\p{L}])${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(source);
    // Foreign words: letters the English word list does not know. All of them must come from the source.
    const foreign = words.filter((w) => !isEnglishWord(w));
    if (foreign.length === 0 || !foreign.every(inSource)) return undefined;
    return { category: 'accuracy/untranslated', type: v.type, severity: 'major', message: `${change(v)}: left untranslated` };
  },
};
