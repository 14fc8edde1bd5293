// French typographic conventions left in English text: a space before : ; ! ? (or inside « »), guillemets,
// and French abbreviations of titles (MM. for Messrs., M. for Mr., Mme for Mrs.).
import { change, quote } from '../describe.js';
import { compact } from '../text-util.js';
import { severityOf } from '../severity.js';
import type { Rule } from '../types.js';

const SPACE_BEFORE = /[\s\u00a0\u202f]+([:;!?»%])/u;
const SPACE_AFTER_GUILLEMET = /«[\s\u00a0\u202f]+/u;
/** French titles and their English renderings, the usual one first (the reference-free check proposes it). */
export const FRENCH_TITLES: Record<string, string[]> = {
  'MM.': ['Messrs.', 'Messrs', 'Mr.', 'Mr'],
  'M.': ['Mr.', 'Mr'],
  'Mme': ['Mrs.', 'Mrs', 'Ms.', 'Ms'],
  'Mme.': ['Mrs.', 'Mrs', 'Ms.', 'Ms'],
  'Mmes': ['Mmes.', 'Mses.', 'Mses'],
  'Mlle': ['Miss', 'Ms.', 'Ms'],
  'Mlle.': ['Miss', 'Ms.', 'Ms'],
  'Dr': ['Dr.'],
  'n°': ['No.', 'no.', 'number'],
};

/** Words joined with spaces, a separate final period glued back ("MM ." → "MM."). */
const joinWords = (ws: string[]) => ws.join(' ').replace(/ \./g, '.');

export const frenchTypographyRule: Rule = {
  id: 'french-typography',
  describe: 'French typography in the MT: space before : ; ! ? %, « » guillemets, MM./M./Mme titles → locale-convention/typography, minor',
  classify(v) {
    const mt = v.edit.mt.text;
    const cor = v.edit.corrected.text;
    const base = { category: 'locale-convention/typography' as const, severity: severityOf('surface', v.ctx.correctedKind) };
    if (compact(mt) === compact(cor)) {
      const sp = SPACE_BEFORE.exec(mt);
      if (sp && !SPACE_BEFORE.test(cor))
        return { ...base, type: 'R:ORTH', message: `${change(v)}: French space before "${sp[1]}"` };
      if (SPACE_AFTER_GUILLEMET.test(mt) && !SPACE_AFTER_GUILLEMET.test(cor))
        return { ...base, type: 'R:ORTH', message: `${change(v)}: French space inside « »` };
      return undefined;
    }
    if (/[«»]/.test(mt) && !/[«»]/.test(cor) && compact(mt).replace(/[«»“”"]/g, '') === compact(cor).replace(/[«»“”"]/g, ''))
      return { ...base, type: 'R:PUNCT', message: `${change(v)}: French guillemets « »` };
    const mtJ = joinWords(v.mtWords);
    const corJ = joinWords(v.corWords);
    for (const [fr, english] of Object.entries(FRENCH_TITLES)) {
      if (mtJ !== fr && !mtJ.startsWith(`${fr} `)) continue;
      const rest = mtJ.slice(fr.length);
      const en = english.find((e) => corJ === e + rest);
      if (en) return { ...base, type: 'R:OTHER', message: `${quote(fr)} → ${quote(en)}: French abbreviation of a title` };
    }
    return undefined;
  },
};
