// The audit pipeline: read → segment → align segments → align tokens → extract edits → classify → score.
// Pure over plain data (the texts come in as strings); the CLI, the web view and the gate all call it.

import { MAX_DOCUMENT_WORDS, MAX_SEGMENT_WORDS } from './limits.js';
import { classifyEdits } from './classify/index.js';
import { assignIds } from './edits/fingerprint.js';
import { extractEdits } from './edits/extract.js';
import { mergeTermEdits } from './edits/merge-terms.js';
import { CorpusAccumulator, countWords, documentMetrics, mqmScore, type MqmOptions } from './metrics/index.js';
import { effortAnalysis } from './metrics/effort.js';
import { isPyWhitespaceCode } from './metrics/whitespace.js';
import type { Classification, CorrectedKind, Decision, DocumentLanguage, DocumentReport, Edit, Finding, Glossary, Report, Segment, SegmentPair, TextFile } from './model.js';
import { alignSegments } from './segment/align-segments.js';
import { TOOL } from './version.js';
import { annotationFindings, type Annotation } from './review/annotations.js';
import { documentId } from './io/document-dir.js';
import { InputError } from './io/errors.js';
import { documentLanguage, packFor, resolveLanguage } from './lang/index.js';
import { shardWindow, type Shard, type ShardInfo } from './shard.js';

export { documentId, listDocumentDirs, readDocumentDir } from './io/document-dir.js';

export interface AuditInput {
  mt: TextFile;
  corrected: TextFile;
  source?: TextFile;
  glossary?: Glossary;
  /** The document's id (keys reviewer decisions); defaults to documentId(mt.path). */
  id?: string;
  /** Languages the input names: a localization file's (XLIFF target-language/trgLang, PO Language:, TMX
   *  xml:lang) or a document folder's language.json. */
  targetLang?: string;
  sourceLang?: string;
}

export interface AuditOptions {
  segmentation?: 'auto' | 'lines';
  /** A post-edit (default) or an independent reference translation (meaning-preserving differences are neutral). */
  correctedKind?: CorrectedKind;
  mqm?: MqmOptions;
  /** Long documents report progress per stage (align, classify, score) so a terminal can draw a bar. */
  onProgress?: (stage: AuditStage, done: number, total: number) => void;
  /** --target-lang / --source-lang (BCP 47): decide the language packs before file metadata and detection. */
  targetLang?: string;
  sourceLang?: string;
  /** Audit only the K-th of N slices of the segments (`tqa audit --shard K/N`; src/shard.ts merges them). */
  shard?: Shard;
  /** Refuse a document with more words than this on either side (default MAX_DOCUMENT_WORDS, src/limits.ts). */
  maxWords?: number;
}

export type AuditStage = 'align' | 'edits' | 'classify' | 'score';

/** Audits one MT text against its correction: every edit located, classified and scored. */
export function auditDocument(input: AuditInput, opts: AuditOptions = {}): DocumentReport {
  const mt = input.mt.text;
  const corrected = input.corrected.text;
  const progress = opts.onProgress ?? (() => {});
  checkDocumentSize(input, opts.maxWords ?? MAX_DOCUMENT_WORDS);
  const language = auditLanguage(input, opts);

  const { findings, bounds, slice } = findEdits(input, opts, progress, language);

  // Scoring needs only the segment bounds: the tokens (the bulk of the heap) are garbage by now.
  // sacrebleu's per-language default tokenizer (zh for a Chinese target), as its signatures then say.
  const acc = new CorpusAccumulator({ targetLang: language.target });
  const segments: Segment[] = bounds.map((b, i) => {
    if (i % 1000 === 0) progress('score', i, bounds.length);
    const s = acc.add(mt.slice(b.mt.start, b.mt.end), corrected.slice(b.corrected.start, b.corrected.end));
    return { id: b.id, mt: b.mt, corrected: b.corrected, metrics: { ter: s.ter, hter: s.hter, chrf: s.chrf, chrfpp: s.chrfpp, bleu: s.bleu } };
  });
  progress('score', bounds.length, bounds.length);
  const corpus = acc.result();

  const words = countWords(mt);
  return {
    id: input.id ?? documentId(input.mt.path),
    mt: { path: input.mt.path, text: mt },
    corrected: { path: input.corrected.path, text: corrected },
    ...(opts.correctedKind ? { correctedKind: opts.correctedKind } : {}),
    ...(input.source ? { source: { path: input.source.path, text: input.source.text } } : {}),
    language,
    segments,
    findings,
    metrics: documentMetrics(corpus, mqmScore(findings, words, segments.length, opts.mqm)),
    // Effort is measured against a correction; an empty one (a one-file upload without targets) is none.
    ...(corrected.trim() !== '' ? { effort: effortAnalysis(mt, corrected, segments) } : {}),
    ...(opts.shard && slice ? { shard: { ...opts.shard, segments: slice, totals: acc.totals() } satisfies ShardInfo } : {}),
  };
}

type SegmentBounds = Pick<Segment, 'id' | 'mt' | 'corrected'>;

const CLASSIFY_CHUNK = 2000;

/** Align, extract, classify: the findings and each segment's bounds. A function of its own so that the segment
 *  pairs with their ~2 tokens per word, the raw edits and the classifications become unreachable when it returns
 *  (a 1,000,000-word document's tokens alone hold ~150 MB; kept through scoring they raised the peak heap). */
function findEdits(
  input: AuditInput,
  opts: AuditOptions,
  progress: (stage: AuditStage, done: number, total: number) => void,
  language: DocumentLanguage,
): { findings: Finding[]; bounds: SegmentBounds[]; slice?: ShardInfo['segments'] } {
  const pack = packFor(language.target);
  const mt = input.mt.text;
  const corrected = input.corrected.text;
  progress('align', 0, 1);
  let pairs;
  try {
    pairs = alignSegments(mt, corrected, { segmentation: opts.segmentation ?? 'auto', pack });
  } catch (e) {
    // The segmenter sees only texts; the message should name the files whose line counts differ.
    if (e instanceof InputError) throw new InputError(`${input.mt.path} and ${input.corrected.path}: ${e.message}`);
    throw e;
  }
  progress('align', 1, 1);
  checkSegmentLengths(input, pairs);

  // A shard extracts the edits of its slice (with a neighbour each side, see shardWindow) and keeps its own.
  const win = opts.shard ? shardWindow(pairs, opts.shard) : undefined;
  const findings = classifiedFindings(input, pairs, win, opts, progress, language, (edits) => assignIds(edits, mt));
  const bounds = (win ? pairs.slice(win.from, win.to) : pairs).map((p) => ({
    id: p.id,
    mt: { start: p.mt.start, end: p.mt.end },
    corrected: { start: p.corrected.start, end: p.corrected.end },
  }));
  return { findings, bounds, ...(win ? { slice: { from: win.from, to: win.to, total: pairs.length } } : {}) };
}

/** Extract, merge glossary terms, classify: the findings of `pairs` (aligned already), or of the segments
 *  [win.from, win.to) when `win` is given (edits are extracted over win.window, a neighbour each side, so that the
 *  whitespace between segments joins edits as it does in the whole document). `ids` names the edits (finding ids).
 *  Shared by auditDocument and the chunks of a streamed line-aligned corpus (src/stream/chunk-audit.ts). */
export function classifiedFindings(
  input: AuditInput,
  pairs: SegmentPair[],
  win: { window: SegmentPair[]; from: number; to: number } | undefined,
  opts: Pick<AuditOptions, 'correctedKind'>,
  progress: (stage: AuditStage, done: number, total: number) => void,
  language: DocumentLanguage,
  ids: (edits: Edit[]) => string[],
): Finding[] {
  const pack = packFor(language.target);
  const mt = input.mt.text;
  const corrected = input.corrected.text;
  const extracted = extractEdits(mt, corrected, win ? win.window : pairs, { onProgress: (d, t) => progress('edits', d, t) });
  const raw = win ? extracted.filter((e) => e.segment >= win.from && e.segment < win.to) : extracted;
  const edits = input.glossary ? mergeTermEdits(raw, mt, corrected, pairs, input.glossary) : raw;
  const names = ids(edits);
  const ctx = {
    mt,
    corrected,
    pairs,
    ...(input.glossary ? { glossary: input.glossary } : {}),
    ...(input.source ? { source: input.source.text } : {}),
    ...(opts.correctedKind ? { correctedKind: opts.correctedKind } : {}),
    lang: pack.code,
    ...(language.source ? { sourceLang: language.source } : {}),
  };
  // Classified in chunks that end at a segment boundary (a segment's edits stay together, as the rules see them),
  // so that the progress bar moves through the longest stage.
  const classes: Classification[] = [];
  progress('classify', 0, edits.length);
  for (let from = 0; from < edits.length; ) {
    let to = Math.min(edits.length, from + CLASSIFY_CHUNK);
    while (to < edits.length && edits[to]!.segment === edits[to - 1]!.segment) to++;
    for (const c of classifyEdits(edits.slice(from, to), ctx)) classes.push(c);
    progress('classify', to, edits.length);
    from = to;
  }

  return edits.map((e, i) => ({
    id: names[i]!,
    segment: e.segment,
    operation: e.operation,
    mt: e.mt,
    corrected: e.corrected,
    ...(e.moveTo ? { moveTo: e.moveTo } : {}),
    ...(e.chars ? { chars: e.chars } : {}),
    ...classes[i]!,
    origin: 'audit',
  }));
}

/** countWords without building the list of words (10,000,000 of them took ~500 MiB just to be refused). */
function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isPyWhitespaceCode(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Segments over MAX_SEGMENT_WORDS (src/limits.ts) are refused up front, naming the place and the limit. */
export { MAX_SEGMENT_WORDS };

/** Refuses a document over `limit` words on either side (AuditOptions.maxWords), naming the limit. */
export function checkDocumentSize(input: AuditInput, limit: number): void {
  for (const file of [input.mt, input.corrected]) {
    // n characters hold at most (n + 1) / 2 words: only long texts are counted.
    if (file.text.length <= 2 * limit) continue;
    const words = wordCount(file.text);
    if (words > limit) {
      throw new InputError(`${file.path}: ${words.toLocaleString('en-US')} words; the limit is ${limit.toLocaleString('en-US')} words per document (split the corpus into files, or raise it with --max-words)`);
    }
  }
}

/** `base`: the segments (and lines) before these texts, when they are a chunk of a longer line-aligned corpus. */
export function checkSegmentLengths(input: AuditInput, pairs: ReadonlyArray<{ id: number; mt: { start: number; end: number }; corrected: { start: number; end: number } }>, base = 0): void {
  for (const p of pairs) {
    for (const [file, r] of [[input.mt, p.mt], [input.corrected, p.corrected]] as const) {
      // n characters hold at most (n + 1) / 2 words: only long segments are counted.
      if (r.end - r.start <= 2 * MAX_SEGMENT_WORDS) continue;
      const words = countWords(file.text.slice(r.start, r.end));
      if (words <= MAX_SEGMENT_WORDS) continue;
      const line = base + file.text.slice(0, r.start).split('\n').length;
      throw segmentTooLong(file.path, base + p.id, line, words);
    }
  }
}

/** The refusal of segment `id` (0-based), from line `line`, with `words` words (over MAX_SEGMENT_WORDS). */
export function segmentTooLong(path: string, id: number, line: number, words: number): InputError {
  return new InputError(
    `${path}: segment ${id + 1} (from line ${line}) has ${words.toLocaleString('en-US')} words; the limit is ${MAX_SEGMENT_WORDS.toLocaleString('en-US')} words per segment (split it into shorter lines or sentences)`,
  );
}

/** Applies reviewer decisions (keyed by Finding.id): each finding gets its decision, and the MQM-based score is
 *  recomputed (rejected findings drop out; a decision's category/severity replace the finding's). */
export function applyDecisions(doc: DocumentReport, decisions: Map<string, Decision>, opts: AuditOptions = {}, annotations: readonly Annotation[] = []): DocumentReport {
  // Errors a reviewer marked by hand join the audit's findings (in segment order) before decisions and the score.
  const added = annotationFindings(doc, annotations).findings;
  const all = added.length > 0 ? [...doc.findings, ...added].sort((a, b) => a.segment - b.segment) : doc.findings;
  const findings = all.map((f) => {
    const d = decisions.get(f.id);
    // A decision on a hand-marked finding keeps what its author said unless it says otherwise.
    if (d) return { ...f, decision: f.origin === 'reviewer' && f.decision ? { ...f.decision, ...d } : d };
    if (f.origin === 'reviewer') return f;
    const { decision: _dropped, ...rest } = f;
    return rest;
  });
  const mqm = mqmScore(findings, doc.metrics.mqm.words, doc.segments.length, {
    preset: doc.metrics.mqm.preset,
    threshold: doc.metrics.mqm.threshold,
    ...opts.mqm,
  });
  return { ...doc, findings, metrics: { ...doc.metrics, mqm } };
}

/** Wraps documents into the report that every format and adapter consumes. */
export function makeReport(documents: DocumentReport[]): Report {
  return { tool: { name: TOOL.name, version: TOOL.version }, documents };
}

/** The document's target (and source) language: --target-lang, else the file's metadata, else identified from
 *  the corrected text (eld), else English. */
export function auditLanguage(input: AuditInput, opts: Pick<AuditOptions, 'targetLang' | 'sourceLang'> = {}): DocumentLanguage {
  const target = resolveLanguage({ option: opts.targetLang, file: input.targetLang, text: input.corrected.text.trim() !== '' ? input.corrected.text : input.mt.text, fallback: 'en' });
  const sourceGiven = opts.sourceLang ?? input.sourceLang;
  const source = input.source || sourceGiven ? resolveLanguage({ option: opts.sourceLang, file: input.sourceLang, text: input.source?.text }) : undefined;
  // An unidentified source stays unnamed rather than assumed English.
  return documentLanguage(target, source && source.source !== 'default' ? source : undefined);
}
