// Inline tags in the reports a person reads: a real XLIFF 1.2 file (g, x, ph, bpt/ept, it) audited through the
// pipeline, then HTML, Markdown, CSV and the Excel workbook (read back by exceljs) show every tag as ⟨g1⟩ … ⟨/g1⟩ or
// ⟨x2/⟩, the same in each, and no private-use placeholder character (a blank box) anywhere.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeReport } from '../../src/audit.js';
import { auditFiles } from '../../src/audit-files.js';
import { formatBinaryReport, formatReport } from '../../src/report/index.js';
import { tagName, tagText } from '../../src/report/tags.js';

const XLF = join(import.meta.dirname, '..', 'fixtures', 'formats', 'xliff12-review.xlf');
const PUA = /[\uE000-\uF8FF]/u;

describe('tag names', () => {
  it('names paired, closing, standalone, id-less and non-numeric-id tags', () => {
    expect(tagName({ key: 'g#1', label: '<g id="1">' })).toBe('⟨g1⟩');
    expect(tagName({ key: '/g#1', label: '</g>' })).toBe('⟨/g1⟩');
    expect(tagName({ key: 'x#2', label: '<x id="2"/>' })).toBe('⟨x2/⟩');
    expect(tagName({ key: 'x@3', label: '<x/>' })).toBe('⟨x/⟩');
    expect(tagName({ key: 'pc#b-1', label: '<pc id="b-1">' })).toBe('⟨pc:b-1⟩');
  });

  it('leaves a private-use character alone when it stands for no tag', () => {
    const t = tagText({ tags: { '\uE000': { key: 'g#1', label: '<g id="1">' } } });
    expect(t('a\uE000b\uE001c')).toBe('a⟨g1⟩b\uE001c');
    expect(tagText({})('x\uE000')).toBe('x\uE000');
  });
});

describe('client reports of an XLIFF file with inline tags', () => {
  const doc = auditFiles(XLF, undefined, {});
  const located = auditFiles(XLF, undefined, {}, { format: 'csv' });

  it('keeps the tags with the audited document', () => {
    expect(Object.values(doc.tags ?? {}).map((t) => t.key)).toEqual(expect.arrayContaining(['g#1', '/g#1', 'x#2', 'ph#1', 'bpt#1', 'ept#1']));
    expect(PUA.test(doc.source!.text)).toBe(true); // the placeholders are there to be rendered
  });

  it('HTML: the source column and the text name the tags, as tag spans', () => {
    const html = formatReport(makeReport([doc]), 'html');
    expect(PUA.test(html)).toBe(false);
    expect(html).toContain('<span class="tag">⟨g1⟩</span>Finlande<span class="tag">⟨/g1⟩</span>');
    expect(html).toContain('<span class="tag">⟨x2/⟩</span>solides');
    // The MT text block (the joined texts, not the file).
    expect(html).toContain('in <span class="tag">⟨g1⟩</span>Finland<span class="tag">⟨/g1⟩</span> that');
  });

  it('Markdown and CSV: the same names', () => {
    for (const format of ['md', 'csv'] as const) {
      const out = formatReport(makeReport([located]), format);
      expect(PUA.test(out), format).toBe(false);
      expect(out, format).toContain('⟨g1⟩Finlande⟨/g1⟩');
      expect(out, format).toContain('⟨x2/⟩solides');
    }
  });

  it('Excel: the same names in the Findings sheet', async () => {
    const bytes = await formatBinaryReport(makeReport([doc]), 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.getWorksheet('Findings')!.eachRow((row) => (row.values as unknown[]).forEach((v) => typeof v === 'string' && cells.push(v)));
    expect(cells.some((c) => PUA.test(c))).toBe(false);
    expect(cells.some((c) => c.includes('⟨g1⟩Finlande⟨/g1⟩'))).toBe(true);
  });
});
