// A localization file (or pair) through the audit: units paired one per line, placeholder-only word edits
// dropped, one markup finding per tag problem, and every finding moved back to its line and column in the
// original file.
import { describe, expect, it } from 'vitest';
import { auditDocument, makeReport } from '../../../src/audit.js';
import { findingPenalty } from '../../../src/metrics/index.js';
import { readLocalized, type LocalizedInput } from '../../../src/io/formats/index.js';
import { onlyPlaceholders } from '../../../src/io/formats/markup.js';
import { readReportJson } from '../../../src/report/read-json.js';
import { formatReport } from '../../../src/report/index.js';
import type { DocumentReport } from '../../../src/model.js';
import { fixture, plainCsv, plainPo, plainXml, withoutPlaceholders } from './helpers.js';

interface Case {
  name: string;
  mt: string;
  corrected?: string;
  opts?: Parameters<typeof readLocalized>[1];
  plain: (s: string) => string;
  units: number;
}

const CASES: Case[] = [
  { name: 'XLIFF 1.2, MT in alt-trans', mt: 'xliff12-review.xlf', plain: plainXml, units: 6 },
  { name: 'XLIFF 1.2, two files', mt: 'xliff12-mt.xlf', corrected: 'xliff12-corrected.xlf', plain: plainXml, units: 3 },
  { name: 'XLIFF 2.1, MT in mtc:match', mt: 'xliff2-review.xlf', plain: plainXml, units: 4 },
  { name: 'XLIFF 2.0, two files', mt: 'xliff2-mt.xlf', corrected: 'xliff2-corrected.xlf', plain: plainXml, units: 3 },
  { name: 'PO, two files', mt: 'mt.po', corrected: 'corrected.po', plain: plainPo, units: 6 },
  { name: 'TMX, one file, props', mt: 'review.tmx', plain: plainXml, units: 3 },
  { name: 'TMX, one file, languages', mt: 'review-langs.tmx', opts: { mtLang: 'en-x-mt', targetLang: 'en-CA' }, plain: plainXml, units: 2 },
  { name: 'TMX, two files', mt: 'mt.tmx', corrected: 'corrected.tmx', plain: plainXml, units: 2 },
  { name: 'CSV', mt: 'review.csv', opts: { columns: 'source=source,mt=mt,corrected=pe' }, plain: plainCsv, units: 3 },
  { name: 'TSV', mt: 'review.tsv', plain: plainCsv, units: 2 },
];

function run(c: Case): { li: LocalizedInput; raw: DocumentReport; doc: DocumentReport; located: DocumentReport } {
  const li = readLocalized({ mt: fixture(c.mt), ...(c.corrected ? { corrected: fixture(c.corrected) } : {}) }, c.opts ?? {});
  const raw = auditDocument(li.toAuditInput(), li.auditOptions({ segmentation: 'auto' }));
  const doc = li.finishReport(raw);
  return { li, raw, doc, located: li.remapReport(doc) };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

describe.each(CASES)('$name', (c) => {
  const { li, raw, doc, located } = run(c);

  it('pairs unit i with unit i (one segment per unit, even with auto segmentation asked for)', () => {
    expect(li.units).toHaveLength(c.units);
    expect(doc.segments).toHaveLength(c.units);
    expect(doc.findings.length).toBeGreaterThan(0);
  });

  it('points every finding at the text it names in the original file, with the right line and column', () => {
    const files = { mt: located.mt.text, corrected: located.corrected.text };
    expect(located.mt.path).toBe(fixture(c.mt));
    expect(located.corrected.path).toBe(fixture(c.corrected ?? c.mt));
    for (const f of located.findings) {
      for (const side of ['mt', 'corrected'] as const) {
        const s = f[side];
        const text = files[side];
        expect(lineCol(text, s.start), `${f.id} ${side} start`).toEqual({ line: s.line, col: s.col });
        expect(lineCol(text, s.end), `${f.id} ${side} end`).toEqual({ line: s.endLine, col: s.endCol });
        expect(norm(c.plain(text.slice(s.start, s.end))), `${f.message} (${side})`).toBe(norm(withoutPlaceholders(s.text)));
      }
    }
  });

  it('keeps joined-text offsets in the unlocated report, so JSON re-reads', () => {
    const json = formatReport(makeReport([doc]), 'json');
    expect(readReportJson(json, 'r.json').documents[0]!.findings).toHaveLength(doc.findings.length);
    for (const f of doc.findings) expect(doc.mt.text.slice(f.mt.start, f.mt.end)).toBe(f.mt.text);
  });

  it('drops word findings that only move, add or drop tags, and scores what is left', () => {
    expect(doc.findings.filter((f) => f.rule !== 'markup/placeholder' && onlyPlaceholders(f))).toEqual([]);
    const kept = raw.findings.filter((f) => !onlyPlaceholders(f));
    expect(doc.findings.filter((f) => f.rule !== 'markup/placeholder')).toHaveLength(kept.length);
    const penalty = doc.findings.reduce((sum, f) => sum + findingPenalty(f), 0);
    expect(doc.metrics.mqm.penalty).toBeCloseTo(penalty, 9);
  });
});

describe('markup findings', () => {
  const markup = (c: Case) => run(c).located.findings.filter((f) => f.rule === 'markup/placeholder').map((f) => [f.type, f.severity, f.category, f.message, f.mt.line, f.corrected.line]);

  it('XLIFF 1.2: a ph dropped from the target, a g put out of order', () => {
    expect(markup(CASES[0]!)).toEqual([
      ['M:TAG', 'major', 'design-markup/tag', 'tag <ph id="2"/> is missing from the corrected target (the source has it)', 31, 29],
      ['R:TAG', 'minor', 'design-markup/tag', 'tag <g id="1"> is out of order in the corrected target (compared with the source)', 54, 52],
    ]);
  });

  it('XLIFF 1.2 two files: a tag the source does not have', () => {
    expect(markup(CASES[1]!)).toEqual([['U:TAG', 'minor', 'design-markup/tag', 'tag <x id="9"/> is in the corrected target but not in the source', 7, 7]]);
  });

  it('XLIFF 2: a pc pair dropped, an sm marker and a ph dropped', () => {
    expect(markup(CASES[3]!).map((m) => m[3])).toEqual([
      'tag <pc id="1"> is missing from the corrected target (the source has it)',
      'tag </pc> is missing from the corrected target (the source has it)',
    ]);
    expect(markup(CASES[2]!).map((m) => m[3])).toEqual([
      // sorted by MT position: the MT has the ph, not the sm (which then sits at the end of the unit)
      'tag <ph id="1"/> is missing from the corrected target (the source has it)',
      'tag <sm id="m1"/> is missing from the corrected target (the source has it)',
    ]);
  });

  it('TMX: a ph moved after the hi pair', () => {
    expect(markup(CASES[5]!).map((m) => m[3])).toEqual(['tag <ph x="1"/> is out of order in the corrected target (compared with the source)']);
  });

  it('formats that point at files get original positions: SARIF regions and GitHub annotations name the XLIFF lines', () => {
    const { located } = run(CASES[0]!);
    const sarif = JSON.parse(formatReport(makeReport([located]), 'sarif'));
    const regions = sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => r.locations[0]!.physicalLocation.region.startLine);
    expect(new Set(regions)).toEqual(new Set([13, 24, 31, 39, 47, 54]));
    expect(sarif.runs[0].artifacts[0].location.uri).toContain('xliff12-review.xlf');
  });
});
