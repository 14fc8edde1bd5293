// The language packs, one registration line each (a new language: a folder src/lang/<code>/ and a line here),
// and how a document's language is decided: an option, else the file's metadata, else detection (eld), else
// English as before.
import { de } from './de/index.js';
import { en } from './en/index.js';
import { es } from './es/index.js';
import { fr } from './fr/index.js';
import { it } from './it/index.js';
import { ja } from './ja/index.js';
import { nl } from './nl/index.js';
import { pl } from './pl/index.js';
import { pt } from './pt/index.js';
import { ru } from './ru/index.js';
import { zh } from './zh/index.js';
import { genericPack } from './generic/index.js';
import type { LanguagePack } from './types.js';
import type { DocumentLanguage } from '../model.js';
import { InputError } from '../io/errors.js';

export type { LanguagePack, NumberSpan, PackLevel, QuoteMarks, Typography } from './types.js';

/** Every shipped pack by primary language subtag. */
export const PACKS: Readonly<Record<string, LanguagePack>> = {
  en,
  de,
  fr,
  es,
  zh,
  ja,
  it,
  pt,
  nl,
  ru,
  pl,
};

const generics = new Map<string, LanguagePack>();

/** A language tag a user gave (an option, a form field, a document's language.json), checked with ICU's BCP 47
 *  parser and put in canonical form ("de-ch" → "de-CH", "zh_Hans" → "zh-Hans"); one clear line when it is none. */
export function languageTag(value: string, where: string): string {
  try {
    const [tag] = Intl.getCanonicalLocales(value.trim().replace(/_/gu, '-'));
    if (tag) return tag;
  } catch {
    // RangeError: not a well-formed tag.
  }
  throw new InputError(`${where}: "${value}" is not a BCP 47 language tag (e.g. de, fr-CA, zh-Hans)`);
}

/** The primary language subtag of a BCP 47 tag, lower-cased ("de-CH" → "de", "zh_Hans" → "zh"); '' when the
 *  tag is not one. */
export function primaryTag(tag: string): string {
  const t = tag.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  return /^[a-z]{2,3}$/u.test(t) ? t : '';
}

/** The pack for a BCP 47 tag; the generic pack (with the tag's code) for a language without one. Never throws. */
export function packFor(tag: string | undefined): LanguagePack {
  const code = primaryTag(tag ?? '');
  const pack = PACKS[code];
  if (pack) return pack;
  const key = code || 'und';
  let g = generics.get(key);
  if (!g) {
    g = genericPack(key, languageName(key));
    generics.set(key, g);
  }
  return g;
}

/** The English name of a language code (Intl.DisplayNames), or the code itself. */
export function languageName(code: string): string {
  if (code === 'und' || code === '') return 'unknown language';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export type LanguageSource = 'option' | 'file' | 'detected' | 'default';

export interface ResolvedLanguage {
  /** The BCP 47 tag as given or detected ("de-CH", "fr"). */
  code: string;
  pack: LanguagePack;
  source: LanguageSource;
  /** The identifier's confidence (0..1) when detected. */
  confidence?: number;
}

export interface ResolveInput {
  /** --target-lang / --source-lang. */
  option?: string;
  /** The localization file's metadata (XLIFF target-language/trgLang, PO Language:, TMX xml:lang). */
  file?: string;
  /** Text to identify the language of when neither is given. */
  text?: string;
  /** Used when nothing else decides (English: today's behaviour). */
  fallback?: string;
}

/** Decides a document's language: option, else file metadata, else detection, else the fallback. */
export function resolveLanguage(input: ResolveInput): ResolvedLanguage {
  for (const [value, source] of [[input.option, 'option'], [input.file, 'file']] as const) {
    if (value && value.trim() !== '') return { code: value.trim(), pack: packFor(value), source };
  }
  if (input.text !== undefined) {
    const d = detectLanguage(input.text);
    if (d) return { code: d.code, pack: packFor(d.code), source: 'detected', confidence: d.confidence };
  }
  const code = input.fallback ?? 'en';
  return { code, pack: packFor(code), source: 'default' };
}

import { detectLanguage } from './detect.js';
export { detectLanguage } from './detect.js';

/** A document's language as the report records it (src/model.ts DocumentLanguage). */
export function documentLanguage(target: ResolvedLanguage, source?: ResolvedLanguage): DocumentLanguage {
  const brief = (p: LanguagePack) => ({ code: p.code, name: p.name, level: p.level });
  return {
    target: target.code,
    ...(source ? { source: source.code } : {}),
    pack: brief(target.pack),
    ...(source ? { sourcePack: brief(source.pack) } : {}),
    decidedBy: target.source,
    ...(target.confidence !== undefined ? { confidence: target.confidence } : {}),
  };
}

/** One line for a terminal when the language has no pack, or was guessed as other than English (undefined
 *  otherwise: English was the assumption before packs existed, and the report records the detection anyway). */
export function languageNotice(lang: DocumentLanguage, what = 'the text'): string | undefined {
  const packNote = lang.pack.level === 'generic' ? `: no language pack for "${lang.target}", only language-independent rules run` : ` (${lang.pack.name} pack, ${lang.pack.level})`;
  if (lang.decidedBy === 'detected' && lang.pack.code !== 'en') return `tqa: ${what} detected as ${lang.target} (eld, confidence ${lang.confidence ?? '?'})${packNote}; set --target-lang to decide`;
  if (lang.pack.level === 'generic') return `tqa: ${what}${packNote}`;
  return undefined;
}

/** "Language: German (de, full pack; detected, confidence 0.83) · source: en" — or that no pack exists. */
export function languageLine(l: DocumentLanguage): string {
  const how = l.decidedBy === 'detected' ? `detected, confidence ${l.confidence ?? '?'}` : l.decidedBy === 'file' ? 'from the file' : l.decidedBy === 'option' ? 'as given' : 'assumed';
  const pack = l.pack.level === 'generic' ? `no language pack: only language-independent rules ran` : `${l.pack.level} pack`;
  return `Language: ${l.pack.level === 'generic' ? l.target : l.pack.name} (${l.target}, ${pack}; ${how})${l.source ? ` · source: ${l.source}` : ''}`;
}
