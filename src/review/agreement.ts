// Inter-rater agreement as MQM studies report it: per-finding agreement (the share of rater pairs that agree on a
// finding), chance-corrected agreement on categories and severities — Cohen's kappa for two raters (Cohen 1960),
// Fleiss' kappa for any number (Fleiss 1971, "Measuring nominal scale agreement among many raters") — and, for the
// errors raters marked themselves, span overlap precision/recall/F1 (character-level, as the WMT MQM span metrics
// do, and span-level with one-to-one matching). Pure functions over plain data; tests/review/agreement.test.ts
// checks them against the worked examples of Wikipedia, statsmodels and R's irr.

import { effectiveCategory, effectiveSeverity, isRejected } from '../decisions.js';
import type { Finding } from '../model.js';

export interface CohenKappa {
  /** Items both raters labelled. */
  items: number;
  /** Observed agreement p_o (share of items with the same label). */
  observed: number;
  /** Agreement expected by chance p_e, from each rater's own label frequencies. */
  expected: number;
  /** (p_o − p_e) / (1 − p_e); undefined when p_e = 1 (both raters used one and the same label: nothing to correct). */
  kappa: number | undefined;
}

/** Cohen's kappa from a square contingency table: table[i][j] = items rater A put in category i and rater B in j. */
export function cohenKappaFromTable(table: readonly (readonly number[])[]): CohenKappa {
  const k = table.length;
  for (const row of table) if (row.length !== k) throw new RangeError(`Cohen's kappa: the table must be square (${k} rows, a row of ${row.length})`);
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = table[i]![j]!;
      n += c;
      rows[i]! += c;
      cols[j]! += c;
      if (i === j) agree += c;
    }
  }
  if (n === 0) return { items: 0, observed: 1, expected: 1, kappa: undefined };
  const observed = agree / n;
  let expected = 0;
  for (let i = 0; i < k; i++) expected += (rows[i]! / n) * (cols[i]! / n);
  return { items: n, observed, expected, kappa: kappaOf(observed, expected) };
}

/** Cohen's kappa of two raters' labels on the same items (a[i] and b[i] label item i). */
export function cohenKappa(a: readonly string[], b: readonly string[]): CohenKappa {
  if (a.length !== b.length) throw new RangeError(`Cohen's kappa: the raters labelled ${a.length} and ${b.length} items; give the same items`);
  const labels = [...new Set([...a, ...b])].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const table = labels.map(() => new Array<number>(labels.length).fill(0));
  a.forEach((x, i) => table[index.get(x)!]![index.get(b[i]!)!]!++);
  return cohenKappaFromTable(table);
}

export interface FleissKappa {
  subjects: number;
  /** Raters per subject (the same for every subject). */
  raters: number;
  /** P_i: the share of rater pairs agreeing on subject i. */
  perSubject: number[];
  /** p_j: the share of all assignments to category j. */
  perCategory: number[];
  /** P̄, the mean of P_i. */
  observed: number;
  /** P̄_e = Σ p_j². */
  expected: number;
  /** (P̄ − P̄_e) / (1 − P̄_e); undefined when P̄_e = 1. */
  kappa: number | undefined;
}

/** Fleiss' kappa from counts: counts[i][j] = raters who put subject i in category j; every row sums to the same n ≥ 2. */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissKappa {
  if (counts.length === 0) throw new RangeError("Fleiss' kappa: no subjects");
  const k = counts[0]!.length;
  const n = sum(counts[0]!);
  if (n < 2) throw new RangeError(`Fleiss' kappa: each subject needs at least 2 ratings (subject 1 has ${n})`);
  const perSubject: number[] = [];
  const totals = new Array<number>(k).fill(0);
  counts.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`Fleiss' kappa: subject ${i + 1} has ${row.length} categories, subject 1 has ${k}`);
    if (sum(row) !== n) throw new RangeError(`Fleiss' kappa: subject ${i + 1} has ${sum(row)} ratings, subject 1 has ${n}; every subject needs the same number`);
    let pairs = 0;
    row.forEach((c, j) => {
      totals[j]! += c;
      pairs += c * (c - 1);
    });
    perSubject.push(pairs / (n * (n - 1)));
  });
  const all = counts.length * n;
  const perCategory = totals.map((t) => t / all);
  const observed = sum(perSubject) / counts.length;
  const expected = sum(perCategory.map((p) => p * p));
  return { subjects: counts.length, raters: n, perSubject, perCategory, observed, expected, kappa: kappaOf(observed, expected) };
}

/** Fleiss' kappa from labels: labels[i] are the labels the raters gave subject i (the same number for each). */
export function fleissKappaFromLabels(labels: readonly (readonly string[])[]): FleissKappa {
  const categories = [...new Set(labels.flat())].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  return fleissKappa(
    labels.map((row) => {
      const counts = new Array<number>(categories.length).fill(0);
      for (const l of row) counts[index.get(l)!]!++;
      return counts;
    }),
  );
}

function kappaOf(observed: number, expected: number): number | undefined {
  return expected >= 1 ? undefined : (observed - expected) / (1 - expected);
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

// ---- Spans: the errors raters marked themselves.

export interface MarkedSpan {
  start: number;
  end: number;
  /** When given, span-level matching also requires the same category. */
  category?: string;
}

export interface SpanOverlap {
  /** Character level: characters inside both raters' spans / characters inside A's (precision) or B's (recall). */
  chars: PrecisionRecall;
  /** Span level: spans matched one-to-one by overlap (and category, when both carry one), largest overlap first. */
  spans: PrecisionRecall & { matched: number };
}

export interface PrecisionRecall {
  precision: number | undefined;
  recall: number | undefined;
  /** Harmonic mean; undefined when neither rater marked anything (nothing to agree on). */
  f1: number | undefined;
}

/** Overlap of rater A's spans with rater B's (B as the reference: precision over A, recall over B). Overlapping
 *  spans of one rater count their characters once. Insertion points (empty spans) take part in span matching only
 *  when both raters marked the same point. */
export function spanOverlap(a: readonly MarkedSpan[], b: readonly MarkedSpan[]): SpanOverlap {
  const ca = union(a);
  const cb = union(b);
  const both = intersectionLength(ca, cb);
  const la = length(ca);
  const lb = length(cb);
  const chars = prf(both, la, lb);
  const pairs: Array<{ i: number; j: number; overlap: number }> = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      if (x.category !== undefined && y.category !== undefined && x.category !== y.category) return;
      const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      const samePoint = x.start === x.end && y.start === y.end && x.start === y.start;
      if (overlap > 0 || samePoint) pairs.push({ i, j, overlap: Math.max(overlap, 0) });
    }),
  );
  pairs.sort((p, q) => q.overlap - p.overlap || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
  }
  return { chars, spans: { ...prf(usedA.size, a.length, b.length), matched: usedA.size } };
}

function prf(hit: number, ofA: number, ofB: number): PrecisionRecall {
  const precision = ofA ? hit / ofA : undefined;
  const recall = ofB ? hit / ofB : undefined;
  if (!ofA && !ofB) return { precision, recall, f1: undefined };
  return { precision, recall, f1: (2 * hit) / (ofA + ofB) };
}

function union(spans: readonly MarkedSpan[]): Array<[number, number]> {
  const sorted = spans.filter((s) => s.end > s.start).map((s): [number, number] => [s.start, s.end]).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([...s]);
  }
  return out;
}

function length(r: Array<[number, number]>): number {
  return r.reduce((n, [s, e]) => n + e - s, 0);
}

function intersectionLength(a: Array<[number, number]>, b: Array<[number, number]>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    n += Math.max(0, Math.min(a[i]![1], b[j]![1]) - Math.max(a[i]![0], b[j]![0]));
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return n;
}

// ---- tqa's findings as several raters judged them.

/** One rater's view of a document: the tool's findings with this rater's decisions, plus the errors the rater added. */
export interface RaterView {
  rater: string;
  findings: readonly Finding[];
}

export interface FindingAgreement {
  id: string;
  /** Each rater's label: "rejected", or the effective "category/severity". */
  labels: Record<string, string>;
  /** The share of rater pairs giving the same label (Fleiss' P_i). */
  agreement: number;
}

export interface RaterAgreement {
  raters: string[];
  /** Tool findings every rater decided (rejected, accepted or recategorised), the items the statistics below use. */
  items: number;
  findings: FindingAgreement[];
  /** Mean per-finding agreement. */
  agreement: number | undefined;
  /** On the effective category, "rejected" being one more category (the rater saw no error). */
  category: { fleiss: FleissKappa | undefined; cohen: CohenKappa | undefined };
  /** On the effective severity, "rejected" likewise. */
  severity: { fleiss: FleissKappa | undefined; cohen: CohenKappa | undefined };
  /** Pairwise span overlap of the errors the raters added themselves (origin "reviewer"), by MT offsets. */
  added: Array<{ a: string; b: string; overlap: SpanOverlap }>;
}

/** Agreement of two or more raters on one document's findings. A finding counts when every rater decided it (an
 *  undecided finding says nothing about a rater's judgement); Cohen's kappa is given for exactly two raters. */
export function raterAgreement(views: readonly RaterView[]): RaterAgreement {
  if (views.length < 2) throw new RangeError(`agreement: needs at least 2 raters (got ${views.length})`);
  const raters = views.map((v) => v.rater);
  const decided = views.map((v) => new Map(v.findings.filter((f) => f.origin !== 'reviewer' && f.decision && f.decision.status !== 'open').map((f) => [f.id, f])));
  const common = [...decided[0]!.keys()].filter((id) => decided.every((m) => m.has(id))).sort();
  const label = (f: Finding, part: 'both' | 'category' | 'severity') =>
    isRejected(f) ? 'rejected' : part === 'category' ? effectiveCategory(f) : part === 'severity' ? effectiveSeverity(f) : `${effectiveCategory(f)}/${effectiveSeverity(f)}`;
  const findings = common.map((id): FindingAgreement => {
    const ls = decided.map((m) => label(m.get(id)!, 'both'));
    let same = 0;
    for (let i = 0; i < ls.length; i++) for (let j = i + 1; j < ls.length; j++) if (ls[i] === ls[j]) same++;
    return { id, labels: Object.fromEntries(raters.map((r, i) => [r, ls[i]!])), agreement: same / ((ls.length * (ls.length - 1)) / 2) };
  });
  const stats = (part: 'category' | 'severity') => {
    const rows = common.map((id) => decided.map((m) => label(m.get(id)!, part)));
    return {
      fleiss: rows.length ? fleissKappaFromLabels(rows) : undefined,
      cohen: rows.length && views.length === 2 ? cohenKappa(rows.map((r) => r[0]!), rows.map((r) => r[1]!)) : undefined,
    };
  };
  const added: RaterAgreement['added'] = [];
  const own = views.map((v) => v.findings.filter((f) => f.origin === 'reviewer').map((f) => ({ start: f.mt.start, end: f.mt.end, category: effectiveCategory(f) })));
  for (let i = 0; i < views.length; i++) for (let j = i + 1; j < views.length; j++) added.push({ a: raters[i]!, b: raters[j]!, overlap: spanOverlap(own[i]!, own[j]!) });
  return {
    raters,
    items: common.length,
    findings,
    agreement: findings.length ? sum(findings.map((f) => f.agreement)) / findings.length : undefined,
    category: stats('category'),
    severity: stats('severity'),
    added,
  };
}
