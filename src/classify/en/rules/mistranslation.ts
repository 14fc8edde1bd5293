// Content words replaced: WordNet decides whether the MT said something else. The same word in another form or
// a close WordNet relation (synonym, derivation, similar-to, near hypernym/hyponym) is word choice — style,
// minor after a post-editor, neutral against a reference; sister terms ("report" ~ "readout") are a near
// meaning, minor; unrelated words are a mistranslation, major. A known faux ami is a mistranslation whatever
// WordNet says ("routes" and "itineraries" share a synset, but the French "itinéraires" meant a schedule).
import { change, quote } from '../../describe.js';
import { severityOf } from '../../severity.js';
import type { Rule } from '../../types.js';
import { FALSE_FRIENDS } from '../lexicon.js';
import { isContent } from './content.js';
import { closeness } from './meaning.js';

export const mistranslationRule: Rule = {
  id: 'en/mistranslation',
  describe: 'content words replaced: a WordNet synonym, derivation, similar-to or near hypernym/hyponym → style/awkward (word choice), minor (neutral against a reference); sister terms → accuracy/mistranslation, minor; unrelated (or a false friend) → accuracy/mistranslation, major; a modal changed → accuracy/mistranslation, minor; other function-word rewrites → fluency/grammar, minor',
  classify(v) {
    if (v.prefix !== 'R') return undefined;
    const o = v.mtInfo;
    const c = v.corInfo;
    const kind = v.ctx.correctedKind;
    if (!o.some(isContent) && !c.some(isContent)) {
      // A different modal changes what is asserted (possibility, obligation): accuracy, though minor.
      const modal = (ts: typeof o) => ts.filter((t) => t.tag === 'MD').map((t) => t.lower).join(' ');
      if (modal(o) !== modal(c))
        return { category: 'accuracy/mistranslation', type: v.type, severity: severityOf('structure', kind), message: `${change(v)}: modality changed` };
      return { category: 'fluency/grammar', type: v.type, severity: severityOf('structure', kind), message: `${change(v)}: function words` };
    }
    const friend = o.map((t) => t.lower).find((w) => {
      const meant = FALSE_FRIENDS.get(w);
      return meant !== undefined && v.corPhrase.toLowerCase().includes(meant);
    });
    if (friend)
      return { category: 'accuracy/mistranslation', type: v.type, severity: severityOf('meaning-changed', kind), message: `${change(v)}: false friend ${quote(friend)}` };
    const near = closeness(o, c);
    switch (near.closeness) {
      case 'same-word':
        return { category: 'style/awkward', type: v.type, severity: severityOf('same-meaning', kind), message: `${change(v)}: calque (literal rendering, same words)` };
      case 'same-meaning': {
        // A rewritten phrase (several words a side) is awkward wording; one word for another is word choice.
        const what = o.length > 1 && c.length > 1 ? 'phrase reworded, same meaning' : 'word choice';
        return { category: 'style/awkward', type: v.type, severity: severityOf('same-meaning', kind), message: `${change(v)}: ${what} (WordNet ${near.relation})` };
      }
      case 'near':
        return { category: 'accuracy/mistranslation', type: v.type, severity: severityOf('structure', kind), message: `${change(v)}: near meaning (WordNet sister terms)` };
      case 'opposite': {
        // An opposite noun is another entity (man ↔ woman, war ↔ peace): changed, not reversed, meaning.
        const nouns = [...o, ...c].filter(isContent).every((t) => t.pos === 'NOUN');
        return { category: 'accuracy/mistranslation', type: v.type, severity: severityOf(nouns ? 'meaning-changed' : 'misleading', kind), message: `${change(v)}: ${nouns ? 'different meaning' : 'opposite meaning'} (WordNet antonyms)` };
      }
      default: {
        // Some of the MT's content words kept, others rendered word for word: a calque.
        const shared = near.kept > 0;
        return { category: 'accuracy/mistranslation', type: v.type, severity: severityOf('meaning-changed', kind), message: `${change(v)}: ${shared ? 'calque (literal rendering)' : 'different meaning'}` };
      }
    }
  },
};
