// What every format needs to know about a finding once reviewer decisions are applied: its effective
// category and severity (a decision's override wins), whether a reviewer rejected it, and what the correction
// is. Keeping this in one place means the nine formats cannot disagree about a recategorised finding.
import { effectiveCategory, effectiveSeverity, isRejected } from '../decisions.js';
import { SEVERITIES, type Category, type DocumentReport, type Finding, type Range, type Segment, type Severity } from '../model.js';
import { sumEffort, withBands, type EffortAnalysis, type EffortTotals } from '../metrics/effort.js';
import type { FormatOptions } from './options.js';

export { effectiveCategory, effectiveSeverity, isRejected } from '../decisions.js';

/** The findings a reader should act on: all but the rejected ones, in document order. */
export function keptFindings(doc: DocumentReport): Finding[] {
  return sortedFindings(doc.findings.filter((f) => !isRejected(f)));
}

export function sortedFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.mt.start - b.mt.start || a.mt.end - b.mt.end || a.segment - b.segment);
}

/** The text the MT span should become, or undefined when nobody knows: a reference-free check or a learned
 *  rule carries a `suggestion` (maybe none), an audit finding carries the corrected span. A finding a reviewer
 *  added carries the correction they typed as `suggestion` (optional), else the corrected span when it has text. */
export function correctionOf(f: Finding): string | undefined {
  if (f.origin === 'check' || f.origin === 'learned') return f.suggestion;
  if (f.origin === 'reviewer') return f.suggestion ?? (f.corrected.text !== '' ? f.corrected.text : undefined);
  return f.corrected.text;
}

/** The change a finding asks for, in one phrase for messages (github, sarif): “MT” → “fix”, missing “fix”,
 *  delete “MT”, or just “MT” when no correction is known. */
export function describeChange(f: Finding): string {
  const corr = correctionOf(f);
  if (corr === undefined) return `“${f.mt.text}”`;
  if (f.mt.text === '') return `missing “${corr}”`;
  if (corr === '') return `delete “${f.mt.text}”`;
  if (f.operation === 'move' && f.mt.text.trim() === corr.trim()) return `“${f.mt.text.trim()}” moved`; // same words, elsewhere
  return `“${f.mt.text}” → “${corr}”`;
}

/** Severity rank: 0 neutral … 3 critical. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** Severities from the worst down, the order in which summaries list them. */
export const SEVERITIES_DESC: readonly Severity[] = [...SEVERITIES].reverse();

export interface FindingCounts {
  total: number;
  rejected: number;
  bySeverity: Record<Severity, number>;
  /** Category → severity → count, for kept findings only; categories in first-seen order. */
  byCategory: Map<Category, Record<Severity, number>>;
}

export function emptySeverityCounts(): Record<Severity, number> {
  return { neutral: 0, minor: 0, major: 0, critical: 0 };
}

/** Counts of kept (not rejected) findings by effective category and severity, plus the rejected count. */
export function countFindings(findings: Finding[]): FindingCounts {
  const counts: FindingCounts = { total: 0, rejected: 0, bySeverity: emptySeverityCounts(), byCategory: new Map() };
  for (const f of findings) {
    if (isRejected(f)) {
      counts.rejected++;
      continue;
    }
    const sev = effectiveSeverity(f);
    const cat = effectiveCategory(f);
    counts.total++;
    counts.bySeverity[sev]++;
    let row = counts.byCategory.get(cat);
    if (!row) counts.byCategory.set(cat, (row = emptySeverityCounts()));
    row[sev]++;
  }
  return counts;
}

/** Kept findings grouped by effective category, categories ordered by count (then name), findings in text order. */
export function groupByCategory(findings: Finding[]): Array<[Category, Finding[]]> {
  const groups = new Map<Category, Finding[]>();
  for (const f of sortedFindings(findings)) {
    if (isRejected(f)) continue;
    const cat = effectiveCategory(f);
    const list = groups.get(cat);
    if (list) list.push(f);
    else groups.set(cat, [f]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/** The 1-based number of a segment, as every human-facing format shows it (the model's ids are 0-based). */
export function segmentNumber(id: number): number {
  return id + 1;
}

/** Segments of a document plus any segment id that only findings mention (a reference-free check may report
 *  findings without a segment table), in id order. */
export function segmentIds(doc: DocumentReport): number[] {
  const ids = new Set<number>(doc.segments.map((s) => s.id));
  for (const f of doc.findings) ids.add(f.segment);
  return [...ids].sort((a, b) => a - b);
}

/** The source text per segment, when it can be known without an aligner: a source with exactly one non-empty line
 *  per segment (line-segmented corpora). Otherwise undefined (the web view then shows the source apart). */
export function sourceLinesPerSegment(source: string, segments: number): string[] | undefined {
  const lines = source.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.length === segments ? lines : undefined;
}

/** Rounds for display without trailing noise: 0.123456 → "0.1235". */
export function fmt(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  return Number(n.toFixed(digits)).toString();
}

/** One line of text: line breaks and tabs become visible marks, for formats whose cells are single-line. */
export function oneLine(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/\t/g, ' ');
}

/** Shortens a text to about `max` characters (never splitting a surrogate pair), with an ellipsis. */
export function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** Findings grouped by segment id (in the order given), so per-segment formats stay linear on long texts. */
export function findingsBySegment(findings: Finding[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.segment);
    if (list) list.push(f);
    else out.set(f.segment, [f]);
  }
  return out;
}

export function segmentsById(doc: DocumentReport): Map<number, Segment> {
  return new Map(doc.segments.map((s) => [s.id, s]));
}

/** A report of `tqa check` without a correction: no reference-based metrics were measured. */
export function isReferenceFree(doc: DocumentReport): boolean {
  return doc.corrected.path === '' && doc.corrected.text === '';
}

/** The metric rows of a document summary (label, value), shared by md and html. Reference-based metrics are
 *  left out of a reference-free report, where they were not measured. */
export function summaryRows(doc: DocumentReport, findingsCell: string): Array<[string, string]> {
  const m = doc.metrics;
  const rows: Array<[string, string]> = [];
  if (!isReferenceFree(doc)) {
    rows.push(
      ['Segments', String(doc.segments.length)],
      ['HTER', fmt(m.hter, 4)],
      ['TER', fmt(m.ter)],
      ['chrF', fmt(m.chrf)],
      ['chrF++', fmt(m.chrfpp)],
      ['BLEU', fmt(m.bleu)],
    );
  } else rows.push(['Reference metrics', 'not measured (no correction: reference-free checks)']);
  rows.push(
    [`MQM-based score (${m.mqm.preset})`, `${fmt(m.mqm.score)} (threshold ${fmt(m.mqm.threshold)}: ${m.mqm.pass ? 'pass' : 'fail'})`],
    ['MQM penalty per 1000 words', fmt(m.mqm.perThousand)],
    ['Findings', findingsCell],
  );
  return rows;
}

/** The MT range of a segment: the segment table's, or, for a segment known only from its findings (a
 *  reference-free report has no table), the whole lines those findings sit on. */
export function segmentRange(doc: DocumentReport, seg: Segment | undefined, findings: Finding[]): Range {
  if (seg) return seg.mt;
  const text = doc.mt.text;
  const start = Math.min(...findings.map((f) => f.mt.start));
  const end = Math.max(...findings.map((f) => f.mt.end));
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = end > start && text[end - 1] === '\n' ? end - 1 : text.indexOf('\n', end);
  let lineEnd = nl === -1 ? text.length : nl;
  if (lineEnd > end && text[lineEnd - 1] === '\r') lineEnd--;
  return { start: lineStart, end: Math.max(lineEnd, end) };
}

/** The source text of each segment id, when the source has one non-empty line per segment (see
 *  sourceLinesPerSegment); undefined when there is no source or it cannot be matched to segments without an aligner. */
export function segmentSources(doc: DocumentReport): Map<number, string> | undefined {
  if (!doc.source) return undefined;
  const ids = segmentIds(doc);
  const lines = sourceLinesPerSegment(doc.source.text, ids.length);
  return lines ? new Map(ids.map((id, i) => [id, lines[i]!])) : undefined;
}

/** A file's name without its folders, for reports a client reads: a server's paths (`/srv/tqa/texts/…`) are not
 *  the client's business, and a report must not leak them. Both separators count (a Windows path in a JSON report). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter((p) => p !== '').at(-1) ?? '';
}

/** What happened to a finding in review, in words for a client: "accepted by ana", "recategorised by ana (was
 *  fluency/grammar, minor)", "added by ana", "rejected by ben" — with the comment after a colon. Empty when nobody
 *  decided and nobody added it. */
export function reviewStatus(f: Finding): string {
  const d = f.decision;
  const by = d?.reviewer ? ` by ${d.reviewer}` : '';
  const parts: string[] = [];
  if (isReviewerAdded(f)) parts.push(`added${f.decision?.reviewer ? by : ''}`);
  else if (d && d.status !== 'open') parts.push(`${d.status}${by}`);
  if (d && isRecategorised(f)) parts.push(`recategorised${parts.length ? '' : by} (was ${f.category}, ${f.severity})`);
  else if (d && d.status === 'open' && !isReviewerAdded(f)) parts.push(`open${by}`);
  const head = parts.join(', ');
  return d?.comment ? `${head}${head ? ': ' : ''}${d.comment}` : head;
}

/** A decision changed the finding's category or severity. */
export function isRecategorised(f: Finding): boolean {
  const d = f.decision;
  return !!d && ((d.category !== undefined && d.category !== f.category) || (d.severity !== undefined && d.severity !== f.severity));
}

/** A finding a reviewer marked by hand (an error tqa missed), not one a rule found. */
export function isReviewerAdded(f: Finding): boolean {
  return f.origin === 'reviewer';
}

/** A document's effort analysis, re-banded when the format was given other bands; undefined when not measured. */
export function effortOf(doc: DocumentReport, opts: FormatOptions = {}): EffortAnalysis | undefined {
  if (!doc.effort) return undefined;
  return opts.effortBands ? withBands(doc.effort.segments, opts.effortBands) : doc.effort;
}

/** The folder's effort (the documents' bands summed), when two or more documents were measured. */
export function folderEffort(docs: DocumentReport[], opts: FormatOptions = {}): EffortTotals | undefined {
  const measured = docs.flatMap((d) => (d.effort ? [d.effort] : []));
  return measured.length >= 2 ? sumEffort(measured, opts.effortBands) : undefined;
}

/** The rows of an effort table: band, segments, MT words, share of the words (percent, one decimal). */
export function effortRows(e: Pick<EffortAnalysis, 'bands' | 'words'>): Array<[string, string, string, string]> {
  const rows = e.bands.map((b): [string, string, string, string] => [b.label, String(b.segments), String(b.words), share(b.words, e.words)]);
  rows.push(['Total', String(e.bands.reduce((n, b) => n + b.segments, 0)), String(e.words), e.words ? '100.0' : '0']);
  return rows;
}

function share(part: number, whole: number): string {
  return whole ? (Math.round((1000 * part) / whole) / 10).toFixed(1) : '0';
}

export const EFFORT_HEADER = ['Similarity (MT vs. post-edit)', 'Segments', 'Words', '% of words'] as const;

/** One line on how the similarity was measured, under every effort table. */
export const EFFORT_NOTE =
  'Similarity = 100 × (1 − character Levenshtein distance / longer segment length), floored; words are MT words.';
