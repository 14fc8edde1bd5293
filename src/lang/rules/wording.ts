// What a pack without an English-style analyser can say about a changed word: words the post-editor added were
// missing (omission), words removed were extra (addition), words replaced were mistranslated. Its effect is
// 'unjudged' (severity.ts): without a tagger or a wordnet nothing shows whether the meaning changed, so minor
// whatever the corrected text is.
import { change } from '../../classify/describe.js';
import { severityOf } from '../../classify/severity.js';
import type { Rule } from '../../classify/types.js';

export const packWordingRule: Rule = {
  id: 'lang/wording',
  describe: 'words inserted (accuracy/omission), deleted (accuracy/addition) or replaced (accuracy/mistranslation) by the post-editor, minor — the language has no finer rules',
  applies: (v) => v.mtWords.some((w) => /[\p{L}\p{N}]/u.test(w)) || v.corWords.some((w) => /[\p{L}\p{N}]/u.test(w)),
  classify(v) {
    const category = v.prefix === 'M' ? 'accuracy/omission' : v.prefix === 'U' ? 'accuracy/addition' : 'accuracy/mistranslation';
    return { category, type: v.type, severity: severityOf('unjudged', v.ctx.correctedKind), message: `${change(v)}: ${v.prefix === 'M' ? 'missing in the MT' : v.prefix === 'U' ? 'not in the correction' : 'reworded'} (${v.lang.code}: no finer rule)` };
  },
};
