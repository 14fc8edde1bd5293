// Auditing from files on disk: plain text pairs or localization files (XLIFF, PO, TMX, CSV/TSV), read, audited and
// located back in the original files. Shared by the CLI commands and the web view.
import { InputError } from './io/errors.js';
import { readGlossary } from './io/glossary.js';
import { readTextFile } from './io/read-text.js';
import { auditDocument, type AuditInput, type AuditOptions } from './audit.js';
import { documentId } from './io/document-dir.js';
import { languageTag } from './lang/index.js';
import { mqmScore } from './metrics/index.js';
import type { CorrectedKind, DocumentReport, Glossary, TextFile } from './model.js';
import { xliffWithApprovedTargets } from './io/formats/xliff-writeback.js';
import type { StreamAuditInput } from './stream/stream-audit.js';
import { describeFormat, formatOfFile, LOCATED_FORMATS, readLocalized, type InputFormat, type LocalizedInput } from './io/formats/index.js';

/** The flags that every auditing command (audit, export) shares. */
export interface AuditFlags {
  source?: string;
  glossary?: string;
  segmentation?: 'auto' | 'lines';
  /** The corrected text is a post-edit (default) or an independent reference translation. */
  correctedKind?: CorrectedKind;
  mqmPreset?: 'mqm-core' | 'wmt-google';
  threshold?: string;
  /** Localization files (XLIFF, PO, TMX, CSV/TSV): forced format, CSV columns, TMX languages. */
  inputFormat?: InputFormat;
  columns?: string;
  mtLang?: string;
  /** The target language (BCP 47): decides the language pack (and, in a TMX, which tuv is the correction). */
  targetLang?: string;
  /** The source language (BCP 47), for source-aware rules. */
  sourceLang?: string;
  /** --max-words: the per-document word limit (src/limits.ts). */
  maxWords?: string;
}

/** An audit ready to run: its input and options, what to do with the report afterwards (localization files:
 *  markup findings, then positions in the original files for formats that point at places). */
export interface PreparedAudit {
  input: AuditInput;
  /** Options to pass to auditDocument (localization files force one segment per unit). */
  options: (opts: AuditOptions) => AuditOptions;
  /** Run on auditDocument's result. */
  finish: (doc: DocumentReport) => DocumentReport;
  /** The report as a given output format wants it (`text`, `sarif`, `github`... get original-file positions). */
  forFormat: (doc: DocumentReport, format: string) => DocumentReport;
  localized?: LocalizedInput;
}

/** Plain text pair, or a localization file (one file with MT + post-edit, or two files), detected from content. */
export function prepareAudit(mt: string, corrected: string | undefined, flags: AuditFlags): PreparedAudit {
  const format = formatOfFile(mt, flags.inputFormat);
  if (format !== 'text') {
    if (flags.source !== undefined) throw new InputError(`--source: ${mt} is ${describeFormat(format)}, its source text comes from the file`);
    const localized = readLocalized(
      { mt, ...(corrected !== undefined ? { corrected } : {}) },
      {
        ...(flags.inputFormat !== undefined ? { inputFormat: flags.inputFormat } : {}),
        ...(flags.columns !== undefined ? { columns: flags.columns } : {}),
        ...(flags.mtLang !== undefined ? { mtLang: flags.mtLang } : {}),
        ...(flags.targetLang !== undefined ? { targetLang: flags.targetLang } : {}),
      },
    );
    const input = { ...localized.toAuditInput(), ...localized.langs };
    if (flags.glossary !== undefined) input.glossary = readGlossary(flags.glossary);
    return {
      input,
      options: (o) => localized.auditOptions(o),
      finish: (doc) => (doc.shard ? finishShard(localized, doc) : localized.finishReport(doc)),
      forFormat: (doc, f) => (LOCATED_FORMATS.has(f) ? localized.remapReport(doc) : doc),
      localized,
    };
  }
  for (const [flag, v] of [['--columns', flags.columns], ['--mt-lang', flags.mtLang]] as const) {
    if (v !== undefined) throw new InputError(`${flag} applies to localization files; ${mt} is plain text`);
  }
  if (corrected === undefined) throw new InputError(`give the corrected text after ${mt} (one file holds both only in XLIFF, TMX or CSV/TSV)`);
  const input: AuditInput = { id: documentId(mt), mt: readTextFile(mt), corrected: readTextFile(corrected) };
  if (flags.source !== undefined) input.source = readTextFile(flags.source);
  if (flags.glossary !== undefined) input.glossary = readGlossary(flags.glossary);
  return { input, options: (o) => o, finish: (doc) => doc, forFormat: (doc) => doc };
}

/** A plain-text pair in lines mode, ready to stream (src/stream/stream-audit.ts): the same checks of the flags as
 *  prepareAudit, the source and glossary read, the two texts left on disk. Undefined for anything else (a
 *  localization file, sentence alignment, no corrected file): those are audited whole. */
export function prepareStream(mt: string, corrected: string | undefined, flags: AuditFlags): StreamAuditInput | undefined {
  if (flags.segmentation !== 'lines' || corrected === undefined || formatOfFile(mt, flags.inputFormat) !== 'text') return undefined;
  for (const [flag, v] of [['--columns', flags.columns], ['--mt-lang', flags.mtLang]] as const) {
    if (v !== undefined) throw new InputError(`${flag} applies to localization files; ${mt} is plain text`);
  }
  return {
    mtPath: mt,
    correctedPath: corrected,
    ...(flags.source !== undefined ? { source: readTextFile(flags.source) } : {}),
    ...(flags.glossary !== undefined ? { glossary: readGlossary(flags.glossary) } : {}),
  };
}

/** A shard of a localization file (`--shard K/N`: units [from, to) of the joined texts, one per line): its word
 *  findings and the markup findings of its own units, as in the unsharded report, so that `tqa merge` gives that
 *  report. finishReport works on every unit (its check wants all segments): it runs with the segment list padded to
 *  the units' count, and keeps what belongs to the slice; the MQM-based score is the slice's (merge recomputes it). */
function finishShard(localized: LocalizedInput, doc: DocumentReport): DocumentReport {
  const { from, to, total } = doc.shard!.segments;
  const all = localized.finishReport({ ...doc, segments: Array.from({ length: total }, () => doc.segments[0]!) });
  const findings = all.findings.filter((f) => f.segment >= from && f.segment < to);
  const m = doc.metrics.mqm;
  return { ...all, segments: doc.segments, findings, metrics: { ...all.metrics, mqm: mqmScore(findings, m.words, doc.segments.length, { preset: m.preset, threshold: m.threshold }) } };
}

export function auditOptionsFromFlags(flags: AuditFlags): AuditOptions {
  const out: AuditOptions = {};
  if (flags.segmentation) out.segmentation = flags.segmentation;
  if (flags.correctedKind) out.correctedKind = flags.correctedKind;
  if (flags.targetLang) out.targetLang = languageTag(flags.targetLang, '--target-lang');
  if (flags.sourceLang) out.sourceLang = languageTag(flags.sourceLang, '--source-lang');
  if (flags.maxWords !== undefined) {
    const n = Number(flags.maxWords);
    if (!/^\d+$/.test(flags.maxWords.trim()) || n < 1) throw new InputError(`--max-words: not a positive whole number: "${flags.maxWords}"`);
    out.maxWords = n;
  }
  if (flags.mqmPreset || flags.threshold !== undefined) {
    out.mqm = {};
    if (flags.mqmPreset) out.mqm.preset = flags.mqmPreset;
    if (flags.threshold !== undefined) {
      const t = Number(flags.threshold);
      if (flags.threshold.trim() === '' || !Number.isFinite(t)) throw new InputError(`--threshold: not a number: "${flags.threshold}"`);
      out.mqm.threshold = t;
    }
  }
  return out;
}

/** Audits a prepared input: the engine's options adapted to the input, then its own findings (markup) added. */
export function runPrepared(prepared: PreparedAudit, audit: AuditOptions): DocumentReport {
  return prepared.finish(auditDocument(prepared.input, prepared.options(audit)));
}

/** `tqa export --format xliff`: the corrected XLIFF with the approved targets written back (rejected edits put
 *  back to the MT, states set to reviewed/final). `doc` is `prepared.finish(...)`'s report with decisions. */
function xliffExport(prepared: PreparedAudit, doc: DocumentReport): string {
  if (!prepared.localized) throw new InputError(`--format xliff writes back into an XLIFF file; ${prepared.input.mt.path} is plain text`);
  return xliffWithApprovedTargets(prepared.localized, doc);
}

/** The one call `tqa export` needs for an MT file (and its corrected file), plain text or a
 *  localization file: the audited document (`then` runs on it first: decisions, reference-free checks), located
 *  in the original files when `format` points at places (text, sarif, github, junit, csv, md); without `format`
 *  the joined texts stay (what the web view and JSON want). */
export function auditFiles(
  mt: string,
  corrected: string | undefined,
  flags: AuditFlags,
  opts: { audit?: AuditOptions; format?: string; then?: (doc: DocumentReport, input: AuditInput) => DocumentReport } = {},
): DocumentReport {
  const prepared = prepareAudit(mt, corrected, flags);
  const audited = runPrepared(prepared, opts.audit ?? auditOptionsFromFlags(flags));
  const doc = opts.then ? opts.then(audited, prepared.input) : audited;
  return opts.format === undefined ? doc : prepared.forFormat(doc, opts.format);
}

/** `tqa export --format xliff` in one call: audit, decisions (`decide`), approved targets written back. */
export function xliffFromFiles(
  mt: string,
  corrected: string | undefined,
  flags: AuditFlags,
  opts: { audit?: AuditOptions; decide?: (doc: DocumentReport) => DocumentReport } = {},
): string {
  const prepared = prepareAudit(mt, corrected, flags);
  const audited = runPrepared(prepared, opts.audit ?? auditOptionsFromFlags(flags));
  return xliffExport(prepared, opts.decide ? opts.decide(audited) : audited);
}

/** `tqa check`'s view of one MT file: plain text, or a localization file whose targets (and MT next to them,
 *  when it has one) are read with positions. `audit` is set when there is a correction (a corrected file, or an
 *  XLIFF/TMX/CSV that holds both); `locate` moves the checked document's findings into the original file for
 *  formats that point at places. */
export interface CheckFiles {
  mt: TextFile;
  source?: TextFile;
  audit?: DocumentReport;
  locate: (doc: DocumentReport, format: string) => DocumentReport;
  /** The localization file as read (units, counts, languages), when the MT is one. */
  localized?: LocalizedInput;
}

export function checkInputFromFiles(
  mtPath: string,
  correctedPath: string | undefined,
  sourcePath: string | undefined,
  opts: { id: string; glossary?: Glossary; audit: AuditOptions; columns?: string; skipFuzzy?: boolean },
): CheckFiles {
  const format = formatOfFile(mtPath);
  if (format === 'text') {
    const mt = readTextFile(mtPath);
    const source = sourcePath ? readTextFile(sourcePath) : undefined;
    const out: CheckFiles = { mt, locate: (doc) => doc };
    if (source) out.source = source;
    if (correctedPath) {
      out.audit = auditDocument({ mt, corrected: readTextFile(correctedPath), ...(source ? { source } : {}), ...(opts.glossary ? { glossary: opts.glossary } : {}), id: opts.id }, opts.audit);
    }
    return out;
  }
  if (sourcePath !== undefined) throw new InputError(`--source: ${mtPath} is ${describeFormat(format)}, its source text comes from the file`);
  const li = readLocalized({ mt: mtPath, ...(correctedPath !== undefined ? { corrected: correctedPath } : {}) }, { mtOnly: true, ...(opts.columns !== undefined ? { columns: opts.columns } : {}), ...(opts.skipFuzzy ? { skipFuzzy: true } : {}) });
  const input = { ...li.toAuditInput(), ...li.langs, id: opts.id, ...(opts.glossary ? { glossary: opts.glossary } : {}) };
  const out: CheckFiles = { mt: input.mt, locate: (doc, f) => (LOCATED_FORMATS.has(f) ? li.remapReport(doc) : doc), localized: li };
  if (input.source) out.source = input.source;
  if (li.hasCorrection) out.audit = li.finishReport(auditDocument(input, li.auditOptions(opts.audit)));
  return out;
}
