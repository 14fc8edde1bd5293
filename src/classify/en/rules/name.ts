// Names: a misspelt name ("Volodyr" → "Volodymyr") is a locale-convention/name error; another name, or a name
// where the MT had a common word or a run-together token ("theTake" → "NATO"), is a mistranslation. Both major.
import { change, quote } from '../../describe.js';
import { charSimilarity } from '../../similarity.js';
import type { Rule } from '../../types.js';
import { splitRunTogether, isEnglishWord } from '../spell.js';
import { isName } from './content.js';
import { severityOf } from '../../severity.js';

export const nameRule: Rule = {
  id: 'en/name',
  describe: 'a name misspelt (similar capitalised non-word → locale-convention/name R:SPELL) or replaced (→ accuracy/mistranslation), major',
  classify(v) {
    const o = v.mtInfo;
    const c = v.corInfo;
    if (o.length === 0 || c.length === 0 || o.length !== c.length || o.length > 3) return undefined;
    if (v.type.endsWith(':POSS')) return undefined; // "Monday" → "Monday’s" is grammar
    const corNames = c.filter((t) => isName(t, isEnglishWord));
    if (corNames.length === 0) return undefined;
    // Misspelt name: the MT token is a capitalised non-word close to the corrected name.
    for (let i = 0; i < o.length; i++) {
      const a = o[i]!;
      const b = c[i]!;
      if (a.lower === b.lower) continue;
      // "Baltics" → "Baltic", "Canadas" → "Canada's": number or possessive, not spelling.
      if (a.lower.replace(/['’]?s$/, '') === b.lower.replace(/['’]?s$/, '')) return undefined;
      const misspelt =
        /^\p{Lu}/u.test(a.text) && !isEnglishWord(a.text) && isName(b, isEnglishWord) && charSimilarity(a.text, b.text) >= 0.6;
      if (misspelt)
        return { category: 'locale-convention/name', type: 'R:SPELL', severity: severityOf('meaning-changed', v.ctx.correctedKind), message: `${change(v)}: misspelt name` };
    }
    if (o.length !== 1) return undefined;
    const a = o[0]!;
    const b = c[0]!;
    if (!isName(b, isEnglishWord)) return undefined;
    const split = splitRunTogether(a.text);
    if (split) {
      return {
        category: 'accuracy/mistranslation',
        type: v.type,
        severity: severityOf('meaning-changed', v.ctx.correctedKind),
        message: `${change(v)}: the MT ran ${quote(split[0])} + ${quote(split[1])} together where the name ${quote(b.text)} was meant`,
      };
    }
    if (isName(a, isEnglishWord) || !isEnglishWord(a.text))
      return { category: 'accuracy/mistranslation', type: v.type, severity: severityOf('meaning-changed', v.ctx.correctedKind), message: `${change(v)}: wrong name` };
    return undefined;
  },
};
