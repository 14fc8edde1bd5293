import { tagText, type TagText } from './tags.js';
import type { DocumentReport, Finding, Report } from '../model.js';
import type { EffortAnalysis, EffortTotals } from '../metrics/effort.js';
import {
  EFFORT_HEADER,
  EFFORT_NOTE,
  SEVERITIES_DESC,
  correctionOf,
  countFindings,
  effectiveSeverity,
  effortOf,
  effortRows,
  fileName,
  folderEffort,
  groupByCategory,
  oneLine,
  reviewStatus,
  segmentNumber,
  segmentSources,
  summaryRows,
} from './effective.js';
import type { FormatOptions } from './options.js';

/** A Markdown report (GitHub-flavoured tables): per document a metrics table, a category × severity table and
 *  the findings grouped by category. Rejected findings are left out of tables and counts; their number is
 *  stated. Every piece of user text is escaped so that it renders as text (no HTML, no emphasis, no links)
 *  and cannot break a table cell. */
export function formatMarkdown(report: Report, opts: FormatOptions = {}): string {
  const out: string[] = [];
  out.push(`# Translation-quality report`, '');
  out.push(`${report.tool.name} ${report.tool.version} · ${plural(report.documents.length, 'document')}`, '');
  if (opts.gate) {
    out.push(`## Gate: ${opts.gate.pass ? 'passed' : 'FAILED'}`, '');
    for (const line of opts.gate.lines) out.push(`- ${mdText(line)}`);
    if (opts.gate.lines.length) out.push('');
  }
  for (const doc of report.documents) out.push(...documentSection(doc, opts));
  const total = folderEffort(report.documents, opts);
  if (total) out.push(`## All documents: post-editing effort (${total.documents} documents)`, '', ...effortSection(total));
  return `${out.join('\n').trimEnd()}\n`;
}

function documentSection(doc: DocumentReport, opts: FormatOptions): string[] {
  const out: string[] = [];
  const counts = countFindings(doc.findings);
  out.push(`## ${mdText(doc.id)}`, '');
  out.push(`MT: ${mdText(fileName(doc.mt.path))} · corrected: ${doc.corrected.path ? mdText(fileName(doc.corrected.path)) : 'none (reference-free checks)'}`, '');
  const findingsCell = `${counts.total}${counts.rejected ? ` (${counts.rejected} rejected by reviewers, left out)` : ''}`;
  out.push(...table(['Metric', 'Value'], summaryRows(doc, findingsCell).map(([k, v]) => [mdText(k), mdText(v)])), '');
  const effort = effortOf(doc, opts);
  if (effort) out.push('### Post-editing effort', '', ...effortSection(effort));
  if (counts.total === 0) {
    out.push('No findings.', '');
    return out;
  }
  out.push('### Findings by category and severity', '');
  const catRows = [...counts.byCategory].map(([cat, bySev]) => [
    mdText(cat),
    ...SEVERITIES_DESC.map((s) => String(bySev[s])),
    String(SEVERITIES_DESC.reduce((n, s) => n + bySev[s], 0)),
  ]);
  catRows.sort((a, b) => Number(b.at(-1)) - Number(a.at(-1)) || a[0]!.localeCompare(b[0]!));
  catRows.push(['**Total**', ...SEVERITIES_DESC.map((s) => String(counts.bySeverity[s])), String(counts.total)]);
  out.push(...table(['Category', ...SEVERITIES_DESC.map(cap), 'Total'], catRows), '');
  const sources = segmentSources(doc);
  const t = tagText(doc);
  for (const [cat, findings] of groupByCategory(doc.findings)) {
    out.push(`### ${mdText(cat)} (${findings.length})`, '');
    out.push(
      ...table(
        ['Segment', 'Line:col', ...(sources ? ['Source'] : []), 'MT', 'Correction', 'Type', 'Severity', 'Review', 'Message'],
        findings.map((f) => findingRow(f, sources, t)),
      ),
      '',
    );
  }
  return out;
}

/** The band table and how it was measured. */
function effortSection(effort: EffortAnalysis | EffortTotals): string[] {
  return [...table([...EFFORT_HEADER], effortRows(effort).map((r) => r.map(mdText))), '', mdText(EFFORT_NOTE), ''];
}

function findingRow(f: Finding, sources: Map<number, string> | undefined, t: TagText): string[] {
  const corr = correctionOf(f);
  return [
    String(segmentNumber(f.segment)),
    `${f.mt.line}:${f.mt.col}`,
    ...(sources ? [mdText(t(sources.get(f.segment) ?? ''))] : []),
    f.mt.text === '' ? '∅' : mdText(t(f.mt.text)),
    corr === undefined ? '?' : corr === '' ? '∅' : mdText(t(corr)),
    mdText(f.type),
    effectiveSeverity(f),
    mdText(reviewStatus(f)),
    mdText(t(f.message)),
  ];
}

function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

/** Escapes text for a Markdown table cell or heading: HTML-significant characters become entities (so
 *  `<script>` shows as text), the punctuation that makes emphasis, code, links, strike-through, math or a
 *  cell break is backslash-escaped, line breaks become a visible ⏎.
 *  A `|` inside a cell must be `\|` even in GFM, which is what the escape gives. */
export function mdText(s: string): string {
  return oneLine(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#$]/g, (c) => `\\${c}`);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
