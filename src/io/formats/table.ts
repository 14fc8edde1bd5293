import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { LineIndex } from '../lines.js';
import { PieceBuilder } from './piece.js';
import type { FileUnit, Piece } from './types.js';
import { refuseDuplicates } from './xliff.js';

// CSV / TSV with a header row, RFC 4180 quoting ("a ""quoted"" cell", line breaks inside quotes). csv-parse
// decides whether the file is valid and says where it is not; a scanner then finds where every cell sits, so a
// finding points at its line and column in the spreadsheet file. Columns are chosen by header name.

export type Role = 'source' | 'mt' | 'corrected' | 'id';

const DEFAULT_COLUMNS: Record<Role, string[]> = {
  source: ['source', 'src', 'source text'],
  mt: ['mt', 'machine translation', 'machine_translation', 'mt_target', 'target_mt', 'hyp', 'hypothesis'],
  corrected: ['corrected', 'pe', 'post-edit', 'postedit', 'post_edit', 'post-edited', 'correction', 'reference', 'ref'],
  id: ['id', 'key', 'segment id', 'segment_id'],
};

/** Parses `--columns source=src,mt=mt,corrected=pe`. */
export function parseColumns(spec: string): Partial<Record<Role, string>> {
  const out: Partial<Record<Role, string>> = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    const role = part.slice(0, eq).trim();
    const name = part.slice(eq + 1).trim();
    if (eq === -1 || !['source', 'mt', 'corrected', 'id'].includes(role) || name === '') {
      throw new InputError(`--columns: expected role=column pairs (roles: source, mt, corrected, id), got "${part}"`);
    }
    out[role as Role] = name;
  }
  return out;
}

interface Cell {
  start: number;
  end: number;
  quoted: boolean;
}

export function readTable(text: string, file: string, delimiter: ',' | '\t', columns: Partial<Record<Role, string>> = {}, opts: { mtOnly?: boolean } = {}): FileUnit[] {
  try {
    parse(text, { delimiter, bom: true, relax_column_count: false, skip_empty_lines: true });
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new InputError(`${file}:${err.lines ?? 1}: malformed ${delimiter === ',' ? 'CSV' : 'TSV'}: ${err.message.replace(/^Invalid Record Length: /, '')}`);
  }
  const lines = new LineIndex(text);
  const rows = scanRows(text, delimiter).filter((r) => !(r.length === 1 && r[0]!.start === r[0]!.end));
  const header = rows.shift();
  if (!header) throw new InputError(`${file}: the file is empty`);
  const names = header.map((c) => decodeCell(text, c).text.trim());
  const index = (role: Role, required: boolean): number | undefined => {
    const wanted = columns[role];
    const i = wanted !== undefined ? names.indexOf(wanted) : names.findIndex((n) => DEFAULT_COLUMNS[role].includes(n.toLowerCase()));
    if (i === -1 && (required || wanted !== undefined)) {
      const hint = wanted ?? DEFAULT_COLUMNS[role].join(', ');
      throw new InputError(`${file}:1: no ${role} column (looked for: ${hint}; the header has: ${names.join(', ')}); choose with --columns ${role}=NAME`);
    }
    return i === -1 ? undefined : i;
  };
  const mt = index('mt', true)!;
  // `tqa check` reads the MT alone: a corrected column is optional there.
  const corrected = index('corrected', !opts.mtOnly);
  const source = index('source', false);
  const id = index('id', false);
  const units: FileUnit[] = rows.map((r) => {
    const line = lines.position(r[0]!.start).line;
    const cell = (i: number) => decodeCell(text, r[i]!);
    const unit: FileUnit = { key: id !== undefined ? cell(id).text : `row ${line}`, line, mt: cell(mt) };
    if (corrected !== undefined) unit.target = cell(corrected);
    if (source !== undefined) unit.source = cell(source);
    return unit;
  });
  refuseDuplicates(units, file);
  if (units.length === 0) throw new InputError(`${file}: a header but no rows`);
  return units;
}

/** Cells of every record, as offsets (quotes included for a quoted cell). The file is valid (csv-parse said so). */
export function scanRows(text: string, delimiter: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let k = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  for (;;) {
    let cell: Cell;
    if (text[k] === '"') {
      let j = k + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (text[q + 1] === '"') j = q + 2;
        else {
          j = q + 1;
          break;
        }
      }
      cell = { start: k, end: j, quoted: true };
      k = j;
    } else {
      let j = k;
      while (j < n && text[j] !== delimiter && text[j] !== '\n' && !(text[j] === '\r' && text[j + 1] === '\n')) j++;
      cell = { start: k, end: j, quoted: false };
      k = j;
    }
    row.push(cell);
    if (text[k] === delimiter) {
      k++;
      continue;
    }
    rows.push(row);
    row = [];
    if (text[k] === '\r') k++;
    if (k >= n || ++k >= n) break;
  }
  return rows;
}

/** A cell's text with the offset of each character ("" inside quotes maps to its first quote). */
function decodeCell(text: string, c: Cell): Piece {
  const b = new PieceBuilder();
  if (!c.quoted) {
    for (let k = c.start; k < c.end; k++) b.push(text[k]!, k);
    return b.finish(c.end);
  }
  for (let k = c.start + 1; k < c.end - 1; k++) {
    b.push(text[k]!, k, text[k] === '"' ? k + 2 : k + 1);
    if (text[k] === '"') k++;
  }
  return b.finish(c.end - 1);
}
