import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/io/errors.js';
import { FORMATS, formatReport, readReportJson } from '../../src/report/index.js';
import { formatJson } from '../../src/report/json.js';
import { sampleReport } from '../fixtures/report/sample-report.js';

describe('json export and readReportJson', () => {
  const report = sampleReport();

  it('is the report exactly, rejected findings and decisions included', () => {
    const text = formatJson(report);
    expect(JSON.parse(text)).toEqual(report);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(formatJson(report, { gate: { pass: true, lines: ['ok'] } }))).toEqual({ ...report, gate: { pass: true, lines: ['ok'] } });
  });

  it('round-trips: every format from a report read back with --from equals the format from the original', () => {
    const back = readReportJson(formatJson(report), 'r.json');
    for (const f of FORMATS) expect(formatReport(back, f), f).toBe(formatReport(report, f));
  });

  it('keeps unknown keys (a newer tqa may add fields) and accepts a BOM', () => {
    const withExtra = { ...report, generatedAt: '2026-11-28', documents: report.documents.map((d) => ({ ...d, language: 'en' })) };
    const back = readReportJson(`\uFEFF${JSON.stringify(withExtra)}`, 'r.json') as unknown as typeof withExtra;
    expect(back.generatedAt).toBe('2026-11-28');
    expect(back.documents[0]!.language).toBe('en');
  });

  const bad = (mutate: (r: ReturnType<typeof sampleReport>) => unknown) => {
    const r = sampleReport();
    const out = mutate(r);
    return JSON.stringify(out ?? r);
  };

  it.each([
    ['not JSON', '{"tool": ', /^r\.json: not valid JSON/],
    ['an array', '[]', /^r\.json: not a tqa report: /],
    ['a missing metrics', bad((r) => void delete (r.documents[0] as Partial<(typeof r.documents)[0]>).metrics), /documents\[0\]\.metrics/],
    ['an unknown severity', bad((r) => void ((r.documents[0]!.findings[1] as { severity: string }).severity = 'fatal')), /documents\[0\]\.findings\[1\]\.severity/],
    ['an unknown category', bad((r) => void ((r.documents[1]!.findings[0] as { category: string }).category = 'accuracy/other')), /documents\[1\]\.findings\[0\]\.category/],
    ['a span past the text', bad((r) => void (r.documents[0]!.findings[0]!.mt.end = 1e6)), /documents\[0\]\.findings\[0\]\.mt: span outside the MT text/],
    ['a segment past the text', bad((r) => void (r.documents[0]!.segments[0]!.mt.end = 1e6)), /segments\[0\]\.mt: range outside/],
  ])('refuses %s with one InputError naming the place', (_, text, message) => {
    let err: unknown;
    try {
      readReportJson(text, 'r.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });
});
