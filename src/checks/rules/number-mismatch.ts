import type { CheckRule, CheckHit } from '../types.js';
import { packFor, type LanguagePack } from '../../lang/index.js';
import { sourceUnits } from './source-pairs.js';
import { placeholders, type Flavour } from './format-string.js';

/** A number as written, with its value normalised across locales ("2 000", "2.000", "2,000" → 2000; "2,5" → 2.5). */
export interface NumberToken {
  start: number;
  end: number;
  text: string;
  value: string;
}

const GENERIC = packFor('und');

/** The numbers of a text as its language writes them (the pack: CLDR separators, Han numerals); without a pack,
 *  a separator is decimal unless three digits follow it. */
export function numbers(text: string, pack: LanguagePack = GENERIC): NumberToken[] {
  return pack.numbers(text).map((n) => ({ start: n.start, end: n.end, text: n.text, value: n.key }));
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
      const mtNums = numbers(maskCode(ctx.text.slice(unit.mt.start, unit.mt.end)), ctx.pack).map((n) => ({
        ...n,
        start: n.start + unit.mt.start,
        end: n.end + unit.mt.start,
      }));
      const srcNums = numbers(maskCode(unit.source), ctx.sourcePack ?? GENERIC);
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
      // The same digits as the source, read another way by the two locales ("55.000" kept from a Romanian source
      // in English: 55 000 to the source, 55 to the target) — copied as they were, not changed.
      const takeText = (text: string) => {
        for (const list of byValue.values()) {
          const i = list.findIndex((x) => x.start >= 0 && x.text === text);
          if (i >= 0) {
            list.splice(i, 1);
            return true;
          }
        }
        return false;
      };
      // A number the source spells out ("four", "December") may be written in digits in the translation
      // (read only when the translation has digits to match: the words are looked up lazily).
      if (mtNums.length) for (const v of spelledNumbers(unit.source, ctx.sourcePack ?? packFor('en'), { months: true })) byValue.set(v, [...(byValue.get(v) ?? []), { start: -1, end: -1, text: v, value: v }]);
      for (const n of mtNums) {
        // "1990" in English for "'90" / "anii 90": a decade or year written short in the source.
        const short = /^(?:1[5-9]|20)\d{2}$/.test(n.value) ? n.value.slice(2) : undefined;
        if (take(n.value) || (short !== undefined && take(short)) || roman.has(n.value) || takeText(n.text)) continue;
        extra.push(n);
      }
      const unmatchedSrc = [...byValue.values()].flat().filter((n) => n.start >= 0).sort((a, b) => a.start - b.start);
      // A number the translation spells out ("one", "third", "huit", "dreiundzwanzig") is not missing — unless
      // one digit stands where the source has one other digit: "2." for "1." is a wrong number, whatever article
      // ("un", "ein") the sentence also has.
      const swapped = extra.length === 1 && unmatchedSrc.length === 1;
      const spelled = unmatchedSrc.length && !swapped ? spelledNumbers(ctx.text.slice(unit.mt.start, unit.mt.end), ctx.pack) : [];
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

// Every flavour the format-string check knows: a text check does not know the file's, and a number inside any
// placeholder ("%2$d", "{0}", "%1") is an argument's index, not a quantity.
const ALL_FLAVOURS: ReadonlySet<Flavour> = new Set<Flavour>(['c', 'python', 'brace', 'i18next', 'qt', 'ruby', 'template']);

/** The text with its placeholders and its names with digits ("SHA-1", "UTF-8", "sha1", "IPv6", "FILE_1") blanked out,
 *  offsets kept: what is left are the quantities. */
export function maskCode(text: string): string {
  let out = text;
  for (const p of placeholders(text, ALL_FLAVOURS, false)) out = out.slice(0, p.start) + ' '.repeat(p.end - p.start) + out.slice(p.end);
  // An identifier's digits too: "FILE_1", "ФАЙЛ_1" (git's Bulgarian names <file1> so).
  return out.replace(/(?<=[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}][-_]?)\d+/gu, (d) => ' '.repeat(d.length));
}

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

/** Values of the number words of a text (the pack's: "three", "first", "twice" in English; "huit",
 *  "dreiundzwanzig", "erste" from CLDR's spell-out rules), in order. A hyphenated word is one number when the
 *  pack spells it so ("vingt-trois" 23, "dix-sept" 17), else its parts are read one by one. */
export function spelledNumbers(text: string, pack: LanguagePack = packFor('en'), opts: { months?: boolean } = {}): string[] {
  const value = (w: string) => pack.numberWords.get(w) ?? pack.numberLikeWords.get(w) ?? (opts.months ? pack.months.get(w) : undefined);
  return [...text.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu)].flatMap((m) => {
    const whole = m[0].includes('-') ? value(m[0]) : undefined;
    const vs = whole !== undefined ? [whole] : m[0].split('-').map(value);
    return vs.filter((v) => v !== undefined).map(String);
  });
}
