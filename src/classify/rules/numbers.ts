// Numbers and dates. A changed value (digits or number words) is a mistranslation; the same values written
// differently ("1,500" → "1 500", "three" → "3") are a locale convention; a date with the same day, month and
// year in another order is a date convention.
import { change } from '../describe.js';
import { isPunctToken } from '../text-util.js';
import type { EditView } from '../edit-view.js';
import { packFor } from '../../lang/index.js';
import { severityOf } from '../severity.js';
import type { Rule } from '../types.js';

const NUMBER = /\d{1,3}(?:[ \u00a0\u202f,.’']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/g;

/** Parses a written number: groups of three after a separator are thousands; a final 1–2 digit group or a
 *  4+ digit group after "." or "," is a decimal part. "1,500" = "1 500" = "1.500" = 1500; "3,5" = 3.5. */
export function parseNumber(s: string): number {
  const m = /^(.*?)(?:[.,](\d{1,2}|\d{4,}))?$/.exec(s)!;
  const intPart = (m[1] ?? s).replace(/[^\d]/g, '');
  const frac = m[2];
  return Number(intPart + (frac ? `.${frac}` : ''));
}

interface Extracted {
  values: number[];
  /** The words that are not numbers, for "is only the format different?" */
  rest: string[];
  months: number[];
}

/** `tags[i]` is the tagger's UD tag of word i, `next[i]` that of the token after it in the segment. */
function extract(text: string, words: string[], tags: readonly string[], next: readonly string[], v: EditView): Extracted {
  const values = (text.match(NUMBER) ?? []).map(parseNumber);
  const rest: string[] = [];
  const months: number[] = [];
  words.forEach((w, i) => {
    if (/\d/.test(w) || isPunctToken(w)) return;
    const lower = w.toLowerCase();
    const parts = lower.split('-');
    // A lone number word counts only where the tagger reads a numeral ("one" is often a pronoun); in a
    // hyphenated compound ("three-way") the part is a number anyway.
    // "one" counts only before a nominal ("one soldier"); elsewhere it is a pronoun ("one must", "one another").
    const numeric = parts.length > 1 || (tags[i] === 'NUM' && (lower !== 'one' || /^(NOUN|PROPN|ADJ|NUM)$/.test(next[i] ?? '')));
    const numberParts = parts.map((p) => (numeric ? v.lang.numberWords.get(p) : undefined));
    if (numberParts.some((n) => n !== undefined)) {
      for (const n of numberParts) if (n !== undefined) values.push(n);
      if (numberParts.every((n) => n !== undefined)) return;
    }
    const month = v.lang.months.get(lower.replace(/\.$/, ''));
    if (month !== undefined) months.push(month);
    rest.push(lower);
  });
  return { values, rest, months };
}

/** The values of the numbers in the source text (in the source language's notation), when a source is given. */
const sourceCache = new WeakMap<object, Set<number> | undefined>();
function sourceNumbers(v: EditView): Set<number> | undefined {
  const ctx = v.ctx;
  if (ctx.source === undefined) return undefined;
  if (!sourceCache.has(ctx)) sourceCache.set(ctx, new Set(packFor(ctx.sourceLang).numbers(ctx.source).map((n) => n.value).filter((n) => !Number.isNaN(n))));
  return sourceCache.get(ctx);
}

const sortedKey = (ns: number[]) => [...ns].sort((x, y) => x - y).join(' ');

export const numbersRule: Rule = {
  id: 'numbers',
  describe: 'digits or number words changed (and not just moved within the segment) → accuracy/mistranslation, major — unless the MT\'s numbers are the source\'s and the correction\'s are not (→ locale-convention/number, minor after a post-editor, neutral against a reference); same values in another format → locale-convention/number (dates: /date), minor',
  classify(v) {
    const mtText = v.mtWords.join(' ');
    const corText = v.corWords.join(' ');
    const hasNumber = (ws: string[]) => ws.some((w) => /\d/.test(w) || w.split('-').some((p) => v.lang.numberWords.has(p.toLowerCase())));
    if (!hasNumber(v.mtWords) && !hasNumber(v.corWords)) return undefined; // no need to tag
    const tags = (side: EditView['mt'], [from, to]: [number, number]) => {
      const seg = side.segInfo;
      return { tags: seg.slice(from, to).map((t) => t.upos), next: seg.slice(from + 1, to + 1).map((t) => t.upos) };
    };
    const ta = tags(v.mt, v.core.mt);
    const tb = tags(v.cor, v.core.cor);
    const a = extract(mtText, v.mtWords, ta.tags, ta.next, v);
    const b = extract(corText, v.corWords, tb.tags, tb.next, v);
    if (a.values.length === 0 && b.values.length === 0) return undefined;
    if (sortedKey(a.values) !== sortedKey(b.values)) {
      // The segment as a whole keeps its numbers: this edit only moves one ("in 1999" deleted here, inserted
      // there), which the word-order and later rules describe.
      const whole = (side: EditView['mt']) => {
        const t = tags(side, [0, side.segTokens.length]);
        const words = side.segTokens.map((x) => x.text);
        return sortedKey(extract(words.join(' '), words, t.tags, t.next, v).values);
      };
      if (whole(v.mt) === whole(v.cor)) return undefined;
      // Source-aware: every number of the MT here is one the source has (as its own language writes it: 10万 =
      // 100000), and the correction's new value is not — the MT kept the source's number; the correction reads
      // it otherwise (a reference's own error or rendering). Same meaning as the source: no error of the MT
      // against a reference, a doubtful change after a post-editor.
      const inSource = sourceNumbers(v);
      if (inSource && a.values.length > 0 && a.values.every((n) => inSource.has(n)) && b.values.some((n) => !inSource.has(n)))
        return {
          category: 'locale-convention/number',
          type: v.type,
          severity: severityOf('same-meaning', v.ctx.correctedKind),
          message: `${change(v)}: the MT keeps the source's number, the correction has another`,
        };
      return {
        category: 'accuracy/mistranslation',
        type: v.type,
        severity: severityOf('meaning-changed', v.ctx.correctedKind),
        message: `${change(v)}: number changed`,
      };
    }
    const sameMonths = sortedKey(a.months) === sortedKey(b.months);
    if (a.months.length > 0 && sameMonths && [...a.rest].sort().join(' ') === [...b.rest].sort().join(' '))
      return { category: 'locale-convention/date', type: v.type, severity: severityOf('surface', v.ctx.correctedKind), message: `${change(v)}: date format` };
    if (a.rest.join(' ') === b.rest.join(' '))
      return { category: 'locale-convention/number', type: v.type, severity: severityOf('surface', v.ctx.correctedKind), message: `${change(v)}: number format` };
    return undefined; // same numbers, other words changed: a later rule decides
  },
};
