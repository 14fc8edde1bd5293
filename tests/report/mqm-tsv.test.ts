import { describe, expect, it } from 'vitest';
import type { DocumentReport } from '../../src/model.js';
import { effectiveCategory, isRejected } from '../../src/report/effective.js';
import { MQM_TSV_COLUMNS, formatMqmTsv, mqmCategoryName } from '../../src/report/mqm-tsv.js';
import { sampleReport } from '../fixtures/report/sample-report.js';
import { readMqmTsv, tsvText } from './parsers.js';

const readTsv = readMqmTsv;

describe('mqm-tsv export', () => {
  const report = sampleReport();
  const { header, rows } = readTsv(formatMqmTsv(report));
  const kept = report.documents.flatMap((d) => d.findings.filter((f) => !isRejected(f)).map((f) => ({ d, f })));

  it('has the nine WMT columns on every line', () => {
    expect(header).toEqual([...MQM_TSV_COLUMNS]);
    for (const r of rows) expect(r).toHaveLength(9);
  });

  it('writes one row per kept finding and one No-error row per clean segment', () => {
    const errors = rows.filter((r) => r[7] !== 'No-error');
    const clean = rows.filter((r) => r[7] === 'No-error');
    expect(errors).toHaveLength(kept.length);
    const cleanSegments = report.documents.flatMap((d) => d.segments.filter((s) => !d.findings.some((f) => f.segment === s.id && !isRejected(f))));
    expect(clean).toHaveLength(cleanSegments.length);
    for (const r of clean) {
      expect(r[8]).toBe('no-error');
      expect(r[6]).not.toContain('<v>');
    }
  });

  it('marks exactly the finding’s MT span with <v>…</v> in the segment text', () => {
    for (const { d, f } of kept) {
      const seg = d.segments[f.segment]!;
      const segText = d.mt.text.slice(seg.mt.start, seg.mt.end);
      const candidates = rows.filter((r) => r[1] === d.id && Number(r[2]) === f.segment + 1 && r[7] === mqmCategoryName(effectiveCategory(f)));
      const match = candidates.find((r) => {
        const target = r[6]!;
        const open = target.indexOf('<v>');
        const close = target.indexOf('</v>');
        if (open < 0 || close < open) return false;
        const before = target.slice(0, open);
        const inside = target.slice(open + 3, close);
        const after = target.slice(close + 4);
        return (
          inside === tsvText(f.mt.text) &&
          before === tsvText(segText.slice(0, f.mt.start - seg.mt.start)) &&
          after === tsvText(segText.slice(f.mt.end - seg.mt.start))
        );
      });
      expect(match, `${d.id} ${f.id}`).toBeDefined();
    }
  });

  it('numbers segments per document (doc_id) and globally (seg_id), and uses Google’s names', () => {
    const seen = new Map<string, string>();
    for (const r of rows) {
      const key = `${r[1]}#${r[2]}`;
      if (seen.has(key)) expect(seen.get(key)).toBe(r[3]);
      seen.set(key, r[3]!);
    }
    const globals = [...new Set(rows.map((r) => Number(r[3])))];
    expect(globals).toEqual(Array.from({ length: report.documents.reduce((n, d) => n + d.segments.length, 0) }, (_, i) => i + 1));
    // Google's MQM has no Critical severity: a critical error is Major there.
    expect(rows.find((r) => r[6]!.includes('<v>theTake</v>'))!.slice(7)).toEqual(['Accuracy/Mistranslation', 'Major']);
    expect(new Set(rows.map((r) => r[8]))).toEqual(new Set(['Major', 'Minor', 'Neutral', 'no-error']));
    // The reviewer recategorised "coalition of volunteers"; the rejected "absolutely" is not there.
    expect(rows.find((r) => r[6]!.includes('<v>coalition of volunteers</v>'))!.slice(7)).toEqual(['Terminology/Inconsistent use of terminology', 'Minor']);
    expect(rows.some((r) => r[6]!.includes('<v>absolutely </v>'))).toBe(false);
    // The rater: ana, who recategorised (and accepted) that row; tqa for what nobody confirmed and for No-error rows.
    expect(rows.find((r) => r[6]!.includes('<v>coalition of volunteers</v>'))![4]).toBe('ana');
    expect(rows.filter((r) => r[4] === 'ana')).toHaveLength(1);
    expect(rows.find((r) => r[6]!.includes('<v>theTake</v>'))![4]).toBe('tqa');
    expect(rows.filter((r) => r[7] === 'No-error').every((r) => r[4] === 'tqa')).toBe(true);
  });

  it('names the reviewer who added a finding by hand; "reviewer" when the finding does not say who', () => {
    const doc = report.documents[0]!;
    const f = doc.findings.find((x) => x.mt.text === 'Volodyr')!;
    const g = doc.findings.find((x) => x.mt.text === 'theTake')!;
    const added = [
      { ...f, origin: 'reviewer' as const, decision: { status: 'accepted' as const, reviewer: 'cy' } },
      { ...g, origin: 'reviewer' as const, decision: undefined },
    ];
    const { rows: r2 } = readTsv(formatMqmTsv({ ...report, documents: [{ ...doc, findings: added }] }));
    expect(r2.find((r) => r[6]!.includes('<v>Volodyr</v>'))![4]).toBe('cy');
    expect(r2.find((r) => r[6]!.includes('<v>theTake</v>'))![4]).toBe('reviewer');
  });

  it('fills the source column when the source has one line per segment', () => {
    const doc: DocumentReport = { ...report.documents[0]!, source: { path: 'src.txt', text: report.documents[0]!.segments.map((_, i) => `source ${i + 1}`).join('\n') } };
    const { rows: r2 } = readTsv(formatMqmTsv({ ...report, documents: [doc] }));
    expect(r2.filter((r) => r[2] === '3').map((r) => r[5])).toEqual(['source 3']);
  });
});
