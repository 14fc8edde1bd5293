// Content words replaced by words of another lemma: the MT said something else. A partial overlap with the
// correction marks a calque (a literal rendering of the source phrase); a known faux ami is named.
import { change, quote } from '../../describe.js';
import { roughStem } from '../../similarity.js';
import type { Rule } from '../../types.js';
import { FALSE_FRIENDS } from '../lexicon.js';
import { isContent } from './content.js';

export const mistranslationRule: Rule = {
  id: 'en/mistranslation',
  describe: 'content words replaced by another lemma → accuracy/mistranslation, major (message notes calques and false friends); a modal changed → accuracy/mistranslation, minor; other function-word rewrites → fluency/grammar, minor',
  classify(v) {
    if (v.prefix !== 'R') return undefined;
    const o = v.mtInfo;
    const c = v.corInfo;
    if (!o.some(isContent) && !c.some(isContent)) {
      // A different modal changes what is asserted (possibility, obligation): accuracy, though minor.
      const modal = (ts: typeof o) => ts.filter((t) => t.tag === 'MD').map((t) => t.lower).join(' ');
      if (modal(o) !== modal(c))
        return { category: 'accuracy/mistranslation', type: v.type, severity: 'minor', message: `${change(v)}: modality changed` };
      return { category: 'fluency/grammar', type: v.type, severity: 'minor', message: `${change(v)}: function words` };
    }
    const stems = new Set(o.filter(isContent).flatMap((t) => [t.lemma, roughStem(t.lower)]));
    const shared = c.filter(isContent).some((t) => stems.has(t.lemma) || t.lower.split('-').some((p) => stems.has(roughStem(p))));
    const friend = o.map((t) => t.lower).find((w) => {
      const meant = FALSE_FRIENDS.get(w);
      return meant !== undefined && v.corPhrase.toLowerCase().includes(meant);
    });
    const note = friend ? `false friend ${quote(friend)}` : shared ? 'calque (literal rendering)' : 'different meaning';
    return { category: 'accuracy/mistranslation', type: v.type, severity: 'major', message: `${change(v)}: ${note}` };
  },
};
