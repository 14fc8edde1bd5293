import { tagText, type TagText } from './tags.js';
import type { Category, DocumentReport, Finding, Report, Severity } from '../model.js';
import {
  SEVERITIES_DESC,
  correctionOf,
  countFindings,
  effectiveCategory,
  effectiveSeverity,
  EFFORT_HEADER,
  EFFORT_NOTE,
  effortOf,
  effortRows,
  fileName,
  fmt,
  folderEffort,
  groupByCategory,
  isRecategorised,
  isRejected,
  isReviewerAdded,
  reviewStatus,
  segmentNumber,
  segmentSources,
  sortedFindings,
  summaryRows,
} from './effective.js';
import type { EffortAnalysis, EffortTotals } from '../metrics/effort.js';
import { languageLine } from '../lang/index.js';
import type { FormatOptions } from './options.js';

// One self-contained HTML file: styles inline, charts as inline SVG, no script, no external resource (a CSP
// meta tag forbids any, so even a bug in the escaping could not run code or reach the network). It prints.
// Kept findings are highlighted in the text and listed by category; rejected ones are listed apart, struck
// through, and are not highlighted or counted.

const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: '#8e0000',
  major: '#d9480f',
  minor: '#e8b500',
  neutral: '#8a94a6',
};

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d2330; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #dde1e8; } h3 { margin-top: 1.8rem; }
.meta, .paths { color: #5a6376; font-size: .9rem; }
table { border-collapse: collapse; margin: .6rem 0; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #dde1e8; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.metrics { width: auto; }
.gate { padding: .6rem 1rem; border-radius: 6px; margin: 1rem 0; }
.gate.pass { background: #e6f4ea; border: 1px solid #7cc48f; } .gate.fail { background: #fdecea; border: 1px solid #e59a92; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
.tag { color: #5b3f8c; background: #f1ecf9; border-radius: 3px; padding: 0 2px; font-family: ui-monospace, monospace; font-size: 0.85em; }
.text { white-space: pre-wrap; word-wrap: break-word; border: 1px solid #dde1e8; border-radius: 6px; padding: 1rem; background: #fcfcfd; font-size: 1rem; line-height: 1.8; }
.f { border-bottom: 3px solid; padding: 0 1px; }
.f sup { font-size: .65rem; color: #5a6376; margin-left: 1px; }
.f del { text-decoration: line-through; color: #a11; background: #fde8e8; }
.f ins, .moved ins { text-decoration: none; color: #063; background: #e3f6e8; }
.moved { border-bottom: 2px dotted #063; }
.sev-critical { border-color: ${SEVERITY_COLOURS.critical}; } .sev-major { border-color: ${SEVERITY_COLOURS.major}; }
.sev-minor { border-color: ${SEVERITY_COLOURS.minor}; } .sev-neutral { border-color: ${SEVERITY_COLOURS.neutral}; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; color: #fff; font-size: .8rem; }
.badge.sev-critical { background: ${SEVERITY_COLOURS.critical}; } .badge.sev-major { background: ${SEVERITY_COLOURS.major}; }
.badge.sev-minor { background: ${SEVERITY_COLOURS.minor}; color: #222; } .badge.sev-neutral { background: ${SEVERITY_COLOURS.neutral}; }
.span { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; white-space: pre-wrap; }
.empty { color: #8a94a6; font-style: italic; }
tr.rejected td { text-decoration: line-through; color: #8a94a6; }
.mark { display: inline-block; padding: 0 .3rem; border-radius: 3px; font-size: .75rem; border: 1px solid #5a6376; margin-right: .3rem; }
.effort td.bar { width: 12rem; } .effort .bar span { display: block; height: .8rem; background: #3b6fb6; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-before: page; } h2:first-of-type { break-before: auto; }
  tr, .chart { break-inside: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

export function formatHtml(report: Report, opts: FormatOptions = {}): string {
  const title = report.documents.length === 1 ? `tqa report: ${report.documents[0]!.id}` : 'tqa report';
  const parts: string[] = [];
  parts.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>Translation-quality report</h1>`,
    `<p class="meta">${esc(report.tool.name)} ${esc(report.tool.version)} · ${report.documents.length} document${report.documents.length === 1 ? '' : 's'}</p>`,
  );
  if (opts.gate) {
    parts.push(
      `<section class="gate ${opts.gate.pass ? 'pass' : 'fail'}"><strong>Gate: ${opts.gate.pass ? 'passed' : 'failed'}</strong>`,
      opts.gate.lines.length ? `<ul>${opts.gate.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '',
      '</section>',
    );
  }
  report.documents.forEach((doc, i) => parts.push(documentSection(doc, i, opts)));
  const total = folderEffort(report.documents, opts);
  if (total) parts.push(`<section class="document"><h2>All documents: post-editing effort (${total.documents} documents)</h2>`, effortTable(total), '</section>');
  parts.push('</body>', '</html>', '');
  return parts.join('\n');
}

function documentSection(doc: DocumentReport, docIndex: number, opts: FormatOptions): string {
  const counts = countFindings(doc.findings);
  const anchor = (f: Finding, i: number) => `d${docIndex}-f${i + 1}`;
  // Number findings once, in text order, so the marks in the text and the table rows share their numbers.
  const numbered = sortedFindings(doc.findings.filter((f) => !isRejected(f)));
  const number = new Map(numbered.map((f, i) => [f, i] as const));
  const rejected = sortedFindings(doc.findings.filter(isRejected));
  const out: string[] = [];
  out.push(`<section class="document">`, `<h2>${esc(doc.id)}</h2>`);
  out.push(`<p class="paths">MT: <span class="span">${esc(fileName(doc.mt.path))}</span> · corrected: ${doc.corrected.path ? `<span class="span">${esc(fileName(doc.corrected.path))}</span>` : 'none (reference-free checks)'}</p>`);
  if (doc.language) out.push(`<p class="meta language">${esc(languageLine(doc.language))}</p>`);
  out.push('<h3>Summary</h3>', '<table class="metrics"><tbody>');
  const rows = summaryRows(doc, `${counts.total}${counts.rejected ? ` (${counts.rejected} rejected by reviewers, not counted)` : ''}`);
  for (const [k, v] of rows) out.push(`<tr><th>${esc(k)}</th><td class="num">${esc(v)}</td></tr>`);
  out.push('</tbody></table>');
  const effort = effortOf(doc, opts);
  if (effort) out.push('<h3>Post-editing effort</h3>', effortTable(effort));
  if (counts.total > 0) {
    out.push('<div class="charts">', categoryChart(counts.byCategory), severityChart(counts.bySeverity), '</div>');
  }
  const t = tagText(doc);
  out.push('<h3>Text</h3>', `<div class="text">${highlightedText(doc, numbered, (f) => anchor(f, number.get(f)!), t)}</div>`);
  const sources = segmentSources(doc);
  if (counts.total > 0) {
    out.push('<h3>Findings by category</h3>');
    for (const [cat, findings] of groupByCategory(doc.findings)) {
      out.push(`<h4>${esc(cat)} (${findings.length})</h4>`);
      out.push(findingsTable(findings, sources, (f) => anchor(f, number.get(f)!), (f) => String(number.get(f)! + 1), '', t));
    }
  }
  if (rejected.length) {
    out.push(`<h3>Rejected by reviewers (${rejected.length})</h3>`);
    out.push(findingsTable(rejected, sources, () => undefined, () => '–', 'rejected', t));
  }
  out.push('</section>');
  return out.join('\n');
}

/** The MT text with every kept finding marked: the MT span struck through, the correction inserted after it,
 *  the finding's number as a link to its table row. A long-distance move is struck through where the phrase
 *  was and inserted where it goes. Overlapping marks (not expected) are drawn once. */
function highlightedText(doc: DocumentReport, findings: Finding[], anchor: (f: Finding) => string, t: TagText): string {
  const text = doc.mt.text;
  // Text content gets its tags named and marked; the title attribute only named (plain escaping).
  const escText = (s: string) => tagsHtml(t(s));
  interface Mark {
    start: number;
    end: number;
    html: string;
  }
  const marks: Mark[] = [];
  for (const [i, f] of findings.entries()) {
    const corr = correctionOf(f);
    const sev = effectiveSeverity(f);
    const title = esc(t(`${effectiveCategory(f)} · ${f.type} · ${sev}: ${f.message}`));
    const sup = `<sup><a href="#${anchor(f)}">${i + 1}</a></sup>`;
    if (f.moveTo) {
      marks.push({ start: f.mt.start, end: f.mt.end, html: `<span class="f sev-${sev}" title="${title}"><del>${escText(f.mt.text)}</del>${sup}</span>` });
      marks.push({ start: f.moveTo.at, end: f.moveTo.at, html: `<span class="moved" title="${title}"><ins>${escText(f.moveTo.text)}</ins></span>` });
      continue;
    }
    let inner = '';
    if (f.mt.text) inner += corr === undefined ? escText(f.mt.text) : `<del>${escText(f.mt.text)}</del>`;
    if (corr) inner += `<ins>${escText(corr)}</ins>`;
    marks.push({ start: f.mt.start, end: f.mt.end, html: `<span class="f sev-${sev}" title="${title}">${inner}${sup}</span>` });
  }
  marks.sort((a, b) => a.start - b.start || a.end - b.end);
  let pos = 0;
  let html = '';
  for (const m of marks) {
    if (m.start < pos) continue;
    html += escText(text.slice(pos, m.start)) + m.html;
    pos = m.end;
  }
  return html + escText(text.slice(pos));
}

/** The band table of a document or a folder, with a bar per band (share of the words). */
function effortTable(effort: EffortAnalysis | EffortTotals): string {
  const rows = effortRows(effort).map((r, i) => {
    const bar = i < effort.bands.length ? `<span style="width:${fmt(Number(r[3]), 1)}%"></span>` : '';
    return `<tr><td>${esc(r[0])}</td><td class="num">${esc(r[1])}</td><td class="num">${esc(r[2])}</td><td class="num">${esc(r[3])}</td><td class="bar">${bar}</td></tr>`;
  });
  return [
    `<table class="metrics effort"><thead><tr>${EFFORT_HEADER.map((h) => `<th>${esc(h)}</th>`).join('')}<th></th></tr></thead><tbody>`,
    ...rows,
    '</tbody></table>',
    `<p class="meta">${esc(EFFORT_NOTE)}</p>`,
  ].join('\n');
}

function findingsTable(
  findings: Finding[],
  sources: Map<number, string> | undefined,
  anchor: (f: Finding) => string | undefined,
  label: (f: Finding) => string,
  rowClass = '',
  t: TagText = (s) => s,
): string {
  const spanCell = (s: string) => spanCellOf(s, t);
  const head = ['#', 'Segment', 'Line:col', ...(sources ? ['Source'] : []), 'MT', 'Correction', 'Type', 'Severity', 'Review', 'Message'];
  const rows = findings.map((f) => {
    const id = anchor(f);
    const corr = correctionOf(f);
    const sev = effectiveSeverity(f);
    const marks = [isReviewerAdded(f) ? '<span class="mark added">added</span>' : '', isRecategorised(f) ? '<span class="mark recategorised">recategorised</span>' : ''].join('');
    return [
      `<tr${id ? ` id="${id}"` : ''}${rowClass ? ` class="${rowClass}"` : ''}>`,
      `<td class="num">${esc(label(f))}</td>`,
      `<td class="num">${segmentNumber(f.segment)}</td>`,
      `<td class="num">${f.mt.line}:${f.mt.col}</td>`,
      ...(sources ? [`<td>${spanCell(sources.get(f.segment) ?? '')}</td>`] : []),
      `<td>${spanCell(f.mt.text)}</td>`,
      `<td>${corr === undefined ? '<span class="empty">no suggestion</span>' : spanCell(corr)}</td>`,
      `<td>${esc(f.type)}</td>`,
      `<td><span class="badge sev-${sev}">${sev}</span></td>`,
      `<td>${marks}${esc(reviewStatus(f))}</td>`,
      `<td>${tagsHtml(t(f.message))}</td>`,
      '</tr>',
    ].join('');
  });
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function spanCellOf(s: string, t: TagText): string {
  return s === '' ? '<span class="empty">(nothing)</span>' : `<span class="span">${tagsHtml(t(s))}</span>`;
}

/** Escaped text with each tag name (⟨g1⟩, as tagText writes them) in a span of its own, so it reads as a tag. */
function tagsHtml(s: string): string {
  return esc(s).replace(/⟨[^⟨⟩]{1,40}⟩/g, (m) => `<span class="tag">${m}</span>`);
}

/** Horizontal stacked bars: one bar per category, one colour per severity. */
function categoryChart(byCategory: Map<Category, Record<Severity, number>>): string {
  const rows = [...byCategory]
    .map(([cat, sev]) => ({ cat, sev, total: SEVERITIES_DESC.reduce((n, s) => n + sev[s], 0) }))
    .sort((a, b) => b.total - a.total || a.cat.localeCompare(b.cat));
  const max = Math.max(...rows.map((r) => r.total));
  const labelW = 210;
  const barW = 300;
  const rowH = 22;
  const height = rows.length * rowH + 30;
  const width = labelW + barW + 50;
  const bars = rows.map((r, i) => {
    const y = i * rowH + 4;
    let x = labelW;
    const rects = SEVERITIES_DESC.filter((s) => r.sev[s] > 0).map((s) => {
      const w = (r.sev[s] / max) * barW;
      const rect = `<rect x="${fmt(x)}" y="${y}" width="${fmt(w)}" height="${rowH - 6}" fill="${SEVERITY_COLOURS[s]}"><title>${esc(`${r.cat}: ${r.sev[s]} ${s}`)}</title></rect>`;
      x += w;
      return rect;
    });
    return [
      `<text x="${labelW - 6}" y="${y + rowH - 10}" text-anchor="end">${esc(r.cat)}</text>`,
      ...rects,
      `<text x="${fmt(x + 4)}" y="${y + rowH - 10}">${r.total}</text>`,
    ].join('');
  });
  return [
    `<svg class="chart" role="img" aria-label="Findings per category" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="12" font-family="system-ui, sans-serif">`,
    '<title>Findings per category</title>',
    ...bars,
    legend(rows.length * rowH + 14, labelW),
    '</svg>',
  ].join('\n');
}

/** Vertical bars: findings per severity. */
function severityChart(bySeverity: Record<Severity, number>): string {
  const max = Math.max(1, ...SEVERITIES_DESC.map((s) => bySeverity[s]));
  const barH = 120;
  const colW = 60;
  const width = SEVERITIES_DESC.length * colW + 20;
  const height = barH + 50;
  const bars = SEVERITIES_DESC.map((s, i) => {
    const h = (bySeverity[s] / max) * barH;
    const x = 10 + i * colW;
    return [
      `<rect x="${x + 10}" y="${fmt(barH - h + 16)}" width="${colW - 20}" height="${fmt(h)}" fill="${SEVERITY_COLOURS[s]}"><title>${bySeverity[s]} ${s}</title></rect>`,
      `<text x="${x + colW / 2}" y="${fmt(barH - h + 12)}" text-anchor="middle">${bySeverity[s]}</text>`,
      `<text x="${x + colW / 2}" y="${barH + 32}" text-anchor="middle">${s}</text>`,
    ].join('');
  });
  return [
    `<svg class="chart" role="img" aria-label="Findings per severity" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="12" font-family="system-ui, sans-serif">`,
    '<title>Findings per severity</title>',
    ...bars,
    '</svg>',
  ].join('\n');
}

function legend(y: number, x0: number): string {
  return SEVERITIES_DESC.map((s, i) => {
    const x = x0 + i * 80;
    return `<rect x="${x}" y="${y}" width="10" height="10" fill="${SEVERITY_COLOURS[s]}"/><text x="${x + 14}" y="${y + 9}">${s}</text>`;
  }).join('');
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

