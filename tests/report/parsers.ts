// Independent readers of the export formats, shared by the format tests and the seed test. None of them uses
// src/report: they read the output the way the consuming tool would.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

// ---- SARIF: ajv against the vendored SARIF 2.1.0 schema (see tests/fixtures/report/README.md).
export const SARIF_SCHEMA_PATH = new URL('../fixtures/report/sarif-schema-2.1.0-rtm.5.json', import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function sarifValidator() {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  delete schema.$schema; // draft-04 meta-schema id; the keywords it uses are read the same by ajv's draft-07
  delete schema.id;
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only a non-unicode RegExp accepts.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

// ---- JUnit: fast-xml-parser.
export type XmlNode = Record<string, unknown>;
export const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

export function parseJunit(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ['testsuite', 'testcase', 'failure', 'property'].includes(name),
  });
  return parser.parse(xml) as { testsuites: XmlNode & { testsuite: Array<XmlNode & { testcase: Array<XmlNode & { failure?: XmlNode[] }> }> } };
}

// ---- MQM TSV: lines on LF, fields on tab, the span between the first <v> and </v>.
export function readMqmTsv(text: string) {
  const lines = text.split('\n');
  expect(lines.at(-1)).toBe('');
  const [header, ...rows] = lines.slice(0, -1).map((l) => l.split('\t'));
  return { header: header!, rows };
}

export function splitMarked(target: string): { before: string; inside: string; after: string } | undefined {
  const open = target.indexOf('<v>');
  const close = target.indexOf('</v>');
  if (open < 0 || close < open) return undefined;
  return { before: target.slice(0, open), inside: target.slice(open + 3, close), after: target.slice(close + 4) };
}

/** What the MQM TSV can hold of a text: no tabs or line breaks; a literal <v> is defused. */
export function tsvText(s: string): string {
  return s.replace(/\r\n|[\t\r\n]/g, ' ').replace(/<(\/?)v>/g, '‹$1v›');
}

// ---- M2, as ERRANT's scorer reads it.
export interface M2Block {
  source: string[];
  edits: Array<{ start: number; end: number; type: string; correction: string[]; annotator: string }>;
}

export function readM2(text: string): M2Block[] {
  return text
    .trim()
    .split(/\n\n/)
    .map((block) => {
      const [s, ...as] = block.split('\n');
      expect(s!.startsWith('S ') || s === 'S').toBe(true);
      return {
        source: s!.slice(2).split(' ').filter((t) => t !== ''),
        edits: as.map((a) => {
          expect(a.startsWith('A ')).toBe(true);
          const fields = a.slice(2).split('|||');
          expect(fields).toHaveLength(6);
          const [start, end] = fields[0]!.split(' ').map(Number);
          return { start: start!, end: end!, type: fields[1]!, correction: fields[2] === '' ? [] : fields[2]!.split(' '), annotator: fields[5]! };
        }),
      };
    });
}

/** Applies a block's edits to its source tokens, right to left (as errant_m2 rebuilds a correction). */
export function applyM2(b: M2Block): string[] {
  const out = [...b.source];
  const edits = b.edits.filter((e) => e.type !== 'noop' && e.type !== 'UNK').sort((x, y) => y.start - x.start || y.end - x.end);
  for (const e of edits) out.splice(e.start, e.end - e.start, ...e.correction);
  return out;
}

// ---- Markdown (GFM) tables.
/** Table cells: split a row on pipes that are not backslash-escaped. */
export function mdCells(row: string): string[] {
  expect(row.startsWith('| ') && row.endsWith(' |')).toBe(true);
  const inner = row.slice(1, -1);
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\\' && i + 1 < inner.length) {
      cur += c + inner[++i];
    } else if (c === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** Every table in the text: consecutive lines starting with `|`. */
export function mdTables(md: string): string[][][] {
  const out: string[][][] = [];
  let cur: string[][] | undefined;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) (cur ??= []).push(mdCells(line));
    else if (cur) {
      out.push(cur);
      cur = undefined;
    }
  }
  if (cur) out.push(cur);
  return out;
}

export function expectWellFormedTables(tables: string[][][]): void {
  for (const t of tables) {
    expect(t.length).toBeGreaterThanOrEqual(2);
    expect(t[1]!.every((c) => /^:?-{3,}:?$/.test(c))).toBe(true);
    for (const row of t) expect(row).toHaveLength(t[0]!.length);
  }
}

/** Undoes the Markdown escaping, to compare a cell with the model's text. */
export function unMd(s: string): string {
  return s.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// ---- GitHub workflow commands, as the Actions runner parses them (@actions/core escapes undone).
export function readGithubCommands(text: string) {
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const commands: Array<{ name: string; props: Record<string, string>; data: string }> = [];
  const plain: string[] = [];
  for (const line of text.split('\n').slice(0, -1)) {
    const m = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) {
      plain.push(line);
      continue;
    }
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = kv.indexOf('=');
      props[kv.slice(0, eq)] = unescape(kv.slice(eq + 1));
    }
    commands.push({ name: m[1]!, props, data: unescape(m[3]!) });
  }
  return { commands, plain };
}
