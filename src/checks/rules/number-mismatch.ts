import type { CheckRule, CheckHit } from '../types.js';
import { sourceUnits } from './source-pairs.js';

/** A number as written, with its value normalised across locales ("2 000", "2.000", "2,000" → 2000; "2,5" → 2.5). */
export interface NumberToken {
  start: number;
  end: number;
  text: string;
  value: string;
}

export function numbers(text: string): NumberToken[] {
  // Thousands groups: comma, period, spaces ("3 000" is one number, also in tokenised text).
  // A numeric date ("16.05.2017", "3/4/2020") is one number; its value keeps the parts.
  const re = /(?<![\p{L}\p{N}.,])(?:\d{1,2}([./-])\d{1,2}\1\d{2,4}(?![\d.,]\d)|(?:\d{1,3}(?:[.,\u00a0\u202f ]\d{3}(?!\d))+|\d+)(?:[.,]\d+)?)/gu;
  return [...text.matchAll(re)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    value: m[1] ? m[0].split(/[./-]/).map((p) => p.replace(/^0+(?=\d)/, '')).join('.') : normalise(m[0]),
  }));
}

function normalise(raw: string): string {
  let s = raw.replace(/[\u00a0\u202f ]/gu, '');
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (lastSep !== -1) {
    const seps = s.match(/[.,]/g)!;
    const mixed = new Set(seps).size > 1;
    const decimals = s.length - lastSep - 1;
    // "1,000" / "1.000.000" are grouped thousands; "2,5", "3.14" and "1,000.5" end in a decimal part.
    const isDecimal = mixed || decimals !== 3 || (seps.length === 1 && /^0[.,]/.test(s));
    const intPart = (isDecimal ? s.slice(0, lastSep) : s).replace(/[.,]/g, '');
    s = isDecimal ? `${intPart}.${s.slice(lastSep + 1)}` : intPart;
  }
  return s.replace(/^0+(?=\d)/, '');
}

/** Numbers that differ from the source (needs --source): a number the source lacks, or one it has that the MT lacks. */
export const numberMismatch: CheckRule = {
  id: 'check/number-mismatch',
  category: 'accuracy/mistranslation',
  type: 'R:OTHER',
  severity: 'major',
  description: 'A number that differs from the source (with --source)',
  run(ctx) {
    if (ctx.source === undefined) return [];
    const hits: CheckHit[] = [];
    for (const unit of sourceUnits(ctx.text, ctx.source)) {
      const mtNums = numbers(ctx.text.slice(unit.mt.start, unit.mt.end)).map((n) => ({
        ...n,
        start: n.start + unit.mt.start,
        end: n.end + unit.mt.start,
      }));
      const srcNums = numbers(unit.source);
      // Source numbers by value, in order, so that matching stays linear on long documents.
      const byValue = new Map<string, NumberToken[]>();
      for (const n of srcNums) byValue.set(n.value, [...(byValue.get(n.value) ?? []), n]);
      const roman = new Set(romanNumerals(unit.source));
      const extra: typeof mtNums = [];
      const take = (value: string) => {
        const list = byValue.get(value);
        if (!list?.length) return false;
        list.shift();
        return true;
      };
      for (const n of mtNums) {
        // "1990" in English for "'90" / "anii 90": a decade or year written short in the source.
        const short = /^(?:1[5-9]|20)\d{2}$/.test(n.value) ? n.value.slice(2) : undefined;
        if (take(n.value) || (short !== undefined && take(short)) || roman.has(n.value)) continue;
        extra.push(n);
      }
      const unmatchedSrc = [...byValue.values()].flat().sort((a, b) => a.start - b.start);
      // A number the translation spells out ("one", "third") is not missing.
      const spelled = spelledNumbers(ctx.text.slice(unit.mt.start, unit.mt.end));
      for (let i = unmatchedSrc.length - 1; i >= 0; i--) {
        const k = spelled.indexOf(unmatchedSrc[i]!.value);
        if (k !== -1) {
          spelled.splice(k, 1);
          unmatchedSrc.splice(i, 1);
        }
      }
      // One wrong number for one missing number: propose the source's.
      const pair = extra.length === 1 && unmatchedSrc.length === 1;
      for (const n of extra) {
        if (ctx.allow.has(n.text)) continue;
        hits.push({
          start: n.start,
          end: n.end,
          suggestion: pair ? unmatchedSrc[0]!.text : undefined,
          message: pair ? `"${n.text}" where the source has "${unmatchedSrc[0]!.text}"` : `"${n.text}" is not in the source`,
        });
      }
      if (!pair) {
        for (const s of unmatchedSrc) {
          hits.push({
            start: unit.mt.end,
            end: unit.mt.end,
            category: 'accuracy/omission',
            type: 'M:OTHER',
            message: `The source's number "${s.text}" is missing from the translation`,
          });
        }
      }
    }
    return hits;
  },
};

// Roman numerals, also with an ordinal ending: "XIVe siècle" (French), "secolul al XIV-lea" (Romanian).
const ROMAN = /(?<!\p{L})[IVXLC]{1,7}(?=e\b|er\b|ème\b|-|\P{L}|$)/gu;
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Values of Roman numerals in a source ("secolul al XIV-lea" → 14): the translation may write them in digits. */
export function romanNumerals(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ROMAN)) {
    let total = 0;
    const s = m[0];
    for (let i = 0; i < s.length; i++) {
      const v = ROMAN_VALUE[s[i]!]!;
      const next = ROMAN_VALUE[s[i + 1] ?? ''] ?? 0;
      total += v < next ? -v : v;
    }
    if (total > 0) out.push(String(total));
  }
  return out;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  thousand: 1000, million: 1000000, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7,
  eighth: 8, ninth: 9, tenth: 10, once: 1, twice: 2, single: 1, dozen: 12, pair: 2, both: 2, double: 2,
  triple: 3, decade: 10, century: 100, millennium: 1000,
};

/** Values of the number words of an English text, in order. */
export function spelledNumbers(text: string): string[] {
  return [...text.toLowerCase().matchAll(/\p{L}+/gu)].flatMap((m) => {
    const v = NUMBER_WORDS[m[0]];
    return v === undefined ? [] : [String(v)];
  });
}
