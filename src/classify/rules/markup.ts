// Inline tags and placeholders of localisation files: changing, losing or adding one breaks the product.
// Tokenisers cut "<b>" into pieces, so the tags are found in the segment and kept when they overlap the edit.
import { change } from '../describe.js';
import type { Range } from '../../model.js';
import type { Rule } from '../types.js';
import { severityOf } from '../severity.js';

const MARKUP = /<\/?[A-Za-z][^<>]*>|\{\{?[\w.$-]*\}?\}|%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[sdifuxXeEgGcp@]|\$\{[^}]*\}|&[a-z]+;/g;

/** Tags in text[seg] that overlap [start, end) (or contain an insertion point), sorted, as one key. */
function tagsAt(text: string, seg: Range | undefined, start: number, end: number): string {
  const from = seg?.start ?? start;
  const to = seg?.end ?? end;
  const found: string[] = [];
  for (const m of text.slice(from, to).matchAll(MARKUP)) {
    const s = from + m.index;
    const e = s + m[0].length;
    if (start === end ? s < start && start < e : s < end && start < e) found.push(m[0]);
  }
  return found.sort().join('\u0000');
}

export const markupRule: Rule = {
  id: 'markup',
  describe: 'an inline tag or placeholder ({0}, %s, <b>) changed, lost or added → design-markup/tag, major',
  classify(v) {
    const e = v.edit;
    const a = tagsAt(v.ctx.mt, v.pair?.mt, e.mt.start, e.mt.end);
    const b = tagsAt(v.ctx.corrected, v.pair?.corrected, e.corrected.start, e.corrected.end);
    if (a === b) return undefined;
    return {
      category: 'design-markup/tag',
      type: `${v.prefix}:OTHER`,
      severity: severityOf('meaning-changed', v.ctx.correctedKind),
      message: `${change(v)}: inline tag or placeholder changed`,
    };
  },
};
