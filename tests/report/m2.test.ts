import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { formatM2, m2Tokens } from '../../src/report/m2.js';
import { sampleReport } from '../fixtures/report/sample-report.js';
import { applyM2, readM2 } from './parsers.js';

function segmentsOf(report: Report) {
  return report.documents.flatMap((d) => d.segments.map((s) => ({ d, s })));
}

describe('m2 export', () => {
  const report = sampleReport();
  const blocks = readM2(formatM2(report));
  const segs = segmentsOf(report);

  it('writes one block per segment, with the MT tokens on the S line', () => {
    expect(blocks).toHaveLength(segs.length);
    segs.forEach(({ d, s }, i) => {
      // Re-joining the tokens without spaces gives the segment without its whitespace.
      expect(blocks[i]!.source.join('')).toBe(d.mt.text.slice(s.mt.start, s.mt.end).replace(/\s+/g, ''));
    });
  });

  it('applying the A lines to the S tokens gives the corrected segment’s tokens, rejected edits included', () => {
    segs.forEach(({ d, s }, i) => {
      const corrected = m2Tokens(d.corrected.text.slice(s.corrected.start, s.corrected.end)).map((t) => t.text);
      expect(applyM2(blocks[i]!), `segment ${i}`).toEqual(corrected);
    });
  });

  it('writes noop for clean segments and ERRANT types with annotator 0 otherwise', () => {
    segs.forEach(({ d, s }, i) => {
      const b = blocks[i]!;
      if (!d.findings.some((f) => f.segment === s.id)) {
        expect(b.edits).toEqual([{ start: -1, end: -1, type: 'noop', correction: ['-NONE-'], annotator: '0' }]);
      } else {
        for (const e of b.edits) {
          expect(e.type).toMatch(/^[MRU]:[A-Z]+(:[A-Z]+)?$/);
          expect(e.annotator).toBe('0');
        }
      }
    });
    const wo = blocks.flatMap((b) => b.edits).find((e) => e.type === 'R:WO')!;
    expect(wo.correction).toEqual(['remarkable', 'absence']);
    expect(blocks.flatMap((b) => b.edits).find((e) => e.type === 'R:MERGE')!.correction).toEqual(['large-scale']);
  });

  it('writes a reference-free finding without suggestion as a detection-only UNK edit', () => {
    const r = sampleReport();
    const f = r.documents[0]!.findings.find((x) => x.mt.text === 'theTake')!;
    f.origin = 'check';
    delete f.suggestion;
    const b = readM2(formatM2(r))[2]!;
    expect(b.edits).toEqual([{ start: 12, end: 13, type: 'UNK', correction: ['theTake'], annotator: '0' }]);
    expect(b.source[12]).toBe('theTake');
  });

  it('cuts tokens at finding boundaries so that every edit covers whole tokens', () => {
    expect(m2Tokens('theTake in', 10, [13]).map((t) => [t.text, t.start, t.end])).toEqual([
      ['the', 10, 13],
      ['Take', 13, 17],
      ['in', 18, 20],
    ]);
  });
});
