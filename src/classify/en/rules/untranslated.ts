// Source-language words left in the MT. With the source text: non-English MT words that occur in it. Without:
// lower-case non-words spelt with letters English does not use ("dreaptā", "õnne") — capitalised ones are
// left to the name rule, which runs first.
import { change } from '../../describe.js';
import { charSimilarity } from '../../similarity.js';
import type { EditView } from '../../edit-view.js';
import type { Rule } from '../../types.js';
import { isEnglishWord } from '../spell.js';
import { severityOf } from '../../severity.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NON_ENGLISH_LETTER = /[^\p{Script=Latin}\P{L}]|[\u00C0-\u024F\u1E00-\u1EFF]/u;

function foreignWords(v: EditView): string[] {
  return v.mtWords.filter((w) => /\p{L}/u.test(w) && !isEnglishWord(w));
}

export const untranslatedRule: Rule = {
  id: 'en/untranslated',
  describe: 'MT words that are not English words and occur in the source text (or, without one, lower-case non-words in letters English does not use) → accuracy/untranslated, major',
  classify(v) {
    const foreign = foreignWords(v);
    if (foreign.length === 0) return undefined;
    if (v.ctx.source !== undefined) {
      const source = v.ctx.source.toLowerCase();
      const inSource = (w: string) => new RegExp(`(?<![\\p{L}])${escape(w.toLowerCase())}(?![\\p{L}])`, 'u').test(source);
      if (!foreign.every(inSource)) return undefined;
      return { category: 'accuracy/untranslated', type: v.type, severity: severityOf('meaning-changed', v.ctx.correctedKind), message: `${change(v)}: left untranslated (in the source)` };
    }
    // Without a source: every foreign word is lower-case, in non-English letters, and not a misspelling of
    // a word of the correction.
    const cor = v.corWords;
    const looksForeign = (w: string) =>
      /^\p{Ll}/u.test(w) && NON_ENGLISH_LETTER.test(w) && !cor.some((c) => charSimilarity(w, c) > 0.6);
    if (!foreign.every(looksForeign)) return undefined;
    return { category: 'accuracy/untranslated', type: v.type, severity: severityOf('meaning-changed', v.ctx.correctedKind), message: `${change(v)}: left untranslated` };
  },
};
