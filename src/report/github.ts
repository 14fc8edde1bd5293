import type { Finding, Report, Severity } from '../model.js';
import { describeChange, effectiveCategory, effectiveSeverity, keptFindings, severityRank } from './effective.js';
import type { FormatOptions } from './options.js';
import { withoutChange } from '../classify/describe.js';

// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…,endLine=…,endColumn=…,
// title=…::message` line per finding (critical/major → error, minor → warning, neutral → notice), worst first,
// capped at `maxAnnotations` (default 50: GitHub shows at most 50 annotations per job, 10 of each level per
// step), then one plain summary line that counts everything, including what the cap left out. Rejected
// findings are left out (and counted in the summary). Escaping follows @actions/core: `%`, CR and LF in the
// message; additionally `:` and `,` in property values.

export const DEFAULT_MAX_ANNOTATIONS = 50;

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  critical: 'error',
  major: 'error',
  minor: 'warning',
  neutral: 'notice',
};

export function formatGithub(report: Report, opts: FormatOptions = {}): string {
  const max = Math.max(0, opts.maxAnnotations ?? DEFAULT_MAX_ANNOTATIONS);
  const all: Array<{ f: Finding; path: string; order: number }> = [];
  let rejected = 0;
  for (const doc of report.documents) {
    rejected += doc.findings.length - keptFindings(doc).length;
    for (const f of keptFindings(doc)) all.push({ f, path: doc.mt.path, order: all.length });
  }
  // Worst first; the same severity in document order.
  const ranked = [...all].sort((a, b) => severityRank(effectiveSeverity(b.f)) - severityRank(effectiveSeverity(a.f)) || a.order - b.order);
  const shown = ranked.slice(0, max);
  const lines = shown.map(({ f, path }) => annotation(f, path));
  const bySev: Record<Severity, number> = { critical: 0, major: 0, minor: 0, neutral: 0 };
  for (const { f } of all) bySev[effectiveSeverity(f)]++;
  const parts = (['critical', 'major', 'minor', 'neutral'] as const).filter((s) => bySev[s]).map((s) => `${bySev[s]} ${s}`);
  let summary = `tqa: ${all.length} finding${all.length === 1 ? '' : 's'} in ${report.documents.length} document${report.documents.length === 1 ? '' : 's'}`;
  if (parts.length) summary += ` (${parts.join(', ')})`;
  if (shown.length < all.length) summary += `; ${shown.length} annotated, ${all.length - shown.length} not shown (limit ${max})`;
  if (rejected) summary += `; ${rejected} rejected by reviewers, left out`;
  lines.push(summary);
  if (opts.gate) {
    const verdict = opts.gate.pass ? 'passed' : 'failed';
    const msg = opts.gate.lines.length ? opts.gate.lines.join('; ') : `quality gate ${verdict}`;
    lines.push(`::${opts.gate.pass ? 'notice' : 'error'} title=${escapeProperty(`tqa gate: ${verdict}`)}::${escapeData(msg)}`);
  }
  return `${lines.join('\n')}\n`;
}

function annotation(f: Finding, path: string): string {
  const sev = effectiveSeverity(f);
  const cat = effectiveCategory(f);
  const props = [
    `file=${escapeProperty(path)}`,
    `line=${f.mt.line}`,
    `col=${f.mt.col}`,
    `endLine=${f.mt.endLine}`,
    `endColumn=${f.mt.endCol}`,
    `title=${escapeProperty(`tqa ${cat} (${sev}, ${f.type})`)}`,
  ];
  return `::${COMMAND[sev]} ${props.join(',')}::${escapeData(`${describeChange(f)}: ${withoutChange(f.message)}`)}`;
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
