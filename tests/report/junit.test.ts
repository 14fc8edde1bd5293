import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { effectiveSeverity, isRejected } from '../../src/report/effective.js';
import { formatJunit } from '../../src/report/junit.js';
import { sampleReport } from '../fixtures/report/sample-report.js';
import { asArray, parseJunit } from './parsers.js';

const parse = parseJunit;

describe('junit export', () => {
  const report = sampleReport();
  const doc = parse(formatJunit(report));
  const suites = doc.testsuites.testsuite;

  it('is well-formed XML with one suite per document and one testcase per segment', () => {
    expect(suites.map((s) => s.name)).toEqual(report.documents.map((d) => d.id));
    suites.forEach((s, i) => {
      expect(s.testcase).toHaveLength(report.documents[i]!.segments.length);
      expect(Number(s.tests)).toBe(s.testcase.length);
    });
    expect(Number(doc.testsuites.tests)).toBe(report.documents.reduce((n, d) => n + d.segments.length, 0));
  });

  it('has one failure per kept minor/major/critical finding; neutral ones go to system-out; rejected are left out', () => {
    report.documents.forEach((d, i) => {
      const cases = suites[i]!.testcase;
      for (const seg of d.segments) {
        const expected = d.findings.filter((f) => f.segment === seg.id && !isRejected(f) && effectiveSeverity(f) !== 'neutral');
        const failures = asArray(cases[seg.id]!.failure);
        expect(failures.map((f) => f.type)).toEqual(expected.map((f) => f.decision?.category ?? f.category));
        // The failure body names the MT text verbatim (markup, quotes, tabs and emoji survive the round trip).
        expected.forEach((f, k) => expect(String(failures[k]!['#text'])).toContain(`MT: ${f.mt.text}`));
      }
      const failedCases = cases.filter((c) => asArray(c.failure).length > 0).length;
      expect(Number(suites[i]!.failures)).toBe(failedCases);
    });
    const neutralCase = suites[0]!.testcase[5]!;
    expect(String(neutralCase['system-out'])).toContain('MT: an aversion');
    const all = suites.flatMap((s) => s.testcase.flatMap((c) => asArray(c.failure)));
    expect(all.some((f) => String(f['#text']).includes('absolutely'))).toBe(false);
    expect(all.some((f) => String(f['#text']).includes('MT: <script>alert("x")</script>'))).toBe(true);
  });

  it('keeps attribute values exact, line breaks included', () => {
    const hostile = suites[1]!;
    expect(hostile.name).toBe('hostile, "quoted" <doc>');
    expect(hostile.file).toBe('texts/hostile dir/mt, "x".txt');
    const f = asArray(hostile.testcase[3]!.failure).find((x) => String(x.message).includes('new line'))!;
    expect(f.message).toBe('other (major): a%0Aline → a ⏎ new line');
  });

  it('adds a failing gate suite when the gate fails, a passing one when it passes', () => {
    const failed = parse(formatJunit(report, { gate: { pass: false, lines: ['HTER 0.23 > max 0.2', 'a critical finding'] } }));
    const gate = failed.testsuites.testsuite.at(-1)!;
    expect(gate.name).toBe('tqa.gate');
    expect(asArray(gate.testcase[0]!.failure)[0]!.message).toBe('HTER 0.23 > max 0.2');
    const passed = parse(formatJunit(report, { gate: { pass: true, lines: [] } }));
    expect(asArray(passed.testsuites.testsuite.at(-1)!.testcase[0]!.failure)).toHaveLength(0);
    expect(Number(failed.testsuites.failures) - Number(passed.testsuites.failures)).toBe(1);
  });

  it('replaces characters XML cannot carry instead of producing a broken file', () => {
    const r = sampleReport();
    const f = r.documents[0]!.findings[1]!;
    f.message = 'bell \u0007 and lone \uD800 surrogate';
    const xml = formatJunit(r);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('bell \uFFFD and lone \uFFFD surrogate');
  });
});
