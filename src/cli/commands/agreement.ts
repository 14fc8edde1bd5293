import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { InputError } from '../../io/errors.js';
import { readTextFile } from '../../io/read-text.js';
import type { Finding, Report } from '../../model.js';
import { readReportJson } from '../../report/index.js';
import { raterAgreement, type CohenKappa, type FleissKappa, type RaterAgreement, type RaterView } from '../../review/agreement.js';
import { raterDoc, raterNames as raterNamesOf, type RaterData } from '../../review/raters.js';
import { openStore } from '../../store/index.js';
import { writeOutput } from '../output.js';

// `tqa agreement a.json b.json …`: inter-rater agreement of reviewers who judged the same audit, each rater's
// decisions in one JSON report (e.g. `tqa export DIR --format json --db ana.db > ana.json`). Documents are matched by
// id; each gets the statistics of src/review/agreement.ts, and "all documents" pools the findings of every document.
// With --db: one audit report (tqa audit --format json, or tqa export --format json without --db) and the review
// server's database, whose raters are read from it (each rater's own decisions and marked errors, as the review
// page's rater views show them).

interface AgreementOpts {
  names?: string;
  db?: string;
  format: 'text' | 'json';
  out?: string;
}

export function register(program: Command): void {
  program
    .command('agreement')
    .description("inter-rater agreement of reviewers' decisions (JSON reports, one per rater): per-finding agreement, Cohen's/Fleiss' kappa, span F1")
    .argument('<reports...>', 'one JSON report per rater (tqa export --format json --db <that rater’s decisions>), at least two')
    .option('--db <file>', 'the review server’s decisions database: its raters’ own decisions on ONE audit report (then give that report only)')
    .option('--names <list>', 'rater names, comma-separated, in the order of the reports (default: the reviewer named in each report’s decisions, else the file name)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--out <file>', 'write to a file instead of stdout')
    .action((reports: string[], opts: AgreementOpts) => writeOutput(opts.out, runAgreement(reports, opts)));
}

function runAgreement(paths: string[], opts: AgreementOpts): string {
  if (opts.db !== undefined) return agreementFromDb(paths, opts);
  if (paths.length < 2) throw new InputError(`agreement: give at least two reports (one per rater), got ${paths.length}`);
  const reports = paths.map((p) => readReportJson(readTextFile(p).text, p));
  const names = reportRaters(paths, reports, opts.names);
  const ids = reports[0]!.documents.map((d) => d.id).filter((id) => reports.every((r) => r.documents.some((d) => d.id === id)));
  if (ids.length === 0) throw new InputError(`agreement: the reports share no document (ids of ${paths[0]}: ${reports[0]!.documents.map((d) => d.id).join(', ') || 'none'})`);
  const view = (i: number, findings: readonly Finding[]): RaterView => ({ rater: names[i]!, findings });
  const documents = ids.map((id) => ({ id, ...raterAgreement(reports.map((r, i) => view(i, r.documents.find((d) => d.id === id)!.findings))) }));
  // Pooled: every document's findings, ids and offsets kept apart per document.
  const pooled = raterAgreement(
    reports.map((r, i) =>
      view(
        i,
        ids.flatMap((id, k) => r.documents.find((d) => d.id === id)!.findings.map((f) => ({ ...f, id: `${id}\u0000${f.id}`, mt: { ...f.mt, start: f.mt.start + k * 2 ** 40, end: f.mt.end + k * 2 ** 40 } }))),
      ),
    ),
  );
  const { findings: _perFinding, ...all } = pooled;
  if (opts.format === 'json') return `${JSON.stringify({ raters: names, documents, all }, null, 2)}\n`;
  const lines = [`raters: ${names.map((n, i) => `${n} (${basename(paths[i]!)})`).join(', ')}`];
  for (const d of documents) lines.push(...textBlock(`document ${d.id}`, d));
  if (documents.length > 1) lines.push(...textBlock(`all ${documents.length} documents`, pooled));
  return `${lines.join('\n')}\n`;
}

/** Agreement from the database: per document of the report, the raters who rated it there (two at least). */
function agreementFromDb(paths: string[], opts: AgreementOpts): string {
  if (paths.length !== 1) throw new InputError(`agreement: with --db give one audit report (the raters come from the database), got ${paths.length}`);
  if (opts.names !== undefined) throw new InputError('agreement: --names names reports; with --db the raters are named in the database');
  const path = paths[0]!;
  const report = readReportJson(readTextFile(path).text, path);
  if (!existsSync(opts.db!)) throw new InputError(`${opts.db}: no such decisions database`);
  const store = openStore(opts.db!);
  try {
    const documents = report.documents.flatMap((doc) => {
      const data: RaterData = { decisions: store.raterDecisions(doc.id), annotations: store.annotations(doc.id) };
      const names = raterNamesOf(data);
      if (names.length < 2) return [];
      const views = names.map((n): RaterView => ({ rater: n, findings: raterDoc(doc, n, data).findings }));
      return [{ id: doc.id, ...raterAgreement(views) }];
    });
    if (documents.length === 0) throw new InputError(`agreement: no document of ${path} has two raters in ${opts.db}`);
    if (opts.format === 'json') return `${JSON.stringify({ documents }, null, 2)}\n`;
    const lines: string[] = [];
    for (const d of documents) lines.push(`document ${d.id}: raters ${d.raters.join(', ')}`, ...textBlock(`document ${d.id}`, d).map((l, i) => (i === 0 ? `  ${l.replace(/^document \S+: /, '')}` : l)));
    return `${lines.join('\n')}\n`;
  } finally {
    store.close();
  }
}

function reportRaters(paths: string[], reports: Report[], names: string | undefined): string[] {
  if (names !== undefined) {
    const list = names.split(',').map((n) => n.trim());
    if (list.length !== paths.length || list.some((n) => n === '')) throw new InputError(`agreement: --names gives ${list.length} names for ${paths.length} reports`);
    return list;
  }
  const out = reports.map((r, i) => {
    const reviewers = new Set(r.documents.flatMap((d) => d.findings.flatMap((f) => (f.decision?.reviewer ? [f.decision.reviewer] : []))));
    return reviewers.size === 1 ? [...reviewers][0]! : basename(paths[i]!);
  });
  return new Set(out).size === out.length ? out : out.map((n, i) => `${n} (${basename(paths[i]!)})`);
}

function textBlock(title: string, a: RaterAgreement): string[] {
  const out = [`${title}: ${a.items} finding${a.items === 1 ? '' : 's'} decided by every rater`];
  if (a.items > 0) {
    out.push(`  per-finding agreement ${num(a.agreement)}`);
    out.push(`  category: ${kappas(a.category)}`);
    out.push(`  severity: ${kappas(a.severity)}`);
  }
  for (const p of a.added) {
    const o = p.overlap;
    if (o.chars.f1 === undefined) continue;
    out.push(`  added by hand, ${p.a}–${p.b}: character F1 ${num(o.chars.f1)}, span F1 ${num(o.spans.f1)} (${o.spans.matched} matched)`);
  }
  return out;
}

function kappas(k: { fleiss: FleissKappa | undefined; cohen: CohenKappa | undefined }): string {
  const parts: string[] = [];
  if (k.cohen) parts.push(`Cohen's kappa ${num(k.cohen.kappa)} (observed ${num(k.cohen.observed)}, chance ${num(k.cohen.expected)})`);
  if (k.fleiss) parts.push(`Fleiss' kappa ${num(k.fleiss.kappa)}`);
  return parts.join(', ');
}

/** Three decimals; "n/a" where a statistic is undefined (e.g. kappa when every rater used one label). */
function num(x: number | undefined): string {
  return x === undefined ? 'n/a' : x.toFixed(3);
}
