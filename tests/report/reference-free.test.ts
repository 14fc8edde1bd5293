// A report of `tqa check` on MT alone (no correction): no segments table, no corrected text, findings from
// reference-free checks that carry a suggestion or none. Every format must take it.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/io/lines.js';
import type { DocumentReport, Finding, Report } from '../../src/model.js';
import { formatReport } from '../../src/report/index.js';
import { asArray, mdTables, parseJunit, readM2, readMqmTsv, sarifValidator } from './parsers.js';

function checkReport(): Report {
  const mt = 'Photo : Getty Images\n. And this, despite theTake.';
  const lines = new LineIndex(mt);
  const finding = (start: number, end: number, suggestion: string | undefined, extra: Partial<Finding>): Finding => ({
    id: `c${start}`,
    segment: extra.segment ?? 0,
    operation: 'replace',
    mt: lines.span(start, end),
    corrected: { ...lines.span(start, start), text: suggestion ?? '' },
    category: 'locale-convention/typography',
    type: 'R:PUNCT',
    severity: 'minor',
    rule: 'check/test',
    message: 'a reference-free finding',
    origin: 'check',
    ...(suggestion !== undefined ? { suggestion } : {}),
    ...extra,
  });
  const take = mt.indexOf('theTake');
  const doc: DocumentReport = {
    id: 'fresh-mt',
    mt: { path: 'fresh/mt.txt', text: mt },
    corrected: { path: '', text: '' },
    segments: [],
    findings: [
      finding(5, 7, ':', { segment: 0 }),
      finding(take, take + 7, undefined, { segment: 1, category: 'fluency/spelling', type: 'R:MERGE', severity: 'major' }),
    ],
    metrics: {
      hter: 0,
      ter: 0,
      chrf: 0,
      chrfpp: 0,
      bleu: 0,
      mqm: { preset: 'mqm-core', penalty: 6, words: 8, perThousand: 750, score: 25, threshold: 95, pass: false },
      signatures: { reference: 'none: reference-free checks on the MT alone (no correction given)' },
    },
  };
  return { tool: { name: 'tqa', version: 'test' }, documents: [doc] };
}

describe('a reference-free report (tqa check without a correction)', () => {
  const report = checkReport();

  it('md and html say the reference metrics were not measured instead of showing zeros', () => {
    const md = formatReport(report, 'md');
    expect(md).toContain('| Reference metrics | not measured (no correction: reference-free checks) |');
    expect(md).not.toContain('| HTER |');
    expect(md).toContain('corrected: none (reference-free checks)');
    for (const t of mdTables(md)) for (const row of t) expect(row).toHaveLength(t[0]!.length);
    const html = formatReport(report, 'html');
    expect(html).not.toContain('<th>HTER</th>');
    expect(html).toContain('<span class="empty">no suggestion</span>');
    expect(html).toContain('<del> :</del><ins>:</ins>');
  });

  it('csv, sarif and junit use the suggestion as the correction, and nothing when there is none', () => {
    const rows = parseCsv(formatReport(report, 'csv'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.mt, r.correction])).toEqual([
      [' :', ':'],
      ['theTake', ''],
    ]);
    const sarif = JSON.parse(formatReport(report, 'sarif')) as { runs: Array<{ results: Array<{ fixes?: unknown[]; message: { text: string } }> }> };
    expect(sarifValidator()(sarif)).toBe(true);
    const [punct, merge] = sarif.runs[0]!.results;
    expect(punct!.fixes).toHaveLength(1);
    expect(merge!.fixes).toBeUndefined();
    expect(merge!.message.text).toBe('“theTake”: a reference-free finding');
    const junit = parseJunit(formatReport(report, 'junit'));
    const suite = junit.testsuites.testsuite[0]!;
    expect(suite.testcase.map((c) => asArray(c.failure).length)).toEqual([1, 1]);
    const props = asArray((suite.properties as { property: Array<{ name: string }> }).property).map((p) => p.name);
    expect(props).not.toContain('hter');
  });

  it('mqm-tsv marks each finding in its line-segment; m2 writes the unsuggested one as UNK', () => {
    const { rows } = readMqmTsv(formatReport(report, 'mqm-tsv'));
    // Without a segment table, a segment is the whole line its findings sit on.
    expect(rows.map((r) => r[6])).toEqual(['Photo<v> :</v> Getty Images', '. And this, despite <v>theTake</v>.']);
    const blocks = readM2(formatReport(report, 'm2'));
    // " :" → ":" only changes spacing, which M2 tokens cannot show: that block is a noop.
    expect(blocks.map((b) => b.edits.map((e) => e.type))).toEqual([['noop'], ['UNK']]);
    expect(blocks[1]!.source).toEqual(['.', 'And', 'this', ',', 'despite', 'theTake', '.']);
  });
});
