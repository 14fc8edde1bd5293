// The JSON report written in pieces must be byte for byte what JSON.stringify(value, null, 2) gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditDocument, makeReport } from '../../src/audit.js';
import { readDocumentDir } from '../../src/audit.js';
import { formatJson, formatJsonChunks, jsonChunks } from '../../src/report/json.js';

const SEED = new URL('../../texts/ukraine-security-guarantees', import.meta.url).pathname;

describe('jsonChunks', () => {
  it('concatenates to JSON.stringify(value, null, 2) for any JSON value, at any nesting', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 7 }), (v) => {
        expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 400 },
    );
  });

  it('skips undefined properties and writes undefined array items as null, like JSON.stringify', () => {
    const v = { a: undefined, b: [undefined, 1, { c: undefined, d: [] }], e: {} };
    expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v, null, 2));
  });

  it('gives the seed report in many pieces, identical to the single-string report', () => {
    const report = makeReport([auditDocument(readDocumentDir(SEED))]);
    const pieces = [...formatJsonChunks(report)];
    expect(pieces.length).toBeGreaterThan(report.documents[0]!.findings.length);
    expect(pieces.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(formatJson(report)).toBe(pieces.join(''));
  });
});
