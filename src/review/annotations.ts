// Errors a reviewer marked by hand (as Google's Anthea lets raters do): on the MT, what tqa missed; on the source,
// MQM's "source issue". They become ordinary Findings with origin 'reviewer', so the score, every export and the
// gate treat them like any other finding. A source issue is neutral: no penalty to the MT.
import { LineIndex } from '../io/lines.js';
import type { Category, Decision, DocumentReport, Finding, Severity, Span } from '../model.js';
import { sourceLinesPerSegment } from '../report/effective.js';

/** `start`/`end` are offsets into `segmentText`, the segment's text on that side when it was marked: the
 *  annotation is placed again on a segment with that text, so it survives a re-audit of an edited file. */
export interface Annotation {
  id: string;
  side: 'mt' | 'source';
  segment: number;
  segmentText: string;
  start: number;
  end: number;
  category: Category;
  severity: Severity;
  correction?: string;
  comment?: string;
  reviewer: string;
  at: string;
}
export type NewAnnotation = Omit<Annotation, 'id' | 'reviewer' | 'at'>;

export const SOURCE_ISSUE_RULE = 'reviewer/source-issue';
export const ADDED_RULE = 'reviewer/added';

/** The segments' texts on one side (the source only when its lines pair with the segments). */
export function segmentTexts(doc: DocumentReport, side: 'mt' | 'source'): string[] | undefined {
  if (side === 'mt') return doc.segments.map((s) => doc.mt.text.slice(s.mt.start, s.mt.end));
  return doc.source ? sourceLinesPerSegment(doc.source.text, doc.segments.length) : undefined;
}

/** Offsets of the source's non-empty lines (the lines sourceLinesPerSegment pairs with segments). */
export function sourceLineStarts(source: string): number[] {
  const out: number[] = [];
  const re = /[^\r\n]*(\r?\n|$)/g;
  for (let m = re.exec(source); m && m[0] !== ''; m = re.exec(source)) {
    if (m[0].trim() !== '') out.push(m.index);
  }
  return out;
}

/** Where an annotation's segment is now: its own number when the text there is unchanged, else the first segment
 *  with the same text; undefined when no segment has it any more (the annotation is then left out, not guessed). */
function place(texts: string[] | undefined, a: Annotation): number | undefined {
  if (!texts) return undefined;
  if (texts[a.segment] === a.segmentText) return a.segment;
  const i = texts.indexOf(a.segmentText);
  return i >= 0 ? i : undefined;
}

/** The annotations as findings, and those that could not be placed on the current text. */
export function annotationFindings(doc: DocumentReport, annotations: readonly Annotation[]): { findings: Finding[]; unplaced: Annotation[] } {
  if (annotations.length === 0) return { findings: [], unplaced: [] };
  const mtTexts = segmentTexts(doc, 'mt');
  const srcTexts = annotations.some((a) => a.side === 'source') ? segmentTexts(doc, 'source') : undefined;
  const mtLines = new LineIndex(doc.mt.text);
  const corrLines = new LineIndex(doc.corrected.text);
  let srcStarts: number[] | undefined;
  let srcLines: LineIndex | undefined;
  const findings: Finding[] = [];
  const unplaced: Annotation[] = [];
  for (const a of annotations) {
    const seg = place(a.side === 'mt' ? mtTexts : srcTexts, a);
    if (seg === undefined) {
      unplaced.push(a);
      continue;
    }
    const s = doc.segments[seg]!;
    const decision: Decision = { status: 'accepted', reviewer: a.reviewer, at: a.at };
    if (a.comment) decision.comment = a.comment;
    const corrected: Span = corrLines.span(s.corrected.start, s.corrected.start);
    const marked = a.segmentText.slice(a.start, a.end);
    if (a.side === 'source') {
      const at = (srcStarts ??= sourceLineStarts(doc.source!.text))[seg]! + a.start;
      // Nothing on the MT side is wrong: an empty span at the segment's start carries the location.
      findings.push({
        id: a.id,
        segment: seg,
        operation: 'replace',
        mt: mtLines.span(s.mt.start, s.mt.start),
        corrected,
        category: a.category,
        type: 'S:SOURCE',
        severity: 'neutral',
        rule: SOURCE_ISSUE_RULE,
        message: `Source issue: “${marked}”${a.correction ? ` should be “${a.correction}”` : ''}`,
        origin: 'reviewer',
        decision,
        sourceSpan: (srcLines ??= new LineIndex(doc.source!.text)).span(at, at + marked.length),
        ...(a.correction !== undefined ? { suggestion: a.correction } : {}),
      });
      continue;
    }
    const op = a.start === a.end ? 'insert' : a.correction === '' ? 'delete' : 'replace';
    findings.push({
      id: a.id,
      segment: seg,
      operation: op,
      mt: mtLines.span(s.mt.start + a.start, s.mt.start + a.end),
      corrected,
      category: a.category,
      type: `${op === 'insert' ? 'M' : op === 'delete' ? 'U' : 'R'}:ADDED`,
      severity: a.severity,
      rule: ADDED_RULE,
      message: `Marked by ${a.reviewer}${op === 'insert' ? ': something is missing here' : ''}`,
      origin: 'reviewer',
      decision,
      ...(a.correction !== undefined ? { suggestion: a.correction } : {}),
    });
  }
  return { findings, unplaced };
}
