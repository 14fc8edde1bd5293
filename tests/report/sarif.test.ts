import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/model.js';
import { effectiveCategory, isRejected } from '../../src/report/effective.js';
import { formatSarif, pathUri } from '../../src/report/sarif.js';
import { sampleReport } from '../fixtures/report/sample-report.js';
import { SARIF_SCHEMA_PATH, sarifValidator } from './parsers.js';

const schemaPath = SARIF_SCHEMA_PATH;
const validator = sarifValidator;

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string }> } };
    artifacts: Array<{ location: { uri: string } }>;
    invocations: Array<{ executionSuccessful: boolean; properties?: { gate?: unknown } }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; index: number }; region: Record<string, number | { text: string }> } }>;
      partialFingerprints: Record<string, string>;
      fixes?: Array<{ artifactChanges: Array<{ replacements: Array<{ deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }> }> }>;
      suppressions?: Array<{ kind: string; status: string; justification: string }>;
      properties: Record<string, unknown>;
    }>;
  }>;
}

describe('sarif export', () => {
  const report = sampleReport();
  const text = formatSarif(report, { gate: { pass: false, lines: ['MQM-based score 86 < 95'] } });
  const log = JSON.parse(text) as SarifLog;
  const run = log.runs[0]!;

  it('uses the vendored schema file unchanged', () => {
    expect(createHash('sha256').update(readFileSync(schemaPath)).digest('hex')).toBe('2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8');
  });

  it('validates against the SARIF 2.1.0 JSON schema', () => {
    const validate = validator();
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail: a broken log is rejected', () => {
    const validate = validator();
    const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<{ level: string; locations: unknown }> }> };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
    const broken2 = structuredClone(log) as unknown as { version: string };
    broken2.version = '2.0.0';
    expect(validate(broken2)).toBe(false);
  });

  it('has one rule per category and one result per finding with its region', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...CATEGORIES]);
    const findings = report.documents.flatMap((d) => d.findings);
    expect(run.results).toHaveLength(findings.length);
    for (const f of findings) {
      const r = run.results.find((x) => x.partialFingerprints['tqaFinding/v1'] === f.id)!;
      expect(r).toBeDefined();
      expect(r.ruleId).toBe(effectiveCategory(f));
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      const reg = r.locations[0]!.physicalLocation.region;
      expect([reg.startLine, reg.startColumn, reg.endLine, reg.endColumn]).toEqual([f.mt.line, f.mt.col, f.mt.endLine, f.mt.endCol]);
      expect([reg.charOffset, reg.charLength]).toEqual([f.mt.start, f.mt.end - f.mt.start]);
      const uri = r.locations[0]!.physicalLocation.artifactLocation;
      expect(run.artifacts[uri.index]!.location.uri).toBe(uri.uri);
      expect(Boolean(r.suppressions)).toBe(isRejected(f));
    }
  });

  it('maps severity to level and puts the correction in a fix', () => {
    const level = (mt: string) => run.results.find((r) => r.message.text.startsWith(`“${mt}”`))!;
    expect(level('theTake').level).toBe('error'); // critical
    expect(level('Volodyr').level).toBe('error'); // major
    expect(level('large -scale').level).toBe('warning'); // minor
    expect(level('an aversion').level).toBe('note'); // neutral
    expect(level('coalition of volunteers').level).toBe('warning'); // recategorised major → minor
    const fix = level('Volodyr').fixes![0]!.artifactChanges[0]!.replacements[0]!;
    expect(fix.insertedContent.text).toBe('Volodymyr');
    const doc = report.documents[0]!;
    expect(doc.mt.text.slice(fix.deletedRegion.charOffset, fix.deletedRegion.charOffset + fix.deletedRegion.charLength)).toBe('Volodyr');
    const rejected = run.results.find((r) => r.suppressions)!;
    expect(rejected.suppressions![0]).toMatchObject({ kind: 'external', status: 'accepted' });
    expect(rejected.suppressions![0]!.justification).toContain('ana');
    expect(run.invocations[0]!.properties!.gate).toEqual({ pass: false, lines: ['MQM-based score 86 < 95'] });
  });

  it('writes relative paths as relative URIs and absolute ones as file URIs', () => {
    expect(pathUri('texts/hostile dir/mt, "x".txt')).toBe('texts/hostile%20dir/mt%2C%20%22x%22.txt');
    expect(pathUri('/tmp/a b/mt.txt')).toBe('file:///tmp/a%20b/mt.txt');
    expect(run.artifacts.map((a) => a.location.uri)).toEqual(['ukraine-excerpt/mt.txt', 'texts/hostile%20dir/mt%2C%20%22x%22.txt']);
  });
});
