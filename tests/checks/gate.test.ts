import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument, REFERENCE_FREE_SIGNATURE } from '../../src/checks/document.js';
import { defaultConfig, makeConfig, parseConfig, settingsFor } from '../../src/checks/config.js';
import { evaluateGate } from '../../src/checks/gate.js';
import { isReferenceFree } from '../../src/report/effective.js';
import { makeBaseline, parseBaseline } from '../../src/checks/baseline.js';
import { matchesGlob } from '../../src/checks/glob.js';
import { parseGlossary } from '../../src/io/glossary.js';
import { InputError } from '../../src/io/errors.js';
import type { DocumentReport, Report } from '../../src/model.js';

const mtPath = 'texts/ukraine-security-guarantees/mt.txt';
const seed = readFileSync(new URL(`../../${mtPath}`, import.meta.url), 'utf8');
const glossary = parseGlossary(
  readFileSync(new URL('../fixtures/checks/seed-glossary.tsv', import.meta.url), 'utf8'),
  'glossary.tsv',
);

function seedReport(withGlossary = true): Report {
  const doc = checkDocument({ id: 'ukraine-security-guarantees', mt: { path: mtPath, text: seed }, glossary: withGlossary ? glossary : undefined });
  return { tool: { name: 'tqa', version: '0.0.0' }, documents: [doc] };
}

const config = (value: unknown) => makeConfig(value, '/repo/tqa.config.json');

describe('reference-free documents', () => {
  it('say so: empty corrected side, signature, segment = line', () => {
    const doc = seedReport().documents[0]!;
    expect(isReferenceFree(doc)).toBe(true);
    expect(doc.metrics.signatures.reference).toBe(REFERENCE_FREE_SIGNATURE);
    expect(doc.findings.every((f) => f.segment === f.mt.line - 1)).toBe(true);
    // 7 glossary violations and "theTake" are major (5 each), the others minor (1 each). "Volodyr" spelled two
    // ways lies inside the glossary violation "Volodyr Zelensky": one finding (the glossary's), not two.
    expect(doc.findings.filter((f) => f.severity === 'major')).toHaveLength(8);
    const glossaryHits = doc.findings.filter((f) => f.rule === 'check/glossary-forbidden');
    expect(glossaryHits.map((f) => f.mt.text)).toContain('Volodyr Zelensky');
    const inside = doc.findings.filter((f) => f.rule === 'check/name-variant' && glossaryHits.some((g) => g.mt.start <= f.mt.start && f.mt.end <= g.mt.end));
    expect(inside).toEqual([]);
    expect(doc.metrics.mqm.penalty).toBe(8 * 5 + (doc.findings.length - 8));
    expect(doc.metrics.mqm.words).toBe(seed.split(/\s+/).filter(Boolean).length);
  });
});

describe('config', () => {
  it('rejects unknown keys and bad values, naming the key path', () => {
    expect(() => parseConfig({ maxHTER: 0.3 }, 'c.json')).toThrow(/c\.json: .*maxHTER/);
    expect(() => parseConfig({ overrides: [{ files: '**/*.txt', maxHter: 3 }] }, 'c.json')).toThrow(/c\.json: overrides\[0\]\.maxHter: /);
    expect(() => parseConfig({ failOn: 'fatal' }, 'c.json')).toThrow(InputError);
    expect(() => parseConfig({ ignoreCategories: ['fluency/speling'] }, 'c.json')).toThrow(/ignoreCategories\[0\]/);
    expect(() => parseConfig([], 'c.json')).toThrow(/c\.json: \(top level\)/);
  });

  it('applies per-path overrides in order and resolves paths from the config folder', () => {
    const c = config({
      failOn: 'minor',
      glossary: 'terms/glossary.tsv',
      overrides: [
        { files: 'legal/**', failOn: 'none', minScore: 99 },
        { files: ['**/draft-*.txt'], ignoreCategories: ['fluency/spelling'] },
      ],
    });
    expect(settingsFor(c, '/repo/news/a.txt')).toMatchObject({ failOn: 'minor', glossary: '/repo/terms/glossary.tsv' });
    expect(settingsFor(c, '/repo/legal/contracts/b.txt')).toMatchObject({ failOn: 'none', minScore: 99 });
    const draft = settingsFor(c, '/repo/legal/draft-1.txt');
    expect(draft.failOn).toBe('none');
    expect([...draft.ignoreCategories]).toEqual(['fluency/spelling']);
    expect(settingsFor(defaultConfig('/x'), '/x/a.txt').failOn).toBe('major');
  });

  it('matches globs like .gitignore', () => {
    expect(matchesGlob('a/b/c.txt', '**/*.txt')).toBe(true);
    expect(matchesGlob('c.txt', '**/*.txt')).toBe(true);
    expect(matchesGlob('a/c.md', '*.txt')).toBe(false);
    expect(matchesGlob('a/c.txt', '*.txt')).toBe(true);
    expect(matchesGlob('a/c.txt', 'b/*.txt')).toBe(false);
    expect(matchesGlob('docs/x/mt.txt', 'docs/*/mt.{txt,md}')).toBe(true);
  });
});

describe('the gate', () => {
  it('fails on the seed with its glossary (major findings) and passes when they are ignored', () => {
    const report = seedReport();
    const fail = evaluateGate(report, () => settingsFor(defaultConfig('/'), mtPath));
    expect(fail.pass).toBe(false);
    expect(fail.lines).toHaveLength(1);
    expect(fail.lines[0]).toMatch(/8 findings at or above major \(first: 1:232 check\/glossary-forbidden: .*Volodyr.*Volodymyr/);

    // The 7 glossary violations by category, "Volodyr" and "theTake" by rule.
    const c = config({ ignoreCategories: ['terminology/wrong-term'], ignoreRules: ['check/name-variant', 'check/merged-name'] });
    const pass = evaluateGate(report, () => settingsFor(c, '/repo/mt.txt'));
    expect(pass.pass).toBe(true);
    expect(pass.documents[0]!.ignored).toBe(8);
    expect(pass.report.documents[0]!.findings.some((f) => f.category === 'terminology/wrong-term')).toBe(false);
  });

  it('fails on a minimum MQM-based score and honours failOn none', () => {
    const report = seedReport(false);
    const doc = report.documents[0]!;
    const words = doc.metrics.mqm.words;
    // Without the glossary: "Volodyr" and "theTake" are major (5 each), the rest minor (1 each).
    const majors = doc.findings.filter((f) => f.severity === 'major').length;
    expect(majors).toBe(2);
    const score = 100 * (1 - (doc.findings.length - majors + 5 * majors) / words);
    const below = config({ failOn: 'none', minScore: Math.ceil(score) });
    const r1 = evaluateGate(report, () => settingsFor(below, '/repo/mt.txt'));
    expect(r1.pass).toBe(false);
    expect(r1.lines[0]).toContain(`MQM-based score ${score.toFixed(2)} < min ${Math.ceil(score)}`);
    const above = config({ failOn: 'none', minScore: Math.floor(score) });
    expect(evaluateGate(report, () => settingsFor(above, '/repo/mt.txt')).pass).toBe(true);
    expect(evaluateGate(report, () => settingsFor(config({ failOn: 'minor' }), '/repo/mt.txt')).pass).toBe(false);
  });

  it('fails a document that does not pass its MQM-based threshold, in either preset', () => {
    const report = seedReport(false); // minor findings only; the seed has 26 non-empty lines
    const doc = report.documents[0]!;
    const core = evaluateGate(report, () => settingsFor(config({ failOn: 'none', mqmPass: true, mqm: { threshold: 99 } }), '/repo/mt.txt'));
    expect(core.pass).toBe(false);
    expect(core.lines[0]).toMatch(/MQM-based score \(mqm-core\) \d+\.\d\d < threshold 99/);
    // wmt-google: mean penalty per segment (non-empty line), lower is better.
    const wmt = evaluateGate(report, () => settingsFor(config({ failOn: 'none', mqmPass: true, mqm: { preset: 'wmt-google', threshold: 0.1 } }), '/repo/mt.txt'));
    expect(wmt.report.documents[0]!.metrics.mqm.preset).toBe('wmt-google');
    expect(wmt.report.documents[0]!.metrics.mqm.score).toBeCloseTo(wmt.report.documents[0]!.metrics.mqm.penalty / 26, 6);
    expect(wmt.pass).toBe(false);
    expect(evaluateGate(report, () => settingsFor(config({ failOn: 'none', mqmPass: true, mqm: { preset: 'wmt-google', threshold: 5 } }), '/repo/mt.txt')).pass).toBe(true);
    expect(doc.findings.length).toBeGreaterThan(0);
    expect(() => parseConfig({ minScore: 90, mqm: { preset: 'wmt-google' } }, 'c.json')).toThrow(/c\.json: minScore: applies to the mqm-core preset/);
  });

  it('applies maxHter only when there is a correction', () => {
    const rf = seedReport(false);
    const c = config({ failOn: 'none', maxHter: 0.1 });
    expect(evaluateGate(rf, () => settingsFor(c, '/repo/mt.txt')).pass).toBe(true);
    const audited: DocumentReport = {
      ...rf.documents[0]!,
      corrected: { path: 'corrected.txt', text: 'x' },
      metrics: { ...rf.documents[0]!.metrics, hter: 0.25 },
    };
    const r = evaluateGate({ ...rf, documents: [audited] }, () => settingsFor(c, '/repo/mt.txt'));
    expect(r.pass).toBe(false);
    expect(r.lines[0]).toMatch(/HTER 0\.250 > max 0\.1/);
  });

  it('drops rejected findings and allow-listed words', () => {
    const report = seedReport();
    const doc = report.documents[0]!;
    for (const f of doc.findings) if (f.severity === 'major') f.decision = { status: 'rejected' };
    expect(evaluateGate(report, () => settingsFor(defaultConfig('/'), mtPath)).pass).toBe(true);
    const allow = config({ allow: ['theTake', 'thespecial'] });
    const r = evaluateGate(report, () => settingsFor(allow, '/repo/mt.txt'));
    expect(r.report.documents[0]!.findings.map((f) => f.mt.text)).not.toContain('theTake');
  });

  it('with a baseline, fails only on new findings', () => {
    const report = seedReport();
    const settings = () => settingsFor(defaultConfig('/'), mtPath);
    const baseline = parseBaseline(JSON.parse(JSON.stringify(makeBaseline(report))), 'b.json');
    const same = evaluateGate(report, settings, baseline);
    expect(same.pass).toBe(true);
    expect(same.documents[0]!.known).toBe(report.documents[0]!.findings.length);
    expect(same.report.documents[0]!.findings).toEqual([]);

    // The article gets a new paragraph with a new forbidden variant, and an old line moves: only the new one fails.
    const edited = `Ms. Anand met Volodimir Zelensky.\n${seed}`;
    const doc2 = checkDocument({ id: 'ukraine-security-guarantees', mt: { path: mtPath, text: edited }, glossary });
    const r = evaluateGate({ ...report, documents: [doc2] }, settings, baseline);
    expect(r.pass).toBe(false);
    expect(r.report.documents[0]!.findings.map((f) => f.mt.text)).toEqual(['Volodimir Zelensky']);
    expect(r.lines[0]).toMatch(/1 new finding at or above major/);
  });

  it('refuses a malformed baseline', () => {
    expect(() => parseBaseline({ tool: 'tqa', kind: 'baseline', version: 2, findings: [] }, 'b.json')).toThrow(/b\.json: not a tqa baseline: version/);
  });
});
