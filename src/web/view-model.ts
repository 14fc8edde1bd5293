import { CATEGORIES, SEVERITIES, type Category, type DocumentReport, type Finding, type Severity } from '../model.js';
import type { FindingSnapshot, HistoryEntry, Resolution, StoredDecision } from '../store/index.js';
import type { RaterAgreement } from '../review/agreement.js';
import type { Vote } from '../review/raters.js';
import { LineIndex } from '../io/lines.js';
import { languageLine } from '../lang/index.js';
import { clip, correctionOf, countFindings, effectiveCategory, effectiveSeverity, fmt, sourceLinesPerSegment } from '../report/effective.js';
import { categoryClass } from './palette.js';
import { tagText, type TagText } from '../report/tags.js';
import { esc } from '../report/html.js';
import { sourceLineStarts } from '../review/annotations.js';
import {
  facetCounts,
  isFiltered,
  matches,
  statusOf,
  type FacetOption,
  type Facet,
  type Filters,
  type Status,
} from './filters.js';

// Everything the templates show, computed here so that templates only loop and escape. Pure functions.

export const LAYOUTS = ['highlight', 'side', 'diff'] as const;
export type Layout = (typeof LAYOUTS)[number];
export const LAYOUT_LABEL: Record<Layout, string> = { highlight: 'MT with highlights', side: 'Side by side', diff: 'Inline diff' };

/** Segments per page: keeps a 5,000-segment document with 20,000 findings fast to render and to script. */
export const PAGE_SIZE = 100;

export interface FindingView {
  /** Index in the document's findings: unique even if two findings share a fingerprint. */
  n: number;
  id: string;
  category: Category;
  catClass: string;
  type: string;
  severity: Severity;
  rule: string;
  message: string;
  operation: string;
  mt: string;
  corrected: string;
  /** The correction as one short line, for the hover/focus tooltip. */
  tip: string;
  status: Status;
  reviewer: string;
  at: string;
  comment: string;
  /** What the engine said, when a reviewer overrode it. */
  engineCategory: Category;
  engineSeverity: Severity;
  line: number;
  col: number;
  matches: boolean;
  /** Marked by hand by a reviewer (not found by a rule). */
  added: boolean;
  /** False when nobody gave a correction (a reviewer's mark or a check without a suggestion). */
  hasFix: boolean;
  /** A source issue: shown on the source column, no penalty to the MT. */
  sourceIssue: boolean;
  /** Merged view: who decided what ("ana: rejected · ben: fluency/grammar, major"), '' when nobody has. */
  votes: string;
  /** Merged view: raters disagree and no lead has settled it since. */
  disputed: boolean;
  /** Merged view: the lead whose resolution is the final decision, '' when none. */
  resolvedBy: string;
}

/** What the merged view adds to each finding: the raters' votes, open disagreements and leads' resolutions. */
export interface RaterMarks {
  votes: ReadonlyMap<string, readonly Vote[]>;
  disputed: ReadonlySet<string>;
  resolutions: ReadonlyMap<string, Resolution>;
}

export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'mark'; text: string; f: FindingView }
  | { kind: 'caret'; f: FindingView }
  | { kind: 'del'; text: string; f: FindingView }
  | { kind: 'ins'; text: string; f: FindingView };

export interface Row {
  segment: number;
  line: number;
  mt: Piece[];
  corrected: Piece[];
  diff: Piece[];
  source?: string;
  /** The source with its source issues highlighted, when the segment has any. */
  sourcePieces?: Piece[];
  /** The segment's corrected text, for editing it in place. */
  correctedText: string;
}

export interface ScoreView {
  preset: string;
  score: string;
  scoreLabel: string;
  pass: boolean;
  threshold: number;
  penalty: string;
  perThousand: string;
  words: number;
  hter: string;
  chrf: string;
}

export function scoreView(doc: DocumentReport): ScoreView {
  const m = doc.metrics;
  return {
    preset: m.mqm.preset,
    score: m.mqm.score.toFixed(2),
    scoreLabel: m.mqm.preset === 'wmt-google' ? 'MQM-based penalty (lower is better)' : 'MQM-based score',
    pass: m.mqm.pass,
    threshold: m.mqm.threshold,
    penalty: fmt(m.mqm.penalty),
    perThousand: fmt(m.mqm.perThousand),
    words: m.mqm.words,
    hter: m.hter.toFixed(3),
    chrf: m.chrf.toFixed(1),
  };
}


export interface Progress {
  decided: number;
  total: number;
  accepted: number;
  rejected: number;
}

export function progressOf(findings: readonly Finding[]): Progress {
  let accepted = 0;
  let rejected = 0;
  for (const f of findings) {
    const s = statusOf(f);
    if (s === 'accepted') accepted++;
    else if (s === 'rejected') rejected++;
  }
  return { decided: accepted + rejected, total: findings.length, accepted, rejected };
}

export interface CategoryCount {
  category: Category;
  cls: string;
  count: number;
}

/** The categories present among the findings (a reviewer's recategorisation wins), in taxonomy order. */
function categoriesOf(findings: readonly Finding[]): Category[] {
  const present = new Set(findings.map(effectiveCategory));
  return CATEGORIES.filter((c) => present.has(c));
}

export interface IndexRow {
  id: string;
  origin: 'folder' | 'upload';
  score: ScoreView;
  byCategory: CategoryCount[];
  bySeverity: Record<Severity, number>;
  progress: Progress;
  segments: number;
}

/** A row of the index. Its counts are the exports' (md, html): kept findings only, as the score counts them. */
export function indexRow(doc: DocumentReport, origin: 'folder' | 'upload'): IndexRow {
  const counts = countFindings(doc.findings);
  const byCategory = CATEGORIES.filter((c) => counts.byCategory.has(c)).map((c) => ({
    category: c,
    cls: categoryClass(c),
    count: SEVERITIES.reduce((n, s) => n + counts.byCategory.get(c)![s], 0),
  }));
  return {
    id: doc.id,
    origin,
    score: scoreView(doc),
    byCategory,
    bySeverity: counts.bySeverity,
    progress: progressOf(doc.findings),
    segments: doc.segments.length,
  };
}

export function findingView(f: Finding, n: number, filters: Filters, marks?: RaterMarks, show: TagText = (x) => x): FindingView {
  const category = effectiveCategory(f);
  const resolution = marks?.resolutions.get(f.id);
  return {
    n,
    id: f.id,
    category,
    catClass: categoryClass(category),
    type: f.type,
    severity: effectiveSeverity(f),
    rule: f.rule,
    message: f.message,
    operation: f.operation,
    mt: show(f.mt.text),
    // What the span should become: a reviewer's or a check's own suggestion, else the corrected span.
    corrected: show(correctionOf(f) ?? ''),
    hasFix: correctionOf(f) !== undefined,
    tip: show(tipFor(f)),
    status: statusOf(f),
    reviewer: f.decision?.reviewer ?? '',
    at: f.decision?.at ?? '',
    comment: f.decision?.comment ?? '',
    engineCategory: f.category,
    engineSeverity: f.severity,
    line: f.sourceSpan?.line ?? f.mt.line,
    col: f.sourceSpan?.col ?? f.mt.col,
    matches: matches(f, filters),
    added: f.origin === 'reviewer',
    sourceIssue: f.sourceSpan !== undefined,
    votes: (marks?.votes.get(f.id) ?? []).map((v) => `${v.rater}: ${v.label}`).join(' · '),
    disputed: marks?.disputed.has(f.id) ?? false,
    resolvedBy: resolution ? `${resolution.by} (${resolution.status})` : '',
  };
}

export interface AgreementView {
  raters: string[];
  items: number;
  agreement: string;
  category: { cohen?: string; fleiss: string };
  severity: { cohen?: string; fleiss: string };
  /** Span F1 of the errors each pair of raters marked themselves (pairs where either marked any). */
  added: Array<{ pair: string; chars: string; spans: string; matched: number }>;
}

/** Three decimals; "n/a" where a statistic is undefined (kappa when every rater used one label, or no items). */
const stat = (x: number | undefined): string => (x === undefined ? 'n/a' : x.toFixed(3));

/** The agreement statistics as the page prints them. */
export function agreementView(a: RaterAgreement): AgreementView {
  const kappas = (k: RaterAgreement['category']) => ({ ...(k.cohen ? { cohen: stat(k.cohen.kappa) } : {}), fleiss: stat(k.fleiss?.kappa) });
  return {
    raters: a.raters,
    items: a.items,
    agreement: stat(a.agreement),
    category: kappas(a.category),
    severity: kappas(a.severity),
    added: a.added
      .filter((p) => p.overlap.chars.f1 !== undefined || p.overlap.spans.f1 !== undefined)
      .map((p) => ({ pair: `${p.a}–${p.b}`, chars: stat(p.overlap.chars.f1), spans: stat(p.overlap.spans.f1), matched: p.overlap.spans.matched })),
  };
}

/** One line of about 80 characters for tooltips and the history (clip never cuts a surrogate pair in two). */
const short = (s: string) => clip(s, 80).replace(/\s+/g, ' ');

function tipFor(f: Finding): string {
  if (f.origin === 'reviewer' || f.origin === 'check' || f.origin === 'learned') {
    const fix = correctionOf(f);
    const what = f.sourceSpan ? 'source issue' : f.mt.start === f.mt.end ? 'text missing here' : 'marked';
    return fix === undefined ? what : f.mt.start === f.mt.end && !f.sourceSpan ? `insert “${short(fix)}”` : fix === '' ? `delete “${short(f.mt.text)}”` : `→ ${short(fix)}`;
  }
  if (f.operation === 'insert' || f.mt.start === f.mt.end) return `insert “${short(f.corrected.text)}”`;
  if (f.operation === 'delete' || f.corrected.text === '') return `delete “${short(f.mt.text)}”`;
  return `→ ${short(f.moveTo ? f.moveTo.text : f.corrected.text)}`;
}

export function snapshotOf(f: Finding): FindingSnapshot {
  return {
    segment: f.segment,
    line: f.mt.line,
    mt: f.mt.text,
    corrected: f.corrected.text,
    category: f.category,
    severity: f.severity,
    type: f.type,
  };
}

/** Splits [start, end) of `text` into plain text and highlighted pieces for the given findings' spans on one side.
 *  Empty spans become carets (something is missing there); a span overlapping an earlier one also becomes a caret
 *  at its start, so no finding is ever dropped from the view. */
export function highlightPieces(
  text: string,
  start: number,
  end: number,
  items: Array<{ f: FindingView; start: number; end: number }>,
): Piece[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end || a.f.n - b.f.n);
  const out: Piece[] = [];
  let cursor = start;
  for (const it of sorted) {
    const s = Math.min(Math.max(it.start, start), end);
    const e = Math.min(Math.max(it.end, s), end);
    if (s < cursor || s === e) {
      if (s > cursor) {
        out.push({ kind: 'text', text: text.slice(cursor, s) });
        cursor = s;
      }
      out.push({ kind: 'caret', f: it.f });
      continue;
    }
    if (s > cursor) out.push({ kind: 'text', text: text.slice(cursor, s) });
    out.push({ kind: 'mark', text: text.slice(s, e), f: it.f });
    cursor = e;
  }
  if (cursor < end) out.push({ kind: 'text', text: text.slice(cursor, end) });
  return out;
}

/** The inline diff of one segment: MT text with each finding's MT span struck through and its correction
 *  underlined after it; a long-distance move deletes at the old place and inserts at `moveTo.at`. */
export function diffPieces(text: string, start: number, end: number, findings: Array<{ f: Finding; view: FindingView }>): Piece[] {
  type Ev = { at: number; end: number; del: string; ins: string; view: FindingView; order: number };
  const evs: Ev[] = [];
  for (const { f, view } of findings) {
    evs.push({ at: f.mt.start, end: f.mt.end, del: f.mt.text, ins: f.moveTo ? '' : f.corrected.text, view, order: 0 });
    if (f.moveTo) {
      const at = Math.min(Math.max(f.moveTo.at, start), end);
      evs.push({ at, end: at, del: '', ins: f.moveTo.text, view, order: 1 });
    }
  }
  evs.sort((a, b) => a.at - b.at || a.end - b.end || a.order - b.order);
  const out: Piece[] = [];
  let cursor = start;
  for (const ev of evs) {
    const at = Math.min(Math.max(ev.at, start), end);
    if (at > cursor) {
      out.push({ kind: 'text', text: text.slice(cursor, at) });
      cursor = at;
    }
    // An overlapping span (at < cursor) has its deleted text shown already; show only its insertion.
    if (ev.del && at >= cursor) {
      const e = Math.min(Math.max(ev.end, at), end);
      out.push({ kind: 'del', text: text.slice(at, e), f: ev.view });
      cursor = e;
    }
    if (ev.ins) out.push({ kind: 'ins', text: ev.ins, f: ev.view });
  }
  if (cursor < end) out.push({ kind: 'text', text: text.slice(cursor, end) });
  return out;
}

export interface ChartBar {
  category: Category;
  cls: string;
  count: number;
  y: number;
  width: number;
}

export interface Chart {
  bars: ChartBar[];
  height: number;
  max: number;
}

/** A horizontal bar chart of findings by category (SVG coordinates: bars up to 100 units wide). */
export function categoryChart(options: FacetOption[]): Chart {
  const bars = options.filter((o) => o.count > 0);
  const max = Math.max(1, ...bars.map((b) => b.count));
  return {
    bars: bars.map((b, i) => ({
      category: b.value as Category,
      cls: categoryClass(b.value),
      count: b.count,
      y: i * 30,
      width: Math.max(1, (b.count / max) * 100),
    })),
    height: Math.max(30, bars.length * 30),
    max,
  };
}

export interface DocPage {
  id: string;
  layout: Layout;
  filters: Filters;
  filtered: boolean;
  facets: Record<Facet, FacetOption[]>;
  matching: number;
  /** Findings a bulk action would change: those matching the filters in the segments the search shows. */
  bulkCount: number;
  total: number;
  progress: Progress;
  score: ScoreView;
  chart: Chart;
  legend: Array<{ category: Category; cls: string }>;
  rows: Row[];
  /** Unaligned source text, shown as its own column when it cannot be paired with segments. */
  sourceText?: string;
  hasSource: boolean;
  page: number;
  pageCount: number;
  visibleSegments: number;
  totalSegments: number;
  /** The language the document was audited as and its pack (or that none exists), for the page banner. */
  language?: string;  /** The text searched for ('' for none). */
  search: string;
  /** A jump to a segment (1-based) and whether it is among the segments shown (filters, search). */
  jump?: { segment: number; found: boolean };
  /** Escaped HTML of a piece of text, inline tags drawn by name (see tagHtml). */
  html: (s: string) => string;
}

/** Escaped text where each inline-tag placeholder stays in the text (selection offsets count it as the one
 *  character it is) but is drawn as its name, ⟨g1⟩, by CSS from data-tag. */
export function tagHtml(doc: Pick<DocumentReport, 'tags'>): (s: string) => string {
  const tags = doc.tags;
  if (!tags) return esc;
  const show = tagText(doc);
  const chars = new Set(Object.keys(tags));
  return (s) => {
    let out = '';
    for (const c of s) out += chars.has(c) ? `<span class="tag" data-tag="${esc(show(c))}">${c}</span>` : esc(c);
    return out;
  };
}

/** The document view for one page of segments. With a filter, only segments holding a matching finding are
 *  paged through (so a rare category is not spread over empty pages). */
/** Finding a place in a big document: `q` keeps the segments whose MT, corrected or source text contains it
 *  (case-insensitive); `segment` (1-based) opens the page that holds that segment. */
export interface Find {
  q?: string;
  segment?: number;
}
export const MAX_SEARCH = 200;

/** The search text as the page uses it (trimmed, bounded). */
export function searchText(q: string | undefined): string {
  return (q ?? '').trim().slice(0, MAX_SEARCH);
}

/** The segments whose MT, corrected or (aligned) source text contains `q`, case-insensitive; undefined for no
 *  search. One definition for the page and for bulk actions, so a bulk action acts on exactly what is shown. */
export function searchSegments(doc: DocumentReport, q: string, alignedSource = doc.source ? sourceLinesPerSegment(doc.source.text, doc.segments.length) : undefined): Set<number> | undefined {
  if (q === '') return undefined;
  const needle = q.toLocaleLowerCase();
  const has = (t: string) => t.toLocaleLowerCase().includes(needle);
  const out = new Set<number>();
  for (const s of doc.segments) {
    if (has(doc.mt.text.slice(s.mt.start, s.mt.end)) || has(doc.corrected.text.slice(s.corrected.start, s.corrected.end)) || (alignedSource !== undefined && has(alignedSource[s.id] ?? ''))) out.add(s.id);
  }
  return out;
}

/** The findings a bulk action changes: those the filters match, in the segments the search shows. */
export function bulkTargets(doc: DocumentReport, filters: Filters, q: string): Finding[] {
  const hits = searchSegments(doc, searchText(q));
  return doc.findings.filter((f) => matches(f, filters) && (!hits || hits.has(f.segment)));
}

export function docPage(doc: DocumentReport, filters: Filters, layout: Layout, requestedPage: number, find: Find = {}, marks?: RaterMarks): DocPage {
  const filtered = isFiltered(filters);
  const matching = doc.findings.map((f) => matches(f, filters));
  const bySegment = new Map<number, number[]>();
  doc.findings.forEach((f, n) => {
    const list = bySegment.get(f.segment);
    if (list) list.push(n);
    else bySegment.set(f.segment, [n]);
  });
  const alignedSource = doc.source ? sourceLinesPerSegment(doc.source.text, doc.segments.length) : undefined;
  let visible = filtered ? doc.segments.filter((s) => (bySegment.get(s.id) ?? []).some((n) => matching[n])) : doc.segments;
  const q = searchText(find.q);
  const hits = searchSegments(doc, q, alignedSource);
  if (hits) visible = visible.filter((s) => hits.has(s.id));
  const pageCount = Math.max(1, Math.ceil(visible.length / PAGE_SIZE));
  let requested = requestedPage;
  let jump: DocPage['jump'];
  if (find.segment !== undefined) {
    const at = visible.findIndex((s) => s.id === find.segment! - 1);
    jump = { segment: find.segment, found: at >= 0 };
    if (at >= 0) requested = Math.floor(at / PAGE_SIZE) + 1;
  }
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pageCount);
  const slice = visible.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const showTags = tagText(doc);
  // Views only for the findings on this page: a 20,000-finding document shows a few hundred at a time.
  const views = new Map<number, FindingView>();
  const view = (n: number) => {
    let v = views.get(n);
    if (!v) views.set(n, (v = findingView(doc.findings[n]!, n, filters, marks, showTags)));
    return v;
  };

  const mtText = doc.mt.text;
  const corrText = doc.corrected.text;
  const lines = new LineIndex(mtText);
  let srcStarts: number[] | undefined;

  const rows: Row[] = slice.map((seg) => {
    const all = bySegment.get(seg.id) ?? [];
    // Source issues are drawn on the source column, never on the MT.
    const ns = all.filter((n) => !doc.findings[n]!.sourceSpan);
    const onSource = all.filter((n) => doc.findings[n]!.sourceSpan && matching[n]);
    const shown = ns.filter((n) => matching[n]);
    const row: Row = {
      segment: seg.id,
      line: lines.position(seg.mt.start).line,
      // Inline tags as ⟨g1⟩ … ⟨/g1⟩ for editing (the server turns them back into the tags).
      correctedText: showTags(corrText.slice(seg.corrected.start, seg.corrected.end)),
      mt: layout === 'diff' ? [] : highlightPieces(mtText, seg.mt.start, seg.mt.end, shown.map((n) => ({ f: view(n), ...spanOf(doc.findings[n]!, 'mt') }))),
      corrected:
        layout === 'side'
          ? highlightPieces(corrText, seg.corrected.start, seg.corrected.end, shown.map((n) => ({ f: view(n), ...spanOf(doc.findings[n]!, 'corrected') })))
          : [],
      diff: layout === 'diff' ? diffPieces(mtText, seg.mt.start, seg.mt.end, ns.map((n) => ({ f: doc.findings[n]!, view: view(n) }))) : [],
    };
    if (alignedSource) row.source = alignedSource[seg.id] ?? '';
    if (alignedSource && onSource.length > 0) {
      const at = (srcStarts ??= sourceLineStarts(doc.source!.text))[seg.id]!;
      const line = row.source ?? '';
      row.sourcePieces = highlightPieces(line, 0, line.length, onSource.map((n) => {
        const sp = doc.findings[n]!.sourceSpan!;
        return { f: view(n), start: sp.start - at, end: sp.end - at };
      }));
    }
    return row;
  });

  const facets = facetCounts(doc.findings, filters);
  const page_: DocPage = {
    id: doc.id,
    layout,
    filters,
    filtered,
    facets,
    matching: matching.filter(Boolean).length,
    bulkCount: hits ? doc.findings.filter((f, n) => matching[n] && hits.has(f.segment)).length : matching.filter(Boolean).length,
    total: doc.findings.length,
    progress: progressOf(doc.findings),
    score: scoreView(doc),
    chart: categoryChart(facets.category),
    legend: categoriesOf(doc.findings).map((category) => ({ category, cls: categoryClass(category) })),
    rows,
    hasSource: doc.source !== undefined,
    page,
    pageCount,
    visibleSegments: visible.length,
    totalSegments: doc.segments.length,
    search: q,
    html: tagHtml(doc),
    ...(jump ? { jump } : {}),
    ...(doc.language ? { language: languageLine(doc.language) } : {}),
  };
  if (doc.source && !alignedSource) page_.sourceText = doc.source.text;
  return page_;
}

function spanOf(f: Finding, side: 'mt' | 'corrected'): { start: number; end: number } {
  return { start: f[side].start, end: f[side].end };
}

export interface HistoryRow extends HistoryEntry {
  /** What the finding is, from the current audit or, for an orphan, from the snapshot kept with the decision. */
  what: string;
  orphaned: boolean;
}

export function historyRows(doc: DocumentReport, entries: HistoryEntry[], stored: StoredDecision[]): HistoryRow[] {
  const live = new Map(doc.findings.map((f) => [f.id, f]));
  const snaps = new Map(stored.map((d) => [d.findingId, d.snapshot]));
  return entries
    .slice()
    .reverse()
    .map((e) => {
      // An in-place edit of a correction is about a segment, not a finding.
      const edited = e.field === 'correction' ? /^segment:(\d+)$/.exec(e.findingId) : null;
      if (edited) return { ...e, what: `correction of segment ${Number(edited[1]) + 1}`, orphaned: false };
      const f = live.get(e.findingId);
      const snap = f ? snapshotOf(f) : snaps.get(e.findingId);
      return { ...e, what: snap ? describe(snap) : e.findingId, orphaned: !f };
    });
}

export function describe(s: FindingSnapshot): string {
  const mt = s.mt === '' ? '∅' : `“${short(s.mt)}”`;
  const corr = s.corrected === '' ? '∅' : `“${short(s.corrected)}”`;
  return `line ${s.line}: ${mt} → ${corr} (${s.category}, ${s.severity})`;
}

/** An ISO timestamp as a reader wants it: "2026-11-28 06:25:21 UTC". */
export function when(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
