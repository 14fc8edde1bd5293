import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, formatCsv } from '../../src/report/csv.js';
import { sampleReport } from '../fixtures/report/sample-report.js';

describe('csv export', () => {
  const report = sampleReport();
  const text = formatCsv(report);
  const rows = parse(text, { columns: true, relax_column_count: false, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
  const findings = report.documents.flatMap((d) => d.findings.map((f) => ({ doc: d, f })));

  it('has the header and one row per finding, rejected ones included, in CRLF records', () => {
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(findings.length);
    expect(text.split('\r\n').at(-1)).toBe('');
    expect(rows.filter((r) => r.decision === 'rejected')).toHaveLength(1);
  });

  // What a spreadsheet must not run as a formula gets a leading apostrophe (OWASP CSV injection); the rest is exact.
  const guarded = (x: string) => (/^[=+\-@\t\r]/.test(x) ? `'${x}` : x);

  it('re-reads every hostile field exactly (quotes, commas, tabs, CRLF inside fields, emoji, <script>)', () => {
    for (const { doc, f } of findings) {
      const row = rows.find((r) => r.id === f.id);
      expect(row, f.id).toBeDefined();
      expect(row!.document).toBe(doc.id);
      expect(row!.mt).toBe(guarded(f.mt.text));
      expect(row!.correction).toBe(guarded(f.corrected.text));
      expect(Number(row!.segment)).toBe(f.segment + 1);
      expect([Number(row!.line), Number(row!.col), Number(row!.end_line), Number(row!.end_col)]).toEqual([f.mt.line, f.mt.col, f.mt.endLine, f.mt.endCol]);
    }
    expect(rows.some((r) => r.mt === '<script>alert("x")</script>')).toBe(true);
    expect(rows.some((r) => r.mt === "'\ttabbed\t")).toBe(true);
    expect(rows.some((r) => r.correction === 'a\r\nnew line')).toBe(true);
    expect(rows.some((r) => r.document === 'hostile, "quoted" <doc>')).toBe(true);
  });

  it('shows a reviewer’s recategorisation, with reviewer and comment', () => {
    const row = rows.find((r) => r.mt === 'coalition of volunteers')!;
    expect(row.category).toBe('terminology/inconsistent');
    expect(row.severity).toBe('minor');
    expect([row.decision, row.reviewer, row.comment]).toEqual(['accepted', 'ana', 'house style']);
  });

  it('quotes only the fields that need it', () => {
    expect(text).toContain('\r\nukraine-excerpt,1,1,232,1,239,,Volodyr,Volodymyr,replace,');
    expect(text).toContain('"hostile, ""quoted"" <doc>"');
  });
});
