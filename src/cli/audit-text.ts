import pc from 'picocolors';
import type { DocumentReport, Finding, Report, Severity } from '../model.js';
import { withoutChange } from '../classify/describe.js';
import { fmt } from '../report/effective.js';

/** A readable listing of an audit for a terminal: one line per finding, then the scores. Colour only when the
 *  output is a terminal. */
export function formatAuditText(report: Report, color = process.stdout.isTTY === true): string {
  const text = auditTextParts(color);
  const out: string[] = [];
  for (const doc of report.documents) {
    out.push(text.header(doc.mt.path, doc.corrected.path));
    for (const f of doc.findings) out.push(text.finding(f));
    out.push('', text.summary(summaryOf(doc)));
    out.push('');
  }
  return out.join('\n');
}

/** What the summary says of a document (src/stream/stream-audit.ts sums it chunk by chunk). */
export interface AuditSummary {
  findings: number;
  segments: number;
  /** Findings per category, in the order categories first occur. */
  byCategory: Map<string, number>;
  metrics: DocumentReport['metrics'];
}

function summaryOf(doc: DocumentReport): AuditSummary {
  const byCategory = new Map<string, number>();
  for (const f of doc.findings) byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
  return { findings: doc.findings.length, segments: doc.segments.length, byCategory, metrics: doc.metrics };
}

/** The listing's pieces, for a listing written as it is made (a streamed audit): a document's header line, one
 *  line per finding, its summary. formatAuditText is header, findings, '', summary, '' joined by line breaks. */
export function auditTextParts(color: boolean): { header: (mt: string, corrected: string) => string; finding: (f: Finding) => string; summary: (s: AuditSummary) => string } {
  const c = pc.createColors(color);
  const sev: Record<Severity, (s: string) => string> = { neutral: c.dim, minor: c.cyan, major: c.yellow, critical: c.red };
  return { header: (mt, corrected) => c.bold(`${mt} → ${corrected}`), finding: (f) => findingLine(f, c, sev), summary: (s) => summary(s, c) };
}

function findingLine(f: Finding, c: ReturnType<typeof pc.createColors>, sev: Record<Severity, (s: string) => string>): string {
  const where = `${f.mt.line}:${f.mt.col}`.padEnd(7);
  const moved = f.operation === 'move' && f.mt.text.trim() === f.corrected.text.trim(); // same words, elsewhere
  const change = moved ? `${show(f.mt.text.trim())} moved` : `${show(f.mt.text)} → ${show(f.corrected.text)}`;
  // Most messages restate the change before a colon; the listing already shows it.
  const message = withoutChange(f.message);
  return `  ${c.dim(where)} ${sev[f.severity](f.severity.padEnd(8))} ${f.category.padEnd(30)} ${f.type.padEnd(13)} ${change}  ${c.dim(`${message} [${f.rule}]`)}`;
}

/** Makes whitespace visible and keeps a listing line on one line. */
function show(s: string): string {
  if (s === '') return '∅';
  return `"${s.replace(/\r?\n/g, '⏎').replace(/\t/g, '⇥')}"`;
}

function summary(doc: AuditSummary, c: ReturnType<typeof pc.createColors>): string {
  const m = doc.metrics;
  const counts = [...doc.byCategory].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  const verdict = m.mqm.pass ? c.green('PASS') : c.red('FAIL');
  return [
    `  ${doc.findings} findings in ${doc.segments} segments${counts ? `: ${counts}` : ''}`,
    `  HTER ${m.hter.toFixed(3)}  TER ${m.ter.toFixed(2)}  chrF ${m.chrf.toFixed(2)}  chrF++ ${m.chrfpp.toFixed(2)}  BLEU ${m.bleu.toFixed(2)}`,
    `  MQM-based (${m.mqm.preset}) score ${m.mqm.score.toFixed(2)}, penalty ${fmt(m.mqm.penalty)} over ${m.mqm.words} words ` +
      `(${fmt(m.mqm.perThousand)} per 1000), threshold ${m.mqm.threshold}: ${verdict}`,
  ].join('\n');
}
