// One chunk of a line-aligned corpus (`--segmentation lines`, or a localization file's units joined one per line),
// audited on its own. In lines mode line k pairs with line k, so a run of lines can be aligned, edited, classified
// and scored without the rest of the file; what the whole file decides (the language, whether the texts are
// pre-tokenised) comes in with the chunk, and what sums over the file (corpus statistics, words, the "#2" suffixes
// of repeated finding ids) goes back to the caller (src/stream/assemble.ts) to be summed in order. The result is
// what auditDocument gives for those lines of the whole file, offsets and lines included.
import { checkSegmentLengths, classifiedFindings, type AuditStage } from '../audit.js';
import { assignIds } from '../edits/fingerprint.js';
import { packFor } from '../lang/index.js';
import { CorpusAccumulator, countWords, type CorpusTotals } from '../metrics/index.js';
import { segmentEffort, type SegmentEffort } from '../metrics/effort.js';
import type { CorrectedKind, DocumentLanguage, Finding, Glossary, Segment, Span } from '../model.js';
import { alignSegments } from '../segment/align-segments.js';

/** Characters of MT context a finding id looks at on each side of its edit (fingerprint: 4 × 20). */
export const ID_CONTEXT = 80;

/** A window of lines: the chunk's own lines [first, first + count) and up to one neighbour line on each side
 *  (an edit of the whitespace between two lines can join the next line's first edit: extractEdits must see it). */
export interface LineChunk {
  /** The window's text on each side: whole lines with their line breaks, starting at a line start. */
  mt: string;
  corrected: string;
  /** 0-based id of the chunk's first own line (segment). */
  first: number;
  /** Its own lines, and the neighbours in the window before (0 or 1) and after (0 or 1) them. */
  count: number;
  before: number;
  after: number;
  /** Offsets of the window's first character in the whole MT and corrected texts. */
  mtOffset: number;
  correctedOffset: number;
  /** Up to ID_CONTEXT characters of the MT before and after the window (finding ids include nearby MT text). */
  mtBefore: string;
  mtAfter: string;
}

/** What the whole document decided, the same for every chunk. */
export interface ChunkContext {
  mtPath: string;
  correctedPath: string;
  language: DocumentLanguage;
  /** isPreTokenised of the whole MT and corrected texts (its sample is the first 50,000 words). */
  preTokenised: boolean;
  correctedKind?: CorrectedKind;
  glossary?: Glossary;
  /** The whole source text (the untranslated rules look a word up anywhere in it). */
  source?: { path: string; text: string };
  /** Compute each segment's effort (the document has a non-blank correction and the output wants it). */
  effort: boolean;
}

export interface ChunkResult {
  /** The chunk's own segments, ids and offsets those of the whole document. */
  segments: Segment[];
  /** Their findings, located in the whole document; ids numbered within the chunk ("#2"), renumbered by the caller. */
  findings: Finding[];
  /** Summed sufficient statistics of the chunk's segments. */
  totals: CorpusTotals;
  /** MT words of the chunk's lines (countWords). */
  words: number;
  effort?: SegmentEffort[];
}

/** Audits one chunk. Pure: the same chunk and context give the same result on any thread. */
export function auditLineChunk(chunk: LineChunk, ctx: ChunkContext, onProgress?: (stage: AuditStage, done: number, total: number) => void): ChunkResult {
  const progress = onProgress ?? (() => {});
  const pack = packFor(ctx.language.target);
  const input = {
    mt: { path: ctx.mtPath, text: chunk.mt },
    corrected: { path: ctx.correctedPath, text: chunk.corrected },
    ...(ctx.source ? { source: ctx.source } : {}),
    ...(ctx.glossary ? { glossary: ctx.glossary } : {}),
  };
  const pairs = alignSegments(chunk.mt, chunk.corrected, { segmentation: 'lines', pack, preTokenised: ctx.preTokenised });
  if (pairs.length !== chunk.before + chunk.count + chunk.after) throw new Error(`internal: a chunk of ${chunk.count} lines has ${pairs.length} segments`);
  const base = chunk.first - chunk.before; // segments (= lines) of the document before the window
  checkSegmentLengths(input, pairs, base);

  const from = chunk.before;
  const to = chunk.before + chunk.count;
  // Finding ids look ID_CONTEXT characters beyond the edit, possibly beyond the window: hash in the wider text.
  const idText = chunk.mtBefore + chunk.mt + chunk.mtAfter;
  const shift = chunk.mtBefore.length;
  const ids = (edits: Parameters<typeof assignIds>[0]) =>
    assignIds(
      edits.map((e) => ({ ...e, mt: { ...e.mt, start: e.mt.start + shift, end: e.mt.end + shift } })),
      idText,
    );
  const local = classifiedFindings(input, pairs, { window: pairs, from, to }, ctx, progress, ctx.language, ids);

  const lines = base; // line k + 1 holds segment k on both sides
  const at = (s: Span, offset: number): Span => ({ ...s, start: s.start + offset, end: s.end + offset, line: s.line + lines, endLine: s.endLine + lines });
  const findings = local.map((f) => ({
    ...f,
    segment: f.segment + base,
    mt: at(f.mt, chunk.mtOffset),
    corrected: at(f.corrected, chunk.correctedOffset),
    ...(f.moveTo ? { moveTo: { at: f.moveTo.at + chunk.mtOffset, text: f.moveTo.text } } : {}),
  }));

  const acc = new CorpusAccumulator({ targetLang: ctx.language.target });
  const segments: Segment[] = [];
  const effort: SegmentEffort[] = [];
  let words = 0;
  for (const p of pairs.slice(from, to)) {
    const mtText = chunk.mt.slice(p.mt.start, p.mt.end);
    const corText = chunk.corrected.slice(p.corrected.start, p.corrected.end);
    const s = acc.add(mtText, corText);
    const id = p.id + base;
    segments.push({
      id,
      mt: { start: p.mt.start + chunk.mtOffset, end: p.mt.end + chunk.mtOffset },
      corrected: { start: p.corrected.start + chunk.correctedOffset, end: p.corrected.end + chunk.correctedOffset },
      metrics: { ter: s.ter, hter: s.hter, chrf: s.chrf, chrfpp: s.chrfpp, bleu: s.bleu },
    });
    if (ctx.effort) effort.push(segmentEffort(id, mtText, corText));
    // Words never span a line break, so the document's count is the sum of its lines'.
    words += countWords(mtText);
  }
  progress('score', to - from, to - from);
  return { segments, findings, totals: acc.totals(), words, ...(ctx.effort ? { effort } : {}) };
}
