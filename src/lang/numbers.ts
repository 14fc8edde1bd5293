// Numbers as a locale writes them: digits with its separators (CLDR), numeric dates, and — for Chinese and
// Japanese — Han numerals and the myriad units (25万 = 250000, 两万 = 20000). Linear regex passes.
import type { NumberSpan } from './types.js';

export interface NumberLocale {
  /** CLDR decimal separator; undefined when the locale is unknown (then "1,000" and "1.000" are both 1000 and a
   *  separator is decimal unless three digits follow it). */
  decimal?: string;
  /** Han numerals and units (zh, ja). */
  han?: boolean;
}

// Digits: ASCII or full-width. A numeric date ("16.05.2017", "3/4/2020") is one number. Thousands groups:
// comma, period, apostrophe, spaces (also no-break and narrow no-break: "1 234,5"). A digit right after a Han or
// kana character starts a number ("高15度"); after a letter of an alphabet it is part of a code ("A320").
const DIGITS =
  /(?<![\p{N}.,])(?<!(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])\p{L})(?:\d{1,2}([./-])\d{1,2}\1\d{2,4}(?![\d.,]\d)|(?:\d{1,3}(?:[.,'’\u00a0\u202f ]\d{3}(?!\d))+|\d+)(?:[.,]\d+)?)/gu;
const FULL_WIDTH = /[０-９]/gu;
// Han numerals, with a digit run before a unit allowed too ("25万", "1.5亿").
const HAN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const HAN_BIG_UNIT: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 兆: 1e12 };
const HAN_RUN = /(?:\d+(?:\.\d+)?)?[〇零一二两兩三四五六七八九十拾百佰千仟万萬亿億兆]+|\d+(?:\.\d+)?(?=[万萬亿億兆])/gu;

/** Canonical decimal text of a value: no leading zeros, no trailing zero decimals. */
function canonical(v: number): string {
  return String(Number.isInteger(v) ? v : Number(v.toPrecision(15)));
}

/** The value of a digit string written with grouping/decimal separators. */
export function parseDigits(raw: string, locale: NumberLocale = {}): number | undefined {
  let s = raw.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\u00a0\u202f '’]/gu, '');
  if (!/^[+\-−]?\d[\d.,]*$/u.test(s)) return undefined;
  s = s.replace('−', '-');
  const seps = s.match(/[.,]/g) ?? [];
  if (seps.length > 0) {
    const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
    const mixed = new Set(seps).size > 1;
    const decimals = s.length - lastSep - 1;
    let isDecimal: boolean;
    if (mixed) isDecimal = true;
    else if (seps.length > 1) isDecimal = false; // "1.000.000"
    else if (decimals !== 3 || /^-?0[.,]/.test(s)) isDecimal = true;
    // One separator before three digits: the locale decides ("1.234" is 1234 in German, 1.234 in English).
    else isDecimal = locale.decimal !== undefined ? s[lastSep] === locale.decimal : false;
    const intPart = (isDecimal ? s.slice(0, lastSep) : s).replace(/[.,]/g, '');
    s = isDecimal ? `${intPart}.${s.slice(lastSep + 1)}` : intPart;
  }
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/** The value of a run of Han numerals, optionally led by digits ("二十五" 25, "25万" 250000, "两万" 20000,
 *  "一亿二千万" 120000000). */
export function parseHan(raw: string): number | undefined {
  let total = 0; // the value of the finished 亿/万 parts
  let section = 0; // the current part below 万
  let digit: number | undefined;
  const lead = /^\d+(?:\.\d+)?/u.exec(raw);
  if (lead) digit = Number(lead[0]);
  const rest = raw.slice(lead ? lead[0].length : 0);
  // "二〇二四", "一九九七": digit by digit (a year), no units.
  if (!lead && /^[〇零一二三四五六七八九]{2,}$/u.test(rest) && !/^[零]/u.test(rest)) return Number([...rest].map((c) => HAN_DIGIT[c]).join(''));
  for (const ch of rest) {
    if (ch in HAN_DIGIT) digit = HAN_DIGIT[ch]!;
    else if (ch in HAN_SMALL_UNIT) {
      section += (digit ?? 1) * HAN_SMALL_UNIT[ch]!;
      digit = undefined;
    } else if (ch in HAN_BIG_UNIT) {
      const unit = HAN_BIG_UNIT[ch]!;
      const part = section + (digit ?? 0) || (total === 0 ? 1 : 0);
      // 亿 scales everything before it ("一万亿" = 10¹²); 万 only its own part ("一亿二千万" = 120,000,000).
      total = unit > 1e4 ? (total + part) * unit : total + part * unit;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  const v = total + section + (digit ?? 0);
  return Number.isFinite(v) ? v : undefined;
}

/** Every number in text[from, to), in order. */
export function findNumbers(text: string, locale: NumberLocale = {}, from = 0, to = text.length): NumberSpan[] {
  const slice = text.slice(from, to);
  const ascii = locale.han ? slice.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : slice;
  const out: NumberSpan[] = [];
  const taken: Array<[number, number]> = [];
  if (locale.han) {
    for (const m of ascii.matchAll(HAN_RUN)) {
      // A lone numeral is as often part of a word (一起 "together", 百科 "encyclopedia") as a number: a run counts
      // when it has a digit and a unit, or two numerals ("二十", "25万", "两万", "二〇二四").
      const hasDigit = /[\d〇零一二两兩三四五六七八九]/u.test(m[0]);
      const hasUnit = /[十拾百佰千仟万萬亿億兆]/u.test(m[0]);
      const ordinal = slice[m.index - 1] === '第'; // 第二 "second"
      if (!hasDigit || (!hasUnit && m[0].length < 2 && !ordinal)) continue;
      const value = parseHan(m[0]);
      if (value === undefined) continue;
      out.push({ start: from + m.index, end: from + m.index + m[0].length, text: slice.slice(m.index, m.index + m[0].length), value, key: canonical(value) });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of ascii.matchAll(DIGITS)) {
    if (taken.some(([a, b]) => m.index < b && a < m.index + m[0].length)) continue;
    const text0 = slice.slice(m.index, m.index + m[0].length);
    if (m[1]) {
      const key = m[0].split(/[./-]/).map((p) => p.replace(/^0+(?=\d)/, '')).join('.');
      out.push({ start: from + m.index, end: from + m.index + m[0].length, text: text0, value: Number.NaN, key });
      continue;
    }
    const value = parseDigits(m[0], locale);
    if (value === undefined) continue;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, text: text0, value, key: canonical(value) });
  }
  return out.sort((a, b) => a.start - b.start);
}
