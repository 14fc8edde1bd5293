import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { InputError } from './errors.js';
import { readGlossary } from './glossary.js';
import { readTextFile } from './read-text.js';
import type { AuditInput } from '../audit.js';
import { languageTag } from '../lang/index.js';

/** A document's id: its folder's name when the files are `<dir>/mt.txt`, else the MT file's stem. It keys the
 *  reviewer decisions, so it must be the same whether the pair is served, audited or exported. */
export function documentId(mtPath: string): string {
  const stem = basename(mtPath, extname(mtPath));
  if (stem === 'mt') {
    const dir = basename(dirname(mtPath));
    if (dir && dir !== '.' && dir !== '/') return dir;
  }
  return stem;
}

/** Reads `<dir>/mt.txt` and `corrected.txt`, plus `source.txt` and `glossary.tsv` when present. */
export function readDocumentDir(dir: string): AuditInput {
  const file = (name: string) => join(dir, name);
  if (!existsSync(file('mt.txt')) || !existsSync(file('corrected.txt'))) {
    throw new InputError(`${dir}: a document folder needs mt.txt and corrected.txt`);
  }
  const input: AuditInput = {
    id: documentId(file('mt.txt')),
    mt: readTextFile(file('mt.txt')),
    corrected: readTextFile(file('corrected.txt')),
  };
  if (existsSync(file('source.txt'))) input.source = readTextFile(file('source.txt'));
  if (existsSync(file('glossary.tsv'))) input.glossary = readGlossary(file('glossary.tsv'));
  Object.assign(input, readDocumentLanguages(dir));
  return input;
}

/** The file that holds a document folder's languages: a per-document setting, standing where a localization
 *  file's own metadata would (after --target-lang, before detection). */
export const LANGUAGE_FILE = 'language.json';

/** `<dir>/language.json` — `{"target": "de", "source": "en"}`, either key optional — as AuditInput fields. */
export function readDocumentLanguages(dir: string): { targetLang?: string; sourceLang?: string } {
  const path = join(dir, LANGUAGE_FILE);
  if (!existsSync(path)) return {};
  let data: unknown;
  try {
    data = JSON.parse(readTextFile(path).text);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: not JSON (expected {"target": "de", "source": "en"})`);
  }
  const keys = data && typeof data === 'object' && !Array.isArray(data) ? Object.entries(data) : undefined;
  if (!keys || keys.some(([k, v]) => (k !== 'target' && k !== 'source') || typeof v !== 'string')) {
    throw new InputError(`${path}: expected {"target": "de", "source": "en"} (string values, either key optional)`);
  }
  const { target, source } = data as { target?: string; source?: string };
  return {
    ...(target !== undefined ? { targetLang: languageTag(target, `${path}: target`) } : {}),
    ...(source !== undefined ? { sourceLang: languageTag(source, `${path}: source`) } : {}),
  };
}

/** The text of a language.json for the given languages (undefined when neither is given). */
export function documentLanguagesText(langs: { targetLang?: string; sourceLang?: string }): string | undefined {
  if (!langs.targetLang && !langs.sourceLang) return undefined;
  return `${JSON.stringify({ ...(langs.targetLang ? { target: langs.targetLang } : {}), ...(langs.sourceLang ? { source: langs.sourceLang } : {}) })}\n`;
}

/** The sub-folders of root (sorted) that hold a document pair. */
export function listDocumentDirs(root: string): string[] {
  let names: string[];
  try {
    if (!statSync(root).isDirectory()) throw new InputError(`${root}: not a directory`);
    names = readdirSync(root);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${root}: no such directory`);
  }
  return names
    .sort()
    .map((n) => join(root, n))
    .filter((d) => existsSync(join(d, 'mt.txt')) && existsSync(join(d, 'corrected.txt')));
}
