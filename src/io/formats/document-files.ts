import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { listDocumentDirs } from '../document-dir.js';
import { formatOfFile } from './index.js';

// A document folder (what `tqa serve` and `tqa export DIR` list) may hold localization files instead of
// mt.txt + corrected.txt: `mt.<ext>` + `corrected.<ext>` (the MT version and the post-edited version), or one
// XLIFF/TMX/CSV/TSV file that carries both. Plain mt.txt + corrected.txt win when both kinds are present.

const TWO_FILE_EXTENSIONS = ['.xlf', '.xliff', '.po', '.tmx', '.csv', '.tsv'];
const ONE_FILE_EXTENSIONS = new Set(['.xlf', '.xliff', '.sdlxliff', '.mxliff', '.tmx', '.csv', '.tsv']);
/** Files a document folder may hold next to its localization files: never the document itself. */
const COMPANION_FILES = new Set(['glossary.tsv']);

/** The localization files of a document folder, or undefined when it has none (or is a plain-text pair). */
export function localizedDocumentFiles(dir: string): { mt: string; corrected?: string } | undefined {
  if (existsSync(join(dir, 'mt.txt')) && existsSync(join(dir, 'corrected.txt'))) return undefined;
  for (const ext of TWO_FILE_EXTENSIONS) {
    const mt = join(dir, `mt${ext}`);
    const corrected = join(dir, `corrected${ext}`);
    if (isFile(mt) && isFile(corrected)) return { mt, corrected };
  }
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const single = names.filter(
    (n) => !n.startsWith('.') && !COMPANION_FILES.has(n.toLowerCase()) && ONE_FILE_EXTENSIONS.has(extname(n).toLowerCase()) && isFile(join(dir, n)),
  );
  return single.length === 1 ? { mt: join(dir, single[0]!) } : undefined;
}

/** The files to audit as a localization document: localization files by name, or mt.txt + corrected.txt whose
 *  content is XLIFF/PO/TMX/CSV (named .txt by a tool or a user). Undefined for a plain-text pair. */
export function localizedFilesOf(dir: string): { mt: string; corrected?: string } | undefined {
  const named = localizedDocumentFiles(dir);
  if (named) return named;
  const mt = join(dir, 'mt.txt');
  return isFile(mt) && formatOfFile(mt) !== 'text' ? { mt, corrected: join(dir, 'corrected.txt') } : undefined;
}

/** A folder that is one document: a text pair or localization files. */
export function isDocumentDir(dir: string): boolean {
  return (isFile(join(dir, 'mt.txt')) && isFile(join(dir, 'corrected.txt'))) || localizedDocumentFiles(dir) !== undefined;
}

/** The sub-folders of root (sorted) that hold a text pair or localization files. */
export function documentDirsUnder(root: string): string[] {
  const textPairs = new Set(listDocumentDirs(root));
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [...textPairs].sort();
  }
  return names
    .map((n) => join(root, n))
    .filter((d) => textPairs.has(d) || (isDirectory(d) && localizedDocumentFiles(d) !== undefined))
    .sort();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
