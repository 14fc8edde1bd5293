// What the unit checks need from a checked file: its units (a localization file's, or a line-aligned text's
// lines with their source lines), the target and source languages (the file's metadata, else detected), and the
// file's declared plural count.
import type { LocalizedInput } from '../io/formats/index.js';
import { poHeaderField } from '../io/formats/po.js';
import { packFor, resolveLanguage } from '../lang/index.js';
import type { Finding } from '../model.js';
import { UNIT_CHECKS } from './index.js';
import { runUnitChecks, unitsFromLines, unitsFromLocalized, type CheckUnit, type UnitContext } from './units.js';

export interface UnitCheckOptions {
  allow?: Iterable<string>;
  disable?: Iterable<string>;
  /** --target-lang / --source-lang, when given (they win over the file's metadata). */
  targetLang?: string;
  sourceLang?: string;
  formats?: readonly string[];
  /** Length limit for units whose file sets none (config maxLength). */
  maxLength?: number;
}

export function unitCheckFindings(mt: string, source: string | undefined, localized: LocalizedInput | undefined, opts: UnitCheckOptions = {}): Finding[] {
  const units: CheckUnit[] = localized ? unitsFromLocalized(localized) : source !== undefined ? unitsFromLines(mt, source) : [];
  if (units.length === 0) return [];
  if (opts.maxLength !== undefined) for (const u of units) u.maxLength ??= opts.maxLength;
  const sample = (pick: (u: CheckUnit) => string | undefined) => units.slice(0, 400).map(pick).filter((s) => s !== undefined).join('\n');
  const target = resolveLanguage({ ...(opts.targetLang ? { option: opts.targetLang } : {}), ...(localized?.langs.targetLang ? { file: localized.langs.targetLang } : {}), text: sample((u) => u.target), fallback: 'en' });
  // gettext msgids are English unless a tool says otherwise (PO files have no source-language header).
  const src = opts.sourceLang ?? localized?.langs.sourceLang ?? (localized?.format === 'po' ? 'en' : undefined);
  const sourcePack = src ? packFor(src) : units.some((u) => u.source) ? resolveLanguage({ text: sample((u) => u.source), fallback: 'en' }).pack : undefined;
  const plural = localized?.format === 'po' ? /nplurals\s*=\s*(\d+)/.exec(poHeaderField(localized.mtFile.text, 'Plural-Forms') ?? '')?.[1] : undefined;
  const ctx: UnitContext = {
    units,
    pack: target.pack,
    ...(sourcePack ? { sourcePack } : {}),
    allow: new Set(opts.allow ?? []),
    ...(opts.formats ? { formats: opts.formats } : {}),
    ...(plural ? { nplurals: Number(plural) } : {}),
    ...(localized?.format === 'po' ? { decodedEscapes: true } : {}),
  };
  return runUnitChecks(mt, UNIT_CHECKS, ctx, new Set(opts.disable ?? []));
}
