import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { InputError } from './errors.js';
import { readGlossary } from './glossary.js';
import { readTextFile } from './read-text.js';
import type { AuditInput } from '../audit.js';

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
  return input;
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
