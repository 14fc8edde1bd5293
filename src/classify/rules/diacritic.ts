// Only diacritics added, removed or changed ("debut" → "début", "naive" → "naïve", "Zurich" → "Zürich"): the same
// word spelt with or without its accents, never another meaning. Unicode decomposition (NFD) separates the marks.
import { change } from '../describe.js';
import { severityOf } from '../severity.js';
import type { Rule } from '../types.js';

const bare = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

export const diacriticRule: Rule = {
  id: 'diacritic',
  describe: 'only diacritics differ (debut → début) → fluency/spelling R:SPELL, minor',
  classify(v) {
    const mt = v.edit.mt.text.trim();
    const cor = v.edit.corrected.text.trim();
    if (mt === cor || mt.normalize('NFC') === cor.normalize('NFC') || bare(mt).toLowerCase() !== bare(cor).toLowerCase()) return undefined;
    return { category: 'fluency/spelling', type: 'R:SPELL', severity: severityOf('surface', v.ctx.correctedKind), message: `${change(v)}: diacritic` };
  },
};
