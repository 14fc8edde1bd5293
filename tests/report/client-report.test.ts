// Reports a client reads (issue 10): the source column, file names instead of server paths, recategorised and
// reviewer-added findings marked, CSV cells that a spreadsheet cannot run as formulas, the effort bands in every
// client format. Each format is read back with the same independent readers as the other format tests.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { withBands } from '../../src/metrics/effort.js';
import type { DocumentReport, Report } from '../../src/model.js';
import { formatReport, readReportJson } from '../../src/report/index.js';
import { buildDocument } from '../fixtures/report/sample-report.js';
import { mdTables, unMd } from './parsers.js';

function clientDocument(id = 'client-a'): DocumentReport {
  const doc = buildDocument(
    id,
    [
      { mt: '=SUM(A1) is what the MT wrote here.', edits: [{ find: '=SUM(A1)', replace: '+total', category: 'fluency/grammar', severity: 'minor', type: 'R:OTHER' }] },
      {
        mt: 'Canada and her allies discuss security.',
        edits: [
          {
            find: 'her',
            replace: 'its',
            category: 'fluency/grammar',
            severity: 'minor',
            type: 'R:PRON',
            decision: { status: 'open', category: 'accuracy/mistranslation', severity: 'major', reviewer: 'ben' },
          },
          { find: 'discuss', replace: 'have been discussing', category: 'fluency/grammar', severity: 'minor', type: 'R:VERB:TENSE', decision: { status: 'accepted', reviewer: 'ana' } },
        ],
      },
      {
        mt: 'No American soldiers in Ukraine.',
        edits: [
          { find: 'soldiers', replace: 'troops', category: 'style/awkward', severity: 'minor', type: 'R:NOUN', origin: 'reviewer', decision: { status: 'accepted', reviewer: 'ana', comment: 'house style' } },
        ],
      },
    ],
    '\n',
    { mt: `/srv/tqa/texts/${id}/mt.txt`, corrected: `/srv/tqa/texts/${id}/corrected.txt` },
  );
  doc.source = { path: `/srv/tqa/texts/${id}/source.txt`, text: "-Le MT a écrit =SUM(A1) ici.\nLe Canada et ses alliés discutent de sécurité.\nPas de soldats américains en Ukraine.\n" };
  // Hand-set per-segment similarities (90%, 80%, 100%) and MT words (7, 6, 5): bands 85–94, 75–84 and 100.
  doc.effort = withBands([
    { segment: 0, distance: 4, length: 40, similarity: 90, words: 7 },
    { segment: 1, distance: 10, length: 50, similarity: 80, words: 6 },
    { segment: 2, distance: 0, length: 32, similarity: 100, words: 5 },
  ]);
  return doc;
}

const report = (...documents: DocumentReport[]): Report => ({ tool: { name: 'tqa', version: 'test' }, documents });

describe('csv for a client', () => {
  const text = formatReport(report(clientDocument()), 'csv');
  const rows = parseCsv(text, { columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
  const row = (mt: string) => rows.find((r) => r.mt === mt)!;

  it('neutralises cells that start with = + - @ tab or CR (OWASP CSV injection), and only those', () => {
    expect(row("'=SUM(A1)").correction).toBe("'+total");
    expect(row("'=SUM(A1)").source).toBe("'-Le MT a écrit =SUM(A1) ici.");
    expect(row('her').correction).toBe('its'); // no leading formula character: verbatim
    for (const r of rows) for (const v of Object.values(r)) expect(/^[=+\-@\t\r]/.test(v), v).toBe(false);
    const injection = formatReport(
      report(buildDocument('x', [{ mt: '@cmd -2 \ttab', edits: [{ find: '@cmd', replace: '-2', category: 'other', severity: 'minor', type: 'R:OTHER' }] }])),
      'csv',
    );
    const [r] = parseCsv(injection, { columns: true }) as Array<Record<string, string>>;
    expect([r!.mt, r!.correction]).toEqual(["'@cmd", "'-2"]);
  });

  it('has the source of each segment, the origin, what a recategorised finding was, and the segment’s similarity', () => {
    expect(row('her')).toMatchObject({ source: 'Le Canada et ses alliés discutent de sécurité.', category: 'accuracy/mistranslation', severity: 'major', recategorised_from: 'fluency/grammar minor', segment_similarity: '80' });
    expect(row('soldiers')).toMatchObject({ origin: 'reviewer', reviewer: 'ana', segment_similarity: '100', recategorised_from: '' });
    expect(row('discuss').recategorised_from).toBe('');
  });

  it('names no server path', () => {
    expect(text).not.toContain('/srv/');
  });
});

describe('markdown and html for a client', () => {
  const md = formatReport(report(clientDocument()), 'md');
  const html = formatReport(report(clientDocument()), 'html');

  it('show file names, never the server path', () => {
    expect(md).not.toContain('/srv/');
    expect(html).not.toContain('/srv/');
    expect(md).toContain('MT: mt.txt · corrected: corrected.txt');
    expect(html).toContain('MT: <span class="span">mt.txt</span>');
  });

  it('md: a Source column, and a Review column that says recategorised (with the original) and added', () => {
    const findings = mdTables(md).filter((t) => t[0]!.includes('Review'));
    expect(findings.length).toBeGreaterThan(0);
    const head = findings[0]![0]!;
    expect(head.slice(0, 4)).toEqual(['Segment', 'Line:col', 'Source', 'MT']);
    const rows = findings.flatMap((t) => t.slice(2)).map((r) => Object.fromEntries(head.map((h, i) => [h, unMd(r[i]!)])));
    expect(rows.find((r) => r.MT === 'her')).toMatchObject({ Source: 'Le Canada et ses alliés discutent de sécurité.', Review: 'recategorised by ben (was fluency/grammar, minor)', Severity: 'major' });
    expect(rows.find((r) => r.MT === 'soldiers')!.Review).toBe('added by ana: house style');
    expect(rows.find((r) => r.MT === 'discuss')!.Review).toBe('accepted by ana');
  });

  it('md: the effort band table, words per band', () => {
    const effort = mdTables(md).find((t) => t[0]![0] === 'Similarity (MT vs. post-edit)')!;
    expect(effort.slice(2).map((r) => r.slice(0, 3).map(unMd))).toEqual([
      ['100%', '1', '5'],
      ['95–99%', '0', '0'],
      ['85–94%', '1', '7'],
      ['75–84%', '1', '6'],
      ['50–74%', '0', '0'],
      ['< 50%', '0', '0'],
      ['Total', '3', '18'],
    ]);
    expect(effort[4]![3]).toBe('38.9'); // 7 of 18 words
  });

  it('html: Source column, marks for recategorised and added findings, the effort table', () => {
    expect(html).toMatch(/<th>Line:col<\/th><th>Source<\/th><th>MT<\/th>/);
    expect(html).toContain('<span class="mark recategorised">recategorised</span>recategorised by ben (was fluency/grammar, minor)');
    expect(html).toContain('<span class="mark added">added</span>added by ana: house style');
    expect(html).toContain('<td>85–94%</td><td class="num">1</td><td class="num">7</td><td class="num">38.9</td>');
  });

  it('re-bands with other bounds (--effort-bands) from the per-segment results', () => {
    const md2 = formatReport(report(clientDocument()), 'md', { effortBands: [100, 85] });
    const effort = mdTables(md2).find((t) => t[0]![0] === 'Similarity (MT vs. post-edit)')!;
    expect(effort.slice(2).map((r) => r.slice(0, 3).map(unMd))).toEqual([
      ['100%', '1', '5'],
      ['85–99%', '1', '7'],
      ['< 85%', '1', '6'],
      ['Total', '3', '18'],
    ]);
  });
});

describe('a finding a reviewer added', () => {
  it('shows the correction the reviewer typed, or none (not a deletion) when they typed none', () => {
    const doc = buildDocument('x', [{ mt: 'The MT missed this one.', edits: [{ find: 'this', replace: 'that', category: 'accuracy/mistranslation', severity: 'major', type: 'R:DET' }] }]);
    const f = doc.findings[0]!;
    const typed = { ...f, origin: 'reviewer' as const, suggestion: 'that very', corrected: { ...f.corrected, text: '' } };
    const none = { ...f, id: 'none', origin: 'reviewer' as const, corrected: { ...f.corrected, text: '' } };
    const rows = parseCsv(formatReport(report({ ...doc, findings: [typed, none] }), 'csv'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.correction)).toEqual(['that very', '']);
    const md = formatReport(report({ ...doc, findings: [none] }), 'md');
    const row = mdTables(md).find((t) => t[0]!.includes('Correction'))![2]!;
    expect(row[3]).toBe('?'); // unknown, not ∅ (which would say: delete it)
  });
});

describe('a folder: the documents’ effort summed', () => {
  const folder = report(clientDocument('a'), clientDocument('b'));

  it('effort-csv: each document’s bands, then the folder’s', () => {
    const rows = parseCsv(formatReport(folder, 'effort-csv'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.filter((r) => r.document === 'a')).toHaveLength(6);
    expect(rows.filter((r) => r.document === '(all documents)').map((r) => [r.band, r.segments, r.words])).toEqual([
      ['100%', '2', '10'],
      ['95–99%', '0', '0'],
      ['85–94%', '2', '14'],
      ['75–84%', '2', '12'],
      ['50–74%', '0', '0'],
      ['< 50%', '0', '0'],
    ]);
  });

  it('md and html add the folder table', () => {
    expect(formatReport(folder, 'md')).toContain('## All documents: post-editing effort (2 documents)');
    expect(formatReport(folder, 'html')).toContain('<h2>All documents: post-editing effort (2 documents)</h2>');
    expect(formatReport(report(clientDocument('a')), 'md')).not.toContain('All documents');
  });
});

describe('json keeps the effort analysis', () => {
  it('round-trips through tqa export --from, and a bad band is refused with its path', () => {
    const json = formatReport(report(clientDocument()), 'json');
    const back = readReportJson(json, 'r.json');
    expect(back.documents[0]!.effort).toEqual(clientDocument().effort);
    const bad = JSON.parse(json) as { documents: Array<{ effort: { segments: Array<{ similarity: number }> } }> };
    bad.documents[0]!.effort.segments[0]!.similarity = 101;
    expect(() => readReportJson(JSON.stringify(bad), 'r.json')).toThrow(/r\.json: not a tqa report: documents\[0\]\.effort\.segments\[0\]\.similarity/);
  });

  it('has no effort when there was no correction (reference-free)', () => {
    const doc = clientDocument();
    delete doc.effort;
    expect(formatReport(report(doc), 'md')).not.toContain('Post-editing effort');
    expect(JSON.parse(formatReport(report(doc), 'json')).documents[0].effort).toBeUndefined();
  });
});
