// CLDR 46.1 data for one locale, read lazily from the installed cldr-*-full packages (one small JSON file per
// locale and topic, never the whole package). Missing locales fall back to the root/English data.
import { createRequire } from 'node:module';
import type { QuoteMarks } from './types.js';

const require = createRequire(import.meta.url);

function readJson(pkg: string, locale: string, file: string): Record<string, unknown> | undefined {
  try {
    return require(`${pkg}/main/${locale}/${file}.json`) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
function mainOf(pkg: string, locale: string, file: string): any {
  const j = readJson(pkg, locale, file) as { main?: Record<string, any> } | undefined;
  return j?.main?.[locale];
}

/** Sentence-break suppressions (cldr-segments-full), each as written with its final dot removed. */
export function cldrSuppressions(locale: string): string[] {
  try {
    const j = require(`cldr-segments-full/segments/${locale}/suppressions.json`) as any;
    const list = j?.segments?.segmentations?.SentenceBreak?.standard as Array<{ suppression: string }> | undefined;
    return (list ?? []).map((s) => s.suppression.replace(/\.$/u, ''));
  } catch {
    return [];
  }
}

export interface CldrNumbers {
  decimal: string;
  group: string;
}
export function cldrNumbers(locale: string): CldrNumbers {
  const n = mainOf('cldr-numbers-full', locale, 'numbers')?.numbers?.['symbols-numberSystem-latn'];
  return { decimal: n?.decimal ?? '.', group: n?.group ?? ',' };
}

/** The language's punctuation exemplar characters (cldr-misc-full characters.json), '' when CLDR has none. */
export function cldrPunctuation(locale: string): string {
  return String(mainOf('cldr-misc-full', locale, 'characters')?.characters?.punctuation ?? '');
}

export function cldrQuotes(locale: string): QuoteMarks {
  const d = mainOf('cldr-misc-full', locale, 'delimiters')?.delimiters;
  return {
    start: d?.quotationStart ?? '“',
    end: d?.quotationEnd ?? '”',
    alternateStart: d?.alternateQuotationStart ?? '‘',
    alternateEnd: d?.alternateQuotationEnd ?? '’',
  };
}

/** Month names (wide and abbreviated, format and stand-alone), lower-cased, with and without a final dot,
 *  → 1..12. */
export function cldrMonths(locale: string): Map<string, number> {
  const months = mainOf('cldr-dates-full', locale, 'ca-gregorian')?.dates?.calendars?.gregorian?.months;
  const out = new Map<string, number>();
  for (const ctx of ['format', 'stand-alone']) {
    for (const width of ['wide', 'abbreviated']) {
      const names = months?.[ctx]?.[width] as Record<string, string> | undefined;
      for (const [k, v] of Object.entries(names ?? {})) {
        const name = v.toLowerCase();
        out.set(name, Number(k));
        out.set(name.replace(/\.$/u, ''), Number(k));
      }
    }
  }
  return out;
}

/** Abbreviated month names ("Jan", "Okt.", "févr.") and dotted day names ("So.", "dim."), without a final dot:
 *  a full stop after them does not end a sentence. A month whose abbreviation is its full name ("May", "März") is
 *  not an abbreviation. */
export function cldrDateAbbreviations(locale: string): string[] {
  const g = mainOf('cldr-dates-full', locale, 'ca-gregorian')?.dates?.calendars?.gregorian;
  const out: string[] = [];
  for (const ctx of ['format', 'stand-alone']) {
    const wide = (g?.months?.[ctx]?.wide ?? {}) as Record<string, string>;
    for (const [k, v] of Object.entries((g?.months?.[ctx]?.abbreviated ?? {}) as Record<string, string>)) {
      if (v !== wide[k]) out.push(v.replace(/\.$/u, ''));
    }
    for (const v of Object.values((g?.days?.[ctx]?.abbreviated ?? {}) as Record<string, string>)) {
      if (v.endsWith('.')) out.push(v.slice(0, -1));
    }
  }
  return out;
}
