import { describe, expect, it } from 'vitest';
import { groupByCategory, isRejected } from '../../src/report/effective.js';
import { formatMarkdown, mdText } from '../../src/report/markdown.js';
import { sampleReport } from '../fixtures/report/sample-report.js';
import { mdTables, unMd } from './parsers.js';

const tables = mdTables;

describe('markdown export', () => {
  const report = sampleReport();
  const md = formatMarkdown(report);
  const all = tables(md);

  it('writes well-formed tables: a separator row and the same cell count on every row', () => {
    expect(all.length).toBeGreaterThan(5);
    for (const t of all) {
      expect(t.length).toBeGreaterThanOrEqual(2);
      expect(t[1]!.every((c) => /^:?-{3,}:?$/.test(c))).toBe(true);
      for (const row of t) expect(row).toHaveLength(t[0]!.length);
    }
  });

  it('lists the kept findings grouped by category, with the MT text re-readable from the cell', () => {
    for (const d of report.documents) {
      for (const [cat, findings] of groupByCategory(d.findings)) {
        expect(md).toContain(`### ${mdText(cat)} (${findings.length})`);
      }
    }
    const findingTables = all.filter((t) => t[0]![0] === 'Segment');
    const rows = findingTables.flatMap((t) => t.slice(2));
    const kept = report.documents.flatMap((d) => d.findings.filter((f) => !isRejected(f)));
    expect(rows).toHaveLength(kept.length);
    const mtCells = rows.map((r) => unMd(r[2]!));
    for (const f of kept) {
      // A cell cannot start or end with whitespace (GFM trims it), so compare trimmed.
      const shown = f.mt.text === '' ? '∅' : f.mt.text.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/\t/g, ' ').trim();
      expect(mtCells).toContain(shown);
    }
    expect(md).not.toContain('absolutely');
    const doc0 = report.documents[0]!;
    expect(md).toContain(`| Findings | ${doc0.findings.length - 1} (1 rejected by reviewers, left out) |`);
  });

  it('escapes HTML and Markdown syntax in user text', () => {
    expect(md).not.toMatch(/<script|<b>|<doc>/);
    expect(md).toContain('&lt;script&gt;alert("x")&lt;/script&gt;');
    expect(md).toContain('| \\| piped |');
    expect(mdText('*a* _b_ `c` [d](e) ~f~ $g$ #h')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\~f\\~ \\$g\\$ \\#h');
  });

  it('summarises per category and severity with totals that add up', () => {
    const catTable = all.find((t) => t[0]![0] === 'Category')!;
    expect(catTable[0]).toEqual(['Category', 'Critical', 'Major', 'Minor', 'Neutral', 'Total']);
    const body = catTable.slice(2, -1);
    const total = catTable.at(-1)!;
    expect(total[0]).toBe('**Total**');
    for (let c = 1; c <= 5; c++) expect(body.reduce((n, r) => n + Number(r[c]), 0)).toBe(Number(total[c]));
    expect(Number(total[5])).toBe(report.documents[0]!.findings.filter((f) => !isRejected(f)).length);
  });

  it('adds the gate verdict when given', () => {
    expect(formatMarkdown(report, { gate: { pass: false, lines: ['HTER 0.23 > 0.2'] } })).toContain('## Gate: FAILED\n\n- HTER 0.23 &gt; 0.2\n');
  });
});
