import type { Report } from '../model.js';
import { correctionOf, effectiveCategory, effectiveSeverity } from '../report/effective.js';
import type { GateResult } from './gate.js';

/** The human-readable `tqa check` output: one line per finding (file:line:col severity category rule message
 *  → fix), a heading per document that says when the checks ran without a correction, and the gate's verdict. */
export function formatCheckText(report: Report, gate: GateResult): string {
  const out: string[] = [];
  for (const doc of report.documents) {
    const v = gate.documents.find((d) => d.document === doc.id && d.path === doc.mt.path);
    const mode = v?.referenceFree ? 'reference-free checks on the MT alone (no correction given)' : 'audit against the correction + checks';
    const extra = [
      v?.known ? `${v.known} in the baseline` : '',
      v?.ignored ? `${v.ignored} ignored` : '',
    ].filter(Boolean);
    out.push(
      `${doc.mt.path || doc.id}: ${mode}: ${doc.findings.length} finding${doc.findings.length === 1 ? '' : 's'}` +
        (extra.length ? ` (${extra.join(', ')})` : '') +
        `, MQM-based score ${doc.metrics.mqm.score.toFixed(2)}` +
        (v?.referenceFree ? '' : `, HTER ${doc.metrics.hter.toFixed(3)}`),
    );
    for (const f of doc.findings) {
      // Audit messages already show the correction; checks and learned rules add their proposed fix.
      const fix = f.origin === 'check' || f.origin === 'learned' ? correctionOf(f) : undefined;
      const proposal = fix !== undefined ? `  → ${JSON.stringify(fix)}` : '';
      out.push(`  ${doc.mt.path || doc.id}:${f.mt.line}:${f.mt.col}  ${effectiveSeverity(f)}  ${effectiveCategory(f)}  ${f.rule}  ${f.message}${proposal}`);
    }
  }
  out.push(...gate.lines.map((l) => (gate.pass ? l : `gate failed: ${l}`)));
  return `${out.join('\n')}\n`;
}
