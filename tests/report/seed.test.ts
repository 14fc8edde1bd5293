// Every format on a real audit of the seed article (texts/ukraine-security-guarantees), read back with the
// independent readers: the hand-made fixture tests the hostile corners, this one the pipeline's real output.
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDocument, makeReport, readDocumentDir } from '../../src/audit.js';
import { applyEdits } from '../../src/edits/apply.js';
import type { Finding, Report } from '../../src/model.js';
import { effectiveCategory, effectiveSeverity } from '../../src/report/effective.js';
import { formatReport } from '../../src/report/index.js';
import { m2Tokens } from '../../src/report/m2.js';
import { mqmCategoryName } from '../../src/report/mqm-tsv.js';
import {
  applyM2,
  asArray,
  expectWellFormedTables,
  mdTables,
  parseJunit,
  readGithubCommands,
  readM2,
  readMqmTsv,
  sarifValidator,
  splitMarked,
  tsvText,
} from './parsers.js';

/** The segment's text after applying its findings (the pipeline's own applyEdits), or undefined if they clash. */
function rebuild(segText: string, base: number, findings: Finding[]): string | undefined {
  const local = findings.map((f) => ({
    ...f,
    mt: { ...f.mt, start: f.mt.start - base, end: f.mt.end - base },
    ...(f.moveTo ? { moveTo: { ...f.moveTo, at: f.moveTo.at - base } } : {}),
  }));
  try {
    return applyEdits(segText, local);
  } catch {
    return undefined;
  }
}

const SEED = new URL('../../texts/ukraine-security-guarantees', import.meta.url).pathname;

describe('exports of a real audit of the seed', () => {
  let report: Report;
  beforeAll(() => {
    report = makeReport([auditDocument(readDocumentDir(SEED))]);
  });
  const doc = () => report.documents[0]!;

  it('audits the seed into a report with findings worth exporting', () => {
    expect(doc().findings.length).toBeGreaterThan(20);
    expect(doc().segments.length).toBeGreaterThan(15);
  });

  it('sarif: valid SARIF 2.1.0, one result per finding at its place in mt.txt', () => {
    const log = JSON.parse(formatReport(report, 'sarif')) as {
      runs: Array<{ results: Array<{ ruleId: string; partialFingerprints: Record<string, string>; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }> }> }>;
    };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0]!.results;
    expect(results).toHaveLength(doc().findings.length);
    const volodyr = doc().findings.find((f) => f.mt.text === 'Volodyr')!;
    const r = results.find((x) => x.partialFingerprints['tqaFinding/v1'] === volodyr.id)!;
    expect(r.ruleId).toBe(volodyr.category);
    expect(r.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 1, startColumn: volodyr.mt.col });
  });

  it('m2: applying the A lines to the S tokens gives the corrected segment, for every consistent segment', () => {
    const blocks = readM2(formatReport(report, 'm2'));
    const d = doc();
    expect(blocks).toHaveLength(d.segments.length);
    let checked = 0;
    d.segments.forEach((s, i) => {
      const segText = d.mt.text.slice(s.mt.start, s.mt.end);
      const correctedText = d.corrected.text.slice(s.corrected.start, s.corrected.end);
      // M2 can only be as right as the findings: a segment whose findings do not rebuild its correction is a
      // pipeline bug (tests/audit/seed.test.ts asserts the property for the whole text) and is skipped here.
      if (rebuild(segText, s.mt.start, d.findings.filter((f) => f.segment === s.id)) !== correctedText) return;
      checked++;
      const corrected = m2Tokens(correctedText).map((t) => t.text);
      expect(applyM2(blocks[i]!), `segment ${i}: ${segText}`).toEqual(corrected);
    });
    expect(checked).toBeGreaterThanOrEqual(Math.ceil(d.segments.length * 0.9));
    expect(blocks.flatMap((b) => b.edits).some((e) => e.type === 'R:SPELL' && e.correction.join(' ') === 'Volodymyr')).toBe(true);
  });

  it('mqm-tsv: every finding’s span marked in its segment; clean segments as No-error', () => {
    const { rows } = readMqmTsv(formatReport(report, 'mqm-tsv'));
    const d = doc();
    const errorRows = rows.filter((r) => r[7] !== 'No-error');
    expect(errorRows).toHaveLength(d.findings.length);
    for (const f of d.findings) {
      const seg = d.segments.find((s) => s.id === f.segment)!;
      const segText = d.mt.text.slice(seg.mt.start, seg.mt.end);
      const hit = errorRows.find((r) => {
        const m = splitMarked(r[6]!);
        return (
          m !== undefined &&
          r[7] === mqmCategoryName(effectiveCategory(f)) &&
          m.before === tsvText(segText.slice(0, f.mt.start - seg.mt.start)) &&
          m.inside === tsvText(f.mt.text)
        );
      });
      expect(hit, `${f.mt.text} (${f.category})`).toBeDefined();
    }
    const clean = d.segments.filter((s) => !d.findings.some((f) => f.segment === s.id));
    expect(rows.filter((r) => r[7] === 'No-error')).toHaveLength(clean.length);
  });

  it('mqm-tsv read with Google’s MQM weights gives back tqa’s wmt-google score', () => {
    // Google's scorer weights (wmt-mqm-human-evaluation): Major 5, Minor 1, Neutral 0, Minor/Fluency/Punctuation
    // 0.1, Major/Non-translation! 25; a segment's score is the sum over its rows, the document's the mean.
    const d = auditDocument(readDocumentDir(SEED), { mqm: { preset: 'wmt-google' } });
    const { rows } = readMqmTsv(formatReport(makeReport([d]), 'mqm-tsv'));
    const weight = (severity: string, category: string) =>
      severity === 'Major' ? (category === 'Non-translation!' ? 25 : 5) : severity === 'Minor' ? (category === 'Fluency/Punctuation' ? 0.1 : 1) : 0;
    const perSegment = new Map<string, number>();
    for (const r of rows) perSegment.set(r[3]!, (perSegment.get(r[3]!) ?? 0) + weight(r[8]!, r[7]!));
    expect(perSegment.size).toBe(d.segments.length);
    // tqa weighs critical and (non-neutral) untranslated errors 25; the TSV writes critical as Major (5).
    const extra = d.findings
      .filter((f) => f.severity !== 'neutral' && (f.severity === 'critical' || f.category === 'accuracy/untranslated'))
      .reduce((n, f) => n + 25 - (f.severity === 'minor' ? 1 : 5), 0);
    const mean = ([...perSegment.values()].reduce((a, b) => a + b, 0) + extra) / perSegment.size;
    expect(d.metrics.mqm.preset).toBe('wmt-google');
    expect(mean).toBeCloseTo(d.metrics.mqm.score, 9);
    expect(mean).toBeGreaterThan(0);
  });

  it('csv, junit, md and github agree on the number of findings', () => {
    const d = doc();
    const csv = parseCsv(formatReport(report, 'csv'), { columns: true }) as Array<Record<string, string>>;
    expect(csv).toHaveLength(d.findings.length);
    expect(csv.map((r) => r.mt).sort()).toEqual(d.findings.map((f) => f.mt.text).sort());

    const junit = parseJunit(formatReport(report, 'junit'));
    const failures = junit.testsuites.testsuite[0]!.testcase.flatMap((c) => asArray(c.failure));
    expect(failures).toHaveLength(d.findings.filter((f) => effectiveSeverity(f) !== 'neutral').length);

    const md = formatReport(report, 'md');
    const tables = mdTables(md);
    expectWellFormedTables(tables);
    expect(tables.filter((t) => t[0]![0] === 'Segment').reduce((n, t) => n + t.length - 2, 0)).toBe(d.findings.length);

    const { commands, plain } = readGithubCommands(formatReport(report, 'github'));
    expect(commands).toHaveLength(Math.min(50, d.findings.length));
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatch(new RegExp(`^tqa: ${d.findings.length} findings in 1 document`));
  });

  it('html: self-contained, with a mark per finding', () => {
    const html = formatReport(report, 'html');
    expect(html).not.toMatch(/<script|<link|\ssrc=/i);
    expect(html.match(/<span class="f sev-/g) ?? []).toHaveLength(doc().findings.length);
    expect(html).toContain('<del>Volodyr</del><ins>Volodymyr</ins>');
  });
});
