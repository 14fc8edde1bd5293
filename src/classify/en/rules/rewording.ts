// Rewordings that bring in no new content: every content word of the correction is already in the MT phrase
// or right next to it (same lemma or stem) — the MT said it, awkwardly ("staff provision" → "staffing").
// Style, minor. Words from farther away are displacements (word order) or new content (mistranslation).
import { change } from '../../describe.js';
import { roughStem } from '../../similarity.js';
import type { TokenInfo } from '../../types.js';
import type { Rule } from '../../types.js';
import { severityOf } from '../../severity.js';
import { isContent } from './content.js';

const keys = (t: TokenInfo) => [t.lemma, roughStem(t.lower)];
/** A hyphenated compound counts as old content only when each of its parts does ("three-way" needs "way"). */
const parts = (t: TokenInfo) => (t.lower.includes('-') ? t.lower.split('-').filter((p) => p.length > 0).map((p) => [p, roughStem(p)]) : [keys(t)]);

/** How far around the edit the MT's own words still count as "the same content". */
export const NEIGHBOURHOOD = 3;

function contentKeys(seg: readonly TokenInfo[]): Set<string> {
  return new Set(seg.filter(isContent).flatMap((t) => [...keys(t), ...t.lower.split('-')]));
}

export const rewordingRule: Rule = {
  id: 'en/rewording',
  describe: 'a rewording whose content words all come from the MT phrase or its 3 neighbours on each side (calque, awkward phrasing) → style/awkward, minor (neutral against a reference)',
  classify(v) {
    if (v.prefix !== 'R') return undefined;
    const added = v.corInfo.filter(isContent);
    if (added.length === 0) return undefined;
    const [from, to] = v.core.mt;
    const available = contentKeys(v.mt.segInfo.slice(Math.max(0, from - NEIGHBOURHOOD), to + NEIGHBOURHOOD));
    if (!added.every((t) => parts(t).every((ks) => ks.some((k) => available.has(k))))) return undefined;
    return { category: 'style/awkward', type: v.type, severity: severityOf('same-meaning', v.ctx.correctedKind), message: `${change(v)}: awkward wording (same content)` };
  },
};
