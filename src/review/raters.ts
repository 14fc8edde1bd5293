// Several raters on one document: each rater's view (the audit with only that rater's decisions and own marked
// errors, scored as that rater would score it), the votes per finding for the merged view, and the agreement
// statistics of src/review/agreement.ts over the raters' views. Pure functions over what the store returns.
import { applyDecisions, type AuditOptions } from '../audit.js';
import { effectiveCategory, effectiveSeverity, isRejected } from '../decisions.js';
import type { Decision, DocumentReport, Finding } from '../model.js';
import type { Annotation } from './annotations.js';
import { raterAgreement, type RaterAgreement } from './agreement.js';

export interface RaterData {
  /** rater → finding id → that rater's own decision (Store.raterDecisions). */
  decisions: Map<string, Map<string, Decision>>;
  /** Every marked error of the document, each with its author (Store.annotations). */
  annotations: readonly Annotation[];
}

/** Everyone who rated the document: decided a finding or marked an error. Sorted. */
export function raterNames(data: RaterData): string[] {
  const names = new Set(data.decisions.keys());
  for (const a of data.annotations) names.add(a.reviewer);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** The document as one rater judged it: the rater's own decisions and marked errors only (others' marks are left
 *  out, and so are the rater's decisions on them), the score recomputed from those. */
export function raterDoc(report: DocumentReport, rater: string, data: RaterData, opts: AuditOptions = {}): DocumentReport {
  return applyDecisions(report, data.decisions.get(rater) ?? new Map(), opts, data.annotations.filter((a) => a.reviewer === rater));
}

export interface Vote {
  rater: string;
  status: 'accepted' | 'rejected';
  /** "rejected", or "category, severity" as the rater left them (their override or the finding's own). */
  label: string;
}

/** A rater's label for a decided finding (undefined when open): the unit of agreement. */
export function voteLabel(f: Finding): string | undefined {
  if (!f.decision || f.decision.status === 'open') return undefined;
  return isRejected(f) ? 'rejected' : `${effectiveCategory(f)}, ${effectiveSeverity(f)}`;
}

/** Per finding id, who decided what (raters in name order); findings nobody decided are absent. */
export function votesByFinding(views: ReadonlyMap<string, DocumentReport>): Map<string, Vote[]> {
  const out = new Map<string, Vote[]>();
  for (const [rater, doc] of [...views].sort(([a], [b]) => a.localeCompare(b))) {
    for (const f of doc.findings) {
      const label = voteLabel(f);
      if (label === undefined) continue;
      const list = out.get(f.id) ?? [];
      list.push({ rater, status: f.decision!.status as Vote['status'], label });
      out.set(f.id, list);
    }
  }
  return out;
}

/** Whether the votes on a finding differ (two raters or more, two labels or more). */
export function isSplit(votes: readonly Vote[] | undefined): boolean {
  return votes !== undefined && new Set(votes.map((v) => v.label)).size > 1;
}

/** The agreement of the raters' views, as the page shows it; undefined with fewer than two raters. */
export function pageAgreement(views: ReadonlyMap<string, DocumentReport>): RaterAgreement | undefined {
  if (views.size < 2) return undefined;
  return raterAgreement([...views].sort(([a], [b]) => a.localeCompare(b)).map(([rater, doc]) => ({ rater, findings: doc.findings })));
}
