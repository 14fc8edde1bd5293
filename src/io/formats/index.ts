import { readFileSync } from 'node:fs';
import type { AuditInput, AuditOptions } from '../../audit.js';
import { mqmScore } from '../../metrics/index.js';
import type { DocumentReport, Finding, Segment, Span } from '../../model.js';
import { documentId } from '../document-dir.js';
import { InputError } from '../errors.js';
import { LineIndex } from '../lines.js';
import { assertReadableFile, decodeText, readInputBytes } from '../read-text.js';
import { declaredCharset, decodeCharset, isUtf8Charset } from '../charset.js';
import { detectFormat } from './detect.js';
import { compareTags, onlyPlaceholders, tagFindings } from './markup.js';
import { TagChars } from './piece.js';
import { poHeaderField, readPo } from './po.js';
import { parseColumns, readTable, type Role } from './table.js';
import { readTmx } from './tmx.js';
import { INPUT_FORMATS, type FileUnit, type InputFormat, type Piece } from './types.js';
import { readXliff } from './xliff.js';

export { detectFormat } from './detect.js';

/** "an XLIFF file", "a PO file", "plain text" — for messages. */
export function describeFormat(format: InputFormat): string {
  if (format === 'text') return 'plain text';
  return `${format === 'xliff' ? 'an' : 'a'} ${format.toUpperCase()} file`;
}
export { INPUT_FORMATS, type InputFormat } from './types.js';

// Localization files (XLIFF 1.2/2.x, PO, TMX, CSV/TSV) as the audit's input. The units' MT and corrected target
// texts are joined one per line (the audit then pairs unit i with unit i, segmentation 'lines'), and every
// character of the joined texts keeps the offset where it sits in the original file, so a finding can be moved
// back to the line and column of the XLIFF/PO/TMX/CSV file itself.

export interface LocalizedOptions {
  inputFormat?: InputFormat;
  /** CSV/TSV columns, `source=src,mt=mt,corrected=pe` or already parsed. */
  columns?: string | Partial<Record<Role, string>>;
  mtLang?: string;
  targetLang?: string;
  /** One file without an MT next to its targets (a PO file, an XLIFF without alt-trans): read its targets as the
   *  MT, with no correction (`tqa check`'s reference-free checks). */
  mtOnly?: boolean;
  /** Leave out fuzzy / needs-review units (PO `#, fuzzy`, XLIFF needs-review-* / needs-adaptation states):
   *  their translations are drafts. They are counted (LocalizedInput.counts.fuzzy). */
  skipFuzzy?: boolean;
}

/** Units a reader left out or read specially, for the run's summary line. */
export interface UnitCounts {
  /** Units without a target (read as an empty MT: the untranslated checks report them). */
  noTarget: number;
  /** translate="no" units (never read). */
  notTranslatable: number;
  /** Fuzzy / needs-review units left out (--skip-fuzzy). */
  fuzzy: number;
}

/** States that mark a draft: PO fuzzy, XLIFF 1.2 needs-review-* / needs-adaptation / needs-l10n. */
export function isDraftState(state: string | undefined): boolean {
  return state !== undefined && /^(fuzzy|needs-review(-translation|-l10n|-adaptation)?|needs-adaptation|needs-l10n)$/.test(state);
}

/** One unit as audited: its MT and corrected target (and source), each mapped into its own file. */
export interface LocalizedUnit {
  key: string;
  source?: Piece;
  mt: Piece;
  corrected: Piece;
  state?: string;
  /** The corrected file's unit (XLIFF: where its target and state elements are, for write-back). */
  correctedUnit: FileUnit;
}

interface Original {
  path: string;
  text: string;
  /** As read: positions are in UTF-16 code units of the decoded text whatever the encoding (`utf-8`, `utf-16le`,
   *  `utf-16be`, or the legacy charset the file declares, lower-cased: `cp1251`, `iso-8859-2`…). */
  encoding: string;
  /** The file started with a byte-order mark (kept on write-back). */
  bom: boolean;
}

/** A joined text (units one per line) and, for each of its offsets, the offset in the original file. */
interface Joined {
  text: string;
  map: number[];
  /** Where each character's spelling ends in the original file (see Piece.ends). */
  ends: number[];
  /** Where unit i starts in the joined text. */
  starts: number[];
}

function join(pieces: Piece[]): Joined {
  const parts: string[] = [];
  const map: number[] = [];
  const ends: number[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const p of pieces) {
    starts.push(at);
    parts.push(p.text, '\n');
    for (let k = 0; k < p.text.length; k++) {
      map.push(p.map[k]!);
      ends.push(p.ends[k]!);
    }
    const end = p.map[p.text.length]!;
    map.push(end); // the line break stands where the content ends
    ends.push(end);
    at += p.text.length + 1;
  }
  map.push(map[map.length - 1] ?? 0);
  return { text: parts.join(''), map, ends, starts };
}

export class LocalizedInput {
  readonly mt: Joined;
  readonly corrected: Joined;
  readonly source: Joined | undefined;
  private readonly mtLines: LineIndex;
  private readonly correctedLines: LineIndex;

  constructor(
    readonly format: Exclude<InputFormat, 'text'>,
    readonly units: LocalizedUnit[],
    readonly mtFile: Original,
    readonly correctedFile: Original,
    readonly sourceFile: Original | undefined,
    /** XLIFF version of the corrected file (for write-back). */
    readonly xliffVersion?: '1.2' | '2',
    /** False when the targets were read as the MT alone (mtOnly): there is no correction to audit. */
    readonly hasCorrection = true,
    /** What the reader left out or read as empty. */
    readonly counts: UnitCounts = { noTarget: 0, notTranslatable: 0, fuzzy: 0 },
    /** The languages the file declares (XLIFF source-language/target-language or srcLang/trgLang, the PO
     *  Language header, TMX srclang and the target tuv's xml:lang). */
    readonly langs: { sourceLang?: string; targetLang?: string } = {},
  ) {
    this.mt = join(units.map((u) => u.mt));
    this.corrected = join(units.map((u) => u.corrected));
    this.source = sourceFile && units.every((u) => u.source) ? join(units.map((u) => u.source!)) : undefined;
    this.mtLines = new LineIndex(this.mt.text);
    this.correctedLines = new LineIndex(this.corrected.text);
  }

  /** The pipeline's input: the joined texts, named after the original files. */
  toAuditInput(): AuditInput {
    const input: AuditInput = {
      id: documentId(this.mtFile.path),
      mt: { path: this.mtFile.path, text: this.mt.text },
      corrected: { path: this.correctedFile.path, text: this.corrected.text },
    };
    if (this.source && this.sourceFile) input.source = { path: this.sourceFile.path, text: this.source.text };
    return input;
  }

  /** Unit i is line i: the audit must segment by lines whatever the command line said. */
  auditOptions(opts: AuditOptions = {}): AuditOptions {
    return { ...opts, segmentation: 'lines' };
  }

  /** Drops the word findings that only move, add or drop inline tags, adds one markup finding per tag problem
   *  and re-scores. The report's offsets still point into the joined texts (see remapReport). */
  finishReport(doc: DocumentReport): DocumentReport {
    if (doc.segments.length !== this.units.length) throw new Error(`internal: ${doc.segments.length} segments for ${this.units.length} units`);
    // Only the characters that stand for tags here (a file may hold private-use characters of its own).
    const tagChars = new Set(this.units.flatMap((u) => [...u.mt.tags.keys(), ...u.corrected.tags.keys(), ...(u.source?.tags.keys() ?? [])]));
    const kept = doc.findings.filter((f) => f.origin !== 'audit' || !onlyPlaceholders(f, (c) => tagChars.has(c)));
    const markup: Finding[] = [];
    this.units.forEach((u, i) => {
      const reference = u.source ?? u.mt;
      const problems = compareTags(reference, u.corrected);
      if (problems.length === 0) return;
      markup.push(
        ...tagFindings({
          unitKey: u.key,
          segment: i,
          problems,
          against: u.source ? 'source' : 'MT',
          mtPiece: u.mt,
          mtBase: this.mt.starts[i]!,
          correctedBase: this.corrected.starts[i]!,
          correctedLength: u.corrected.text.length,
          mtSpan: (s, e) => this.mtLines.span(s, e),
          correctedSpan: (s, e) => this.correctedLines.span(s, e),
        }),
      );
    });
    const findings = [...kept, ...markup].sort((a, b) => a.segment - b.segment || a.mt.start - b.mt.start || a.mt.end - b.mt.end);
    const mqm = mqmScore(findings, doc.metrics.mqm.words, doc.segments.length, { preset: doc.metrics.mqm.preset, threshold: doc.metrics.mqm.threshold });
    // The tags behind the placeholders, for reports to show them readably.
    const tags: NonNullable<DocumentReport['tags']> = {};
    for (const u of this.units) for (const p of [u.mt, u.corrected, u.source]) p?.tags.forEach((t, c) => (tags[c] ??= { key: t.key, label: t.label }));
    return { ...doc, findings, metrics: { ...doc.metrics, mqm }, ...(Object.keys(tags).length ? { tags } : {}) };
  }

  /** The same report with every finding and segment located in the original files (offsets, lines, columns of
   *  the XLIFF/PO/TMX/CSV file), and the documents' texts being those files. Finding texts stay plain text. */
  remapReport(doc: DocumentReport): DocumentReport {
    const mtIndex = new LineIndex(this.mtFile.text);
    const corIndex = this.correctedFile === this.mtFile ? mtIndex : new LineIndex(this.correctedFile.text);
    // Offsets past the joined text (a reference-free finding's empty corrected side) clamp to its end.
    const at = (j: Joined, o: number) => j.map[Math.max(0, Math.min(o, j.map.length - 1))]!;
    // A range ends where its last character's spelling ends (not where the next one starts: a CDATA end, a PO
    // line break or a closing quote may stand between them).
    const endAt = (j: Joined, start: number, end: number) => (end <= start || j.ends.length === 0 ? at(j, start) : j.ends[Math.max(0, Math.min(end, j.ends.length) - 1)]!);
    const span = (s: Span, j: Joined, idx: LineIndex): Span => {
      const start = at(j, s.start);
      const end = Math.max(start, endAt(j, s.start, s.end));
      const a = idx.position(start);
      const b = idx.position(end);
      return { start, end, line: a.line, col: a.col, endLine: b.line, endCol: b.col, text: s.text };
    };
    // A reference-free document (tqa check on the MT alone) has no corrected text: its corrected side stays empty.
    const referenceFree = doc.corrected.path === '' && doc.corrected.text === '';
    // A message that names another place "(line N)" names a line of the joined text, i.e. unit N: say its line
    // in the file instead.
    const fileLine = (n: number) => (n >= 1 && n <= this.units.length ? mtIndex.position(at(this.mt, this.mt.starts[n - 1]!)).line : n);
    const relocate = (message: string) => message.replace(/\(line (\d+)\)/g, (_m, n: string) => `(line ${fileLine(Number(n))})`);
    const findings: Finding[] = doc.findings.map((f) => ({
      ...f,
      ...(f.origin === 'check' && /\(line \d+\)/.test(f.message) ? { message: relocate(f.message) } : {}),
      mt: span(f.mt, this.mt, mtIndex),
      corrected: referenceFree ? f.corrected : span(f.corrected, this.corrected, corIndex),
      ...(f.moveTo ? { moveTo: { at: at(this.mt, f.moveTo.at), text: f.moveTo.text } } : {}),
    }));
    const segments: Segment[] = doc.segments.map((s) => ({
      ...s,
      mt: { start: at(this.mt, s.mt.start), end: endAt(this.mt, s.mt.start, s.mt.end) },
      corrected: referenceFree ? s.corrected : { start: at(this.corrected, s.corrected.start), end: endAt(this.corrected, s.corrected.start, s.corrected.end) },
    }));
    return {
      ...doc,
      mt: { path: this.mtFile.path, text: this.mtFile.text },
      corrected: referenceFree ? doc.corrected : { path: this.correctedFile.path, text: this.correctedFile.text },
      segments,
      findings,
    };
  }
}

/** Report formats that point at places in files (terminal listing, SARIF, GitHub annotations, JUnit, CSV,
 *  Markdown): they get the remapped report. The others (JSON, HTML, MQM TSV, M2) slice the document texts with
 *  the findings' offsets, so they keep the joined texts (line N = unit N). */
export const LOCATED_FORMATS: ReadonlySet<string> = new Set(['text', 'sarif', 'github', 'junit', 'csv', 'md']);

export function readOriginal(path: string): Original {
  const bytes = readInputBytes(path);
  const utf16 = utf16Encoding(bytes);
  if (utf16) return { path, text: decodeUtf16(bytes, utf16, path), encoding: utf16, bom: true };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const charset = declaredCharset(bytes);
  if (charset !== undefined && !isUtf8Charset(charset) && !/^utf-?16/.test(charset)) {
    return { path, text: decodeCharset(bytes, charset, path), encoding: charset, bom: false };
  }
  return { path, text: decodeText(bytes, path), encoding: 'utf-8', bom };
}

/** UTF-16 with a byte-order mark (TMX and XLIFF exports of some CAT tools are UTF-16LE). */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', path: string): string {
  if (bytes.length % 2 !== 0) throw new InputError(`${path}: invalid ${encoding.toUpperCase()} (an odd number of bytes)`);
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    if (text.trim() === '') throw new InputError(`${path}: the file has no text (only whitespace)`);
    return text;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: invalid ${encoding.toUpperCase()} (an unpaired surrogate)`);
  }
}

/** The format of the file at `path` (forced, or detected from its content and name). */
export function formatOfFile(path: string, forced?: InputFormat): InputFormat {
  if (forced !== undefined) {
    if (!(INPUT_FORMATS as readonly string[]).includes(forced)) throw new InputError(`--input-format: one of ${INPUT_FORMATS.join(', ')}`);
    return forced;
  }
  let head: Buffer;
  try {
    assertReadableFile(path);
    head = readFileSync(path);
  } catch (e) {
    if (e instanceof InputError && !/: no such file$/.test(e.message)) throw e; // a device, a FIFO, too large
    return 'text'; // the text reader reports the missing file
  }
  const utf16 = utf16Encoding(head);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(head.subarray(2, 2 + 131072));
    return detectFormat(text, path);
  }
  return detectFormat(head, path);
}

/** Reads one localization file (MT next to its correction) or two (the MT version and the corrected version). */
export function readLocalized(paths: { mt: string; corrected?: string }, opts: LocalizedOptions = {}): LocalizedInput {
  const format = formatOfFile(paths.mt, opts.inputFormat);
  if (format === 'text') throw new InputError(`${paths.mt}: plain text, not a localization file (use --input-format to force one)`);
  if (paths.corrected !== undefined && opts.inputFormat === undefined) {
    const other = formatOfFile(paths.corrected);
    if (other !== format) throw new InputError(`${paths.corrected}: ${describeFormat(other)}, but ${paths.mt} is ${describeFormat(format)}: give two files of the same format`);
  }
  const mtFile = readOriginal(paths.mt);
  const correctedFile = paths.corrected !== undefined ? readOriginal(paths.corrected) : mtFile;
  const chars = new TagChars([mtFile.text, correctedFile.text]);
  let version: '1.2' | '2' | undefined;
  const counts: UnitCounts = { noTarget: 0, notTranslatable: 0, fuzzy: 0 };
  const langs: { sourceLang?: string; targetLang?: string } = {};
  const setLangs = (source: string | undefined, target: string | undefined) => {
    if (source && langs.sourceLang === undefined) langs.sourceLang = source;
    if (target && langs.targetLang === undefined) langs.targetLang = target;
  };
  const readUnits = (f: Original): FileUnit[] => {
    const all = readAll(f);
    if (!opts.skipFuzzy) return all;
    const kept = all.filter((u) => !isDraftState(u.state));
    if (f === correctedFile) counts.fuzzy = all.length - kept.length;
    return kept;
  };
  const readAll = (f: Original): FileUnit[] => {
    switch (format) {
      case 'xliff': {
        const x = readXliff(f.text, f.path, chars);
        version = x.version;
        if (f === correctedFile) counts.notTranslatable = x.notTranslatable;
        setLangs(x.sourceLang, x.targetLang);
        return x.units;
      }
      case 'po':
        setLangs(undefined, poHeaderField(f.text, 'Language'));
        return readPo(f.text, f.path);
      case 'tmx': {
        const t = readTmx(f.text, f.path, chars, { ...(opts.mtLang ? { mtLang: opts.mtLang } : {}), ...(opts.targetLang ? { targetLang: opts.targetLang } : {}) });
        setLangs(t.sourceLang, t.targetLang);
        return t.units;
      }
      case 'csv':
      case 'tsv': {
        const columns = typeof opts.columns === 'string' ? parseColumns(opts.columns) : (opts.columns ?? {});
        return readTable(f.text, f.path, format === 'csv' ? ',' : '\t', columns, { mtOnly: opts.mtOnly === true });
      }
    }
  };
  const missing = (f: Original, u: FileUnit, what: string) => new InputError(`${f.path}:${u.line}: unit "${printable(u.key)}" has no ${what}`);

  let units: LocalizedUnit[];
  const single = paths.corrected === undefined ? readUnits(mtFile) : undefined;
  if (single && opts.mtOnly) {
    const read = single;
    if (format === 'po' || read.some((u) => !u.mt) || read.every((u) => !u.target)) {
      // A unit without a target is an untranslated unit, not a broken file: it is read as an empty MT, which the
      // empty-target check reports (an Xcode export lists every string, translated or not).
      const mtUnits = read.map((u) => {
        let target = format === 'csv' || format === 'tsv' ? (u.mt ?? u.target) : (u.target ?? u.mt);
        if (!target) {
          counts.noTarget++;
          target = emptyPiece(u);
        }
        return unit(u.key, u.source, target, target, u);
      });
      const src = mtUnits.every((u) => u.source) ? mtFile : undefined;
      return new LocalizedInput(format, mtUnits, mtFile, mtFile, src, version, false, counts, langs);
    }
  }
  if (single) {
    if (format === 'po') throw new InputError(`${paths.mt}: a PO file holds one translation: give the MT file and the corrected file`);
    units = single.map((u) => {
      if (!u.mt) throw missing(mtFile, u, format === 'xliff' ? 'MT (no alt-trans or mtc:match with a target)' : 'MT (no MT column / tuv marked as MT; see --mt-lang)');
      if (!u.target) throw missing(mtFile, u, 'target');
      return unit(u.key, u.source, u.mt, u.target, u);
    });
  } else {
    if (format === 'csv' || format === 'tsv') throw new InputError(`${paths.mt}: a ${format.toUpperCase()} file holds the MT and the corrected text in columns: give one file`);
    const a = readUnits(mtFile);
    const b = readUnits(correctedFile);
    const byKey = new Map(b.map((u) => [u.key, u]));
    const inA = new Set(a.map((u) => u.key));
    const onlyB = b.find((u) => !inA.has(u.key));
    const onlyA = a.find((u) => !byKey.has(u.key));
    if (onlyA || onlyB) {
      const [u, f, g] = onlyA ? [onlyA, mtFile, correctedFile] : [onlyB!, correctedFile, mtFile];
      throw new InputError(`${f.path}:${u.line}: unit "${printable(u.key)}" is not in ${g.path}: the two files must hold the same units (${a.length} and ${b.length} units)`);
    }
    units = a.map((ua) => {
      const ub = byKey.get(ua.key)!;
      if (!ua.target) throw missing(mtFile, ua, 'target');
      if (!ub.target) throw missing(correctedFile, ub, 'target');
      return unit(ua.key, ub.source, ua.target, ub.target, ub);
    });
  }
  const sourceFile = units.every((u) => u.source) ? correctedFile : undefined;
  return new LocalizedInput(format, units, mtFile, correctedFile, sourceFile, version, true, counts, langs);
}

/** The empty target of a unit that has none, placed where the unit's source ends (or nowhere: offset 0). */
function emptyPiece(u: FileUnit): Piece {
  const at = u.source ? u.source.map[u.source.text.length]! : 0;
  return { text: '', map: [at], ends: [], tags: new Map() };
}

function unit(key: string, source: Piece | undefined, mt: Piece, corrected: Piece, correctedUnit: FileUnit): LocalizedUnit {
  const u: LocalizedUnit = { key: printable(key), mt, corrected, correctedUnit };
  if (source) u.source = source;
  if (correctedUnit.state !== undefined) u.state = correctedUnit.state;
  return u;
}

function printable(key: string): string {
  return key.replace('\u0004', ' | ');
}
