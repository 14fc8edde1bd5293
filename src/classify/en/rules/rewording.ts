// Rewordings that bring in no new content: every content word of the correction is already in the MT segment
// (same lemma or stem) — the MT said it, awkwardly ("staff provision" → "staffing"). Style, minor.
import { change } from '../../describe.js';
import { roughStem } from '../../similarity.js';
import type { TokenInfo } from '../../types.js';
import type { Rule } from '../../types.js';
import { isContent } from './content.js';

const keys = (t: TokenInfo) => [t.lemma, roughStem(t.lower)];
/** A hyphenated compound counts as old content only when each of its parts does ("three-way" needs "way"). */
const parts = (t: TokenInfo) => (t.lower.includes('-') ? t.lower.split('-').filter((p) => p.length > 0).map((p) => [p, roughStem(p)]) : [keys(t)]);

/** Lemmas and stems of a segment's content words, computed once per segment analysis. */
const keyCache = new WeakMap<readonly TokenInfo[], Set<string>>();
function contentKeys(seg: readonly TokenInfo[]): Set<string> {
  let set = keyCache.get(seg);
  if (!set) {
    set = new Set(seg.filter(isContent).flatMap((t) => [...keys(t), ...t.lower.split('-')]));
    keyCache.set(seg, set);
  }
  return set;
}

export const rewordingRule: Rule = {
  id: 'en/rewording',
  describe: 'a rewording whose content words all come from the MT segment (calque, awkward phrasing) → style/awkward, minor',
  classify(v) {
    if (v.prefix !== 'R') return undefined;
    const added = v.corInfo.filter(isContent);
    if (added.length === 0) return undefined;
    const available = contentKeys(v.mt.segInfo);
    if (!added.every((t) => parts(t).every((ks) => ks.some((k) => available.has(k))))) return undefined;
    return { category: 'style/awkward', type: v.type, severity: 'minor', message: `${change(v)}: awkward wording (same content)` };
  },
};
