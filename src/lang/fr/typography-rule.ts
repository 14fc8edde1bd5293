// French typography in a French target: the mirror of the English-target rule. A (narrow) no-break space before
// : ; ! ? and inside « », and « » quotation marks are correct in French; their absence is the finding.
import { change } from '../../classify/describe.js';
import { compact } from '../../classify/text-util.js';
import type { Rule } from '../../classify/types.js';

const SPACE_BEFORE = /[\s\u00a0\u202f]([:;!?»])/u;

export const frenchTargetTypographyRule: Rule = {
  id: 'fr/typography',
  describe: 'French target: the correction adds the space before : ; ! ? or inside « », or « » for other quotation marks → locale-convention/typography, minor',
  classify(v) {
    const mt = v.edit.mt.text;
    const cor = v.edit.corrected.text;
    const base = { category: 'locale-convention/typography' as const, severity: 'minor' as const };
    if (compact(mt) === compact(cor)) {
      const sp = SPACE_BEFORE.exec(cor);
      if (sp && !SPACE_BEFORE.test(mt)) return { ...base, type: 'R:ORTH', message: `${change(v)}: French requires a (narrow) no-break space before "${sp[1]}"` };
      return undefined;
    }
    const strip = (s: string) => compact(s).replace(/[«»“”"]/g, '');
    if (/[«»]/.test(cor) && !/[«»]/.test(mt) && strip(mt) === strip(cor)) return { ...base, type: 'R:PUNCT', message: `${change(v)}: French quotation marks « »` };
    return undefined;
  },
};
