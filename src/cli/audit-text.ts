import pc from 'picocolors';
import type { DocumentReport, Finding, Report, Severity } from '../model.js';
import { withoutChange } from '../classify/describe.js';
import { fmt } from '../report/effective.js';

/** A readable listing of an audit for a terminal: one line per finding, then the scores. Colour only when the
 *  output is a terminal. */
export function formatAuditText(report: Report, color = process.stdout.isTTY === true): string {
  const c = pc.createColors(color);
  const sev: Record<Severity, (s: string) => string> = { neutral: c.dim, minor: c.cyan, major: c.yellow, critical: c.red };
  const out: string[] = [];
  for (const doc of report.documents) {
    out.push(c.bold(`${doc.mt.path} → ${doc.corrected.path}`));
    for (const f of doc.findings) out.push(findingLine(f, c, sev));
    out.push('', summary(doc, c));
    out.push('');
  }
  return out.join('\n');
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

function summary(doc: DocumentReport, c: ReturnType<typeof pc.createColors>): string {
  const m = doc.metrics;
  const byCategory = new Map<string, number>();
  for (const f of doc.findings) byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
  const counts = [...byCategory].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  const verdict = m.mqm.pass ? c.green('PASS') : c.red('FAIL');
  return [
    `  ${doc.findings.length} findings in ${doc.segments.length} segments${counts ? `: ${counts}` : ''}`,
    `  HTER ${m.hter.toFixed(3)}  TER ${m.ter.toFixed(2)}  chrF ${m.chrf.toFixed(2)}  chrF++ ${m.chrfpp.toFixed(2)}  BLEU ${m.bleu.toFixed(2)}`,
    `  MQM-based (${m.mqm.preset}) score ${m.mqm.score.toFixed(2)}, penalty ${fmt(m.mqm.penalty)} over ${m.mqm.words} words ` +
      `(${fmt(m.mqm.perThousand)} per 1000), threshold ${m.mqm.threshold}: ${verdict}`,
  ].join('\n');
}
