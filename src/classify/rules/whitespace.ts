// Whitespace-only changes inside a segment: line breaks in mid-sentence, spaces before punctuation, missing or
// doubled spaces. A line that holds only punctuation, joined back to its sentence, is the MT's broken layout.
import { change } from '../describe.js';
import { compact } from '../text-util.js';
import type { Rule } from '../types.js';
import { severityOf } from '../severity.js';

export const whitespaceRule: Rule = {
  id: 'whitespace',
  describe: 'only whitespace changed (line break inside a sentence, space before punctuation, missing space) → fluency/typography R:ORTH, minor',
  classify(v) {
    const mt = v.edit.mt.text;
    const cor = v.edit.corrected.text;
    if (mt === cor || compact(mt) !== compact(cor)) return undefined;
    const base = { category: 'fluency/typography' as const, type: 'R:ORTH', severity: severityOf('surface', v.ctx.correctedKind) };
    const breaks = (s: string) => (s.match(/\n/g) ?? []).length;
    if (breaks(mt) > breaks(cor)) {
      const punctLine = /\n[^\S\n]*([\p{P}]+)[^\S\n]*(\n|$)/u.exec(mt) ?? /\n[^\S\n]*([\p{P}]+)(?=\s|$)/u.exec(mt);
      if (punctLine && !/\n/.test(cor.slice(0, cor.indexOf(punctLine[1]!))))
        return { ...base, message: `${change(v)}: stray line break before "${punctLine[1]}" (punctuation joined back)` };
      return { ...base, message: `${change(v)}: line break inside a sentence` };
    }
    if (breaks(cor) > breaks(mt)) return { ...base, message: `${change(v)}: missing line break` };
    if (/\s[\p{P}]/u.test(mt) && !/\s[\p{P}]/u.test(cor)) return { ...base, message: `${change(v)}: space before punctuation` };
    return { ...base, message: `${change(v)}: spacing` };
  },
};
