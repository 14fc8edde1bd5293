// Inline tags and placeholders of localisation files: changing, losing or adding one breaks the product.
import { change } from '../describe.js';
import type { Rule } from '../types.js';

const MARKUP = /<\/?[A-Za-z][^<>]*>|\{\{?[\w.$-]*\}?\}|%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[sdifuxXeEgGcp@]|\$\{[^}]*\}|&[a-z]+;/g;

const markupOf = (s: string) => (s.match(MARKUP) ?? []).sort().join('\u0000');

export const markupRule: Rule = {
  id: 'markup',
  describe: 'an inline tag or placeholder ({0}, %s, <b>) changed, lost or added → design-markup/tag, major',
  classify(v) {
    const a = markupOf(v.edit.mt.text);
    const b = markupOf(v.edit.corrected.text);
    if (a === b) return undefined;
    return {
      category: 'design-markup/tag',
      type: `${v.prefix}:OTHER`,
      severity: 'major',
      message: `${change(v)}: inline tag or placeholder changed`,
    };
  },
};
