import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { facetCounts, filterQuery, parseFilters } from '../../src/web/filters.js';
import { categoryClass, categoryCss } from '../../src/web/palette.js';
import { sourceLinesPerSegment } from '../../src/report/effective.js';
import { bulkTargets, diffPieces, docPage, findingView, highlightPieces, historyRows, indexRow, PAGE_SIZE, tagHtml, type Piece } from '../../src/web/view-model.js';
import { CATEGORIES } from '../../src/model.js';
import { fixtureReport } from './fixture.js';

const render = (pieces: Piece[]) =>
  pieces
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return p.text;
        case 'mark':
          return `[${p.text}|${p.f.id}]`;
        case 'caret':
          return `^${p.f.id}`;
        case 'del':
          return `-{${p.text}}`;
        case 'ins':
          return `+{${p.text}}`;
      }
    })
    .join('');

describe('highlightPieces', () => {
  it('marks spans, shows an insertion as a caret and keeps all the text', () => {
    const doc = fixtureReport();
    const page = docPage(doc, {}, 'highlight', 1);
    expect(render(page.rows[0]!.mt)).toBe('President [Volodyr|f-volodyr] Zelensky met ^f-theallies of [theTake.|f-thetake]');
    expect(render(page.rows[1]!.mt)).toBe('The [large -scale|f-scale] invasion began.');
  });

  it('turns an overlapping span into a caret instead of dropping it', () => {
    const text = 'abcdefgh';
    const f = (n: number) => findingView({ ...fixtureReport().findings[0]!, id: `x${n}` } as Finding, n, {});
    const out = highlightPieces(text, 0, 8, [
      { f: f(0), start: 2, end: 5 },
      { f: f(1), start: 3, end: 6 },
    ]);
    expect(render(out)).toBe('ab[cde|x0]^x1fgh');
  });
});

describe('diffPieces', () => {
  it('strikes the MT span and underlines the correction, insertions only inserted', () => {
    const doc = fixtureReport();
    const seg = doc.segments[0]!;
    const items = doc.findings.filter((f) => f.segment === 0).map((f, n) => ({ f, view: findingView(f, n, {}) }));
    expect(render(diffPieces(doc.mt.text, seg.mt.start, seg.mt.end, items))).toBe(
      'President -{Volodyr}+{Volodymyr} Zelensky met +{the }allies of -{theTake.}+{NATO.}',
    );
  });

  it('shows a long move as a deletion and an insertion at its target', () => {
    const doc = fixtureReport();
    const base = doc.findings[0]!;
    const move: Finding = { ...base, operation: 'move', mt: { ...base.mt, start: 0, end: 10, text: 'President ' }, moveTo: { at: 30, text: ' President' } };
    const out = diffPieces(doc.mt.text, 0, 49, [{ f: move, view: findingView(move, 0, {}) }]);
    expect(render(out)).toBe('-{President }Volodyr Zelensky met+{ President} allies of theTake.');
  });
});

describe('filters', () => {
  it('parses only known values', () => {
    expect(parseFilters({ category: 'fluency/grammar', severity: 'huge', status: 'accepted', type: '<script>' })).toEqual({
      category: 'fluency/grammar',
      status: 'accepted',
    });
    expect(filterQuery({ category: 'fluency/grammar' }, { layout: 'side', page: undefined })).toBe('?category=fluency%2Fgrammar&layout=side');
  });

  it('counts each facet given the other facets, with decisions overriding the engine', () => {
    const doc = fixtureReport();
    doc.findings[3]!.decision = { status: 'rejected', category: 'fluency/typography' };
    const counts = facetCounts(doc.findings, { severity: 'minor' });
    expect(counts.category).toEqual([
      { value: 'fluency/grammar', count: 1 },
      { value: 'fluency/typography', count: 1 },
    ]);
    // The severity facet ignores its own selection: all four findings are counted.
    expect(counts.severity.map((o) => [o.value, o.count])).toEqual([
      ['minor', 2],
      ['major', 1],
      ['critical', 1],
    ]);
    expect(counts.status).toEqual([
      { value: 'open', count: 1 },
      { value: 'rejected', count: 1 },
    ]);
  });
});

describe('docPage', () => {
  it('with a filter shows only matching findings and pages through matching segments only', () => {
    const page = docPage(fixtureReport(), { category: 'fluency/punctuation' }, 'highlight', 1);
    expect(page.matching).toBe(1);
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.segment)).toEqual([1]);
    expect(page.visibleSegments).toBe(1);
    expect(page.chart.bars.map((b) => [b.category, b.count])).toEqual([
      ['accuracy/mistranslation', 1],
      ['fluency/grammar', 1],
      ['fluency/punctuation', 1],
      ['locale-convention/name', 1],
    ]);
  });

  it('pages a long document in pages of PAGE_SIZE segments and clamps the page number', () => {
    const doc = fixtureReport();
    const seg = doc.segments[1]!;
    doc.segments = Array.from({ length: 2 * PAGE_SIZE + 50 }, (_, i) => ({ ...seg, id: i }));
    doc.findings = [];
    expect(docPage(doc, {}, 'highlight', 2).rows).toHaveLength(PAGE_SIZE);
    expect(docPage(doc, {}, 'highlight', 2).rows[0]!.segment).toBe(PAGE_SIZE);
    const last = docPage(doc, {}, 'highlight', 99);
    expect([last.page, last.pageCount, last.rows.length]).toEqual([3, 3, 50]);
  });

  it('renders the corrected side with the corrected spans in the side-by-side layout', () => {
    const page = docPage(fixtureReport(), {}, 'side', 1);
    expect(render(page.rows[0]!.corrected)).toBe('President [Volodymyr|f-volodyr] Zelensky met [the |f-the]allies of [NATO.|f-thetake]');
  });

  it('pairs source lines with segments only when the counts agree', () => {
    expect(sourceLinesPerSegment('a\nb\n', 2)).toEqual(['a', 'b']);
    expect(sourceLinesPerSegment('a b', 2)).toBeUndefined();
    const doc = { ...fixtureReport(), source: { path: 's', text: 'Le président\nL’invasion' } };
    expect(docPage(doc, {}, 'highlight', 1).rows.map((r) => r.source)).toEqual(['Le président', 'L’invasion']);
  });

  it('numbers each row with the MT line its segment starts on', () => {
    const doc = fixtureReport();
    expect(docPage(doc, {}, 'highlight', 1).rows.map((r) => r.line)).toEqual(doc.segments.map((s) => doc.mt.text.slice(0, s.mt.start).split('\n').length));
    expect(docPage(doc, {}, 'highlight', 1).rows.map((r) => r.line)).toEqual([1, 2]);
  });
});

describe('findingView', () => {
  it('shortens a long correction for the tooltip without cutting a surrogate pair', () => {
    const doc = fixtureReport();
    const f = doc.findings[0]!;
    f.corrected = { ...f.corrected, text: `${'a'.repeat(76)}😀${'b'.repeat(10)}` };
    const tip = findingView(f, 0, {}).tip;
    expect(tip).toBe(`→ ${'a'.repeat(76)}😀bb…`);
    expect(tip).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('indexRow', () => {
  it('counts kept findings by effective category and severity, as the score and the md/html exports do', () => {
    const doc = fixtureReport();
    doc.findings[0]!.decision = { status: 'rejected' }; // Volodyr: locale-convention/name, major
    doc.findings[3]!.decision = { status: 'accepted', category: 'fluency/typography', severity: 'neutral' }; // large -scale
    const row = indexRow(doc, 'folder');
    expect(row.byCategory.map((c) => [c.category, c.count])).toEqual([
      ['accuracy/mistranslation', 1],
      ['fluency/grammar', 1],
      ['fluency/typography', 1],
    ]);
    expect(row.bySeverity).toEqual({ neutral: 1, minor: 1, major: 0, critical: 1 });
    expect(row.progress).toMatchObject({ decided: 2, total: 4, rejected: 1 });
  });
});

describe('history rows', () => {
  it('describes live findings from the audit and orphans from their snapshot', () => {
    const doc = fixtureReport();
    const rows = historyRows(
      doc,
      [
        { seq: 1, documentId: 'fixture', findingId: 'f-volodyr', reviewer: 'ana', at: 't1', field: 'status', from: null, to: 'accepted' },
        { seq: 2, documentId: 'fixture', findingId: 'gone', reviewer: 'ben', at: 't2', field: 'status', from: null, to: 'rejected' },
      ],
      [{ findingId: 'gone', status: 'rejected', revision: 1, snapshot: { segment: 3, line: 4, mt: 'Photo :', corrected: 'Photo:', category: 'locale-convention/typography', severity: 'minor', type: 'R:PUNCT' } }],
    );
    expect(rows.map((r) => [r.findingId, r.orphaned, r.what])).toEqual([
      ['gone', true, 'line 4: “Photo :” → “Photo:” (locale-convention/typography, minor)'],
      ['f-volodyr', false, 'line 1: “Volodyr” → “Volodymyr” (locale-convention/name, major)'],
    ]);
  });
});

describe('palette', () => {
  it('gives every category its own class and colour rule', () => {
    const classes = CATEGORIES.map(categoryClass);
    expect(new Set(classes).size).toBe(CATEGORIES.length);
    const css = categoryCss();
    for (const c of classes) expect(css).toContain(`.${c}{--cat:#`);
  });
});

describe('the language banner', () => {
  it('names the German pack for the bundled German document and says when a language has no pack', async () => {
    const { auditDocument, readDocumentDir } = await import('../../src/audit.js');
    const dir = new URL('../../texts/mlqe-pe-en-de', import.meta.url).pathname;
    const page = docPage(auditDocument(readDocumentDir(dir)), {}, 'highlight', 1);
    expect(page.language).toMatch(/^Language: German \(de, full pack; /);
    const generic = fixtureReport();
    generic.language = { target: 'sw', decidedBy: 'option', pack: { code: 'und', name: 'generic', level: 'generic' } };
    expect(docPage(generic, {}, 'highlight', 1).language).toBe('Language: sw (sw, no language pack: only language-independent rules ran; as given)');
  });
});

describe('bulk targets, tags and votes in the view model', () => {
  it('bulk targets are the filtered findings in the segments the search shows', () => {
    const doc = fixtureReport();
    // "invasion" is only in segment 1 (large -scale); the filter alone would also take segment 0's minor finding.
    expect(bulkTargets(doc, { severity: 'minor' }, '').map((f) => f.id)).toEqual(['f-the', 'f-scale']);
    expect(bulkTargets(doc, { severity: 'minor' }, '  INVASION ').map((f) => f.id)).toEqual(['f-scale']);
    expect(bulkTargets(doc, {}, 'nowhere')).toEqual([]);
    expect(docPage(doc, { severity: 'minor' }, 'highlight', 1, { q: 'invasion' }).bulkCount).toBe(1);
  });

  it('draws a tag placeholder by name and keeps the character; escapes the rest', () => {
    const html = tagHtml({ tags: { '\uE000': { key: 'g#1', label: '<g id="1">' } } });
    expect(html('a<\uE000b')).toBe('a&lt;<span class="tag" data-tag="⟨g1⟩">\uE000</span>b');
    expect(tagHtml({})('a<\uE000')).toBe('a&lt;\uE000');
  });

  it('lists votes, disputes and resolutions on a finding of the merged view', () => {
    const f = fixtureReport().findings[0]!;
    const v = findingView(f, 0, {}, {
      votes: new Map([[f.id, [{ rater: 'ana', status: 'rejected', label: 'rejected' }, { rater: 'ben', status: 'accepted', label: 'locale-convention/name, major' }]]]),
      disputed: new Set([f.id]),
      resolutions: new Map([[f.id, { findingId: f.id, by: 'lea', at: '', status: 'accepted' }]]),
    });
    expect([v.votes, v.disputed, v.resolvedBy]).toEqual(['ana: rejected · ben: locale-convention/name, major', true, 'lea (accepted)']);
    expect(findingView(f, 0, {})).toMatchObject({ votes: '', disputed: false, resolvedBy: '' });
  });
});
