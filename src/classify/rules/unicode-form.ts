// The same text in another Unicode form: a decomposed accent (e + U+0301) against a composed one (é), or an
// invisible character (zero-width space, soft hyphen, BOM) added or removed. A reader sees no difference, so this
// is typography, never a change of meaning.
import { change } from '../describe.js';
import type { Rule } from '../types.js';
import { severityOf } from '../severity.js';

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
const canonical = (s: string) => s.normalize('NFC').replace(INVISIBLE, '');

export const unicodeFormRule: Rule = {
  id: 'unicode-form',
  describe: 'same text in another Unicode form (composed/decomposed accents, invisible characters) → fluency/typography R:ORTH, minor',
  classify(v) {
    const mt = v.edit.mt.text;
    const cor = v.edit.corrected.text;
    if (mt === cor || canonical(mt) !== canonical(cor)) return undefined;
    return {
      category: 'fluency/typography',
      type: 'R:ORTH',
      severity: severityOf('surface', v.ctx.correctedKind),
      message: `${change(v)}: same text in another Unicode form (accents composed differently or invisible characters)`,
    };
  },
};
