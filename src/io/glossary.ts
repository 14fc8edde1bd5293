import type { Glossary, GlossaryEntry } from '../model.js';
import { InputError } from './errors.js';
import { readTextFile } from './read-text.js';

/** Parses a glossary TSV: `term<TAB>forbidden variants separated by |`, one entry per line. Lines starting with
 *  `#` are comments, blank lines are skipped, an optional first line `term<TAB>forbidden` is a header. The same
 *  term on two lines merges its variants. Every bad line is an InputError naming `name` and the 1-based line. */
export function parseGlossary(text: string, name: string): Glossary {
  const entries = new Map<string, GlossaryEntry>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const where = `${name}:${i + 1}`;
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const cells = line.split('\t');
    if (i === 0 && cells[0]?.trim().toLowerCase() === 'term' && cells.length <= 2) return; // header
    if (cells.length < 2) throw new InputError(`${where}: expected "term<TAB>forbidden|variants", found no tab`);
    if (cells.length > 2) throw new InputError(`${where}: expected 2 tab-separated columns, found ${cells.length}`);
    const term = normaliseSpace(cells[0]!);
    if (term === '') throw new InputError(`${where}: the term (first column) is empty`);
    const forbidden = cells[1]!.split('|').map(normaliseSpace);
    if (forbidden.some((f) => f === '') && cells[1]!.trim() !== '')
      throw new InputError(`${where}: an empty variant between "|" separators`);
    const variants = forbidden.filter((f) => f !== '');
    const same = variants.find((f) => f === term);
    if (same !== undefined) throw new InputError(`${where}: "${same}" is both the term and a forbidden variant`);
    const entry = entries.get(term) ?? { term, forbidden: [] };
    for (const v of variants) if (!entry.forbidden.includes(v)) entry.forbidden.push(v);
    entries.set(term, entry);
  });
  return [...entries.values()];
}

/** Reads and parses a glossary file (UTF-8; an empty file is an empty glossary). */
export function readGlossary(path: string): Glossary {
  const file = readTextFile(path, { allowEmpty: true });
  return parseGlossary(file.text, path);
}

function normaliseSpace(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}
