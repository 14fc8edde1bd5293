// Terminology from the reviewer's glossary: the MT uses a forbidden variant where the edit is, or the
// correction brings in the glossary term that the MT segment lacks.
import { quote, change } from '../describe.js';
import type { GlossaryEntry } from '../../model.js';
import type { Rule } from '../types.js';
import { severityOf } from '../severity.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Case-insensitive occurrences of `phrase` in text[from, to) at word boundaries (any whitespace between words). */
const patterns = new Map<string, RegExp>();
function patternOf(phrase: string): RegExp {
  let re = patterns.get(phrase);
  if (!re) {
    const pattern = phrase.trim().split(/\s+/).map(escape).join('\\s+');
    // A plural ending on the last word still matches ("security guarantee" finds "security guarantees").
    re = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu');
    if (patterns.size > 10_000) patterns.clear();
    patterns.set(phrase, re);
  }
  return re;
}

function occurrences(text: string, from: number, to: number, phrase: string): Array<[number, number]> {
  const re = patternOf(phrase);
  const out: Array<[number, number]> = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(re)) out.push([from + m.index, from + m.index + m[0].length]);
  return out;
}

/** Does [s, e) touch the edit span [a, b)? An empty edit span (an insertion point) touches a phrase that
 *  contains or borders it. */
const touches = ([s, e]: [number, number], a: number, b: number) => (a === b ? s <= a && a <= e : s < b && a < e);

export const glossaryRule: Rule = {
  id: 'glossary',
  describe: 'the MT has a forbidden glossary variant at the edit, or the correction brings in a glossary term → terminology/wrong-term, major',
  applies: (v) => (v.ctx.glossary?.length ?? 0) > 0 && v.pair !== undefined,
  classify(v) {
    const pair = v.pair!;
    const { mt, corrected } = v.ctx;
    const e = v.edit;
    for (const entry of v.ctx.glossary as GlossaryEntry[]) {
      const termInCor = occurrences(corrected, pair.corrected.start, pair.corrected.end, entry.term).some((o) =>
        touches(o, e.corrected.start, e.corrected.end),
      );
      const variant = entry.forbidden.find((f) =>
        occurrences(mt, pair.mt.start, pair.mt.end, f).some((o) => touches(o, e.mt.start, e.mt.end)),
      );
      if (variant !== undefined) {
        return {
          category: 'terminology/wrong-term',
          type: v.type,
          severity: severityOf('meaning-changed', v.ctx.correctedKind),
          message: `${change(v)}: glossary requires ${quote(entry.term)}, not ${quote(variant)}`,
        };
      }
      if (termInCor && occurrences(mt, pair.mt.start, pair.mt.end, entry.term).length === 0) {
        return {
          category: 'terminology/wrong-term',
          type: v.type,
          severity: severityOf('meaning-changed', v.ctx.correctedKind),
          message: `${change(v)}: glossary term ${quote(entry.term)} missing from the MT`,
        };
      }
    }
    return undefined;
  },
};
