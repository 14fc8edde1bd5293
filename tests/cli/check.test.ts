import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJunit, sarifValidator } from '../report/parsers.js';
import { openStore } from '../../src/store/index.js';
import type { Report } from '../../src/model.js';
import { runCli } from './run-cli.js';

const bin = new URL('../../bin/tqa.mjs', import.meta.url).pathname;
const seedDir = new URL('../../texts/ukraine-security-guarantees/', import.meta.url).pathname;

/** The real binary, in a child process: exit codes and stderr exactly as CI sees them. */
function spawnTqa(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
// Most cases run the same command in-process (a child process costs ~1.5 s of a shared 2-core machine).
const tqa = runCli;

let dir: string;
beforeAll(() => {
  // A work folder like a user's repository: the seed MT alone (no correction), its glossary, and a document folder.
  dir = mkdtempSync(join(tmpdir(), 'tqa-check-'));
  copyFileSync(join(seedDir, 'mt.txt'), join(dir, 'article.txt'));
  copyFileSync(new URL('../fixtures/checks/seed-glossary.tsv', import.meta.url), join(dir, 'glossary.tsv'));
  mkdirSync(join(dir, 'docs/seed'), { recursive: true });
  for (const f of ['mt.txt', 'corrected.txt']) copyFileSync(join(seedDir, f), join(dir, 'docs/seed', f));
});

describe('tqa check on MT without a correction', () => {
  it('runs the reference-free checks, says so, and fails the gate on major findings (exit 1)', async () => {
    const r = spawnTqa(['check', 'article.txt', '--glossary', 'glossary.tsv'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('article.txt: reference-free checks on the MT alone (no correction given): 21 findings');
    expect(r.stdout).toContain('article.txt:3:67  major  accuracy/mistranslation  check/merged-name  "theTake" runs "the" into "Take"');
    expect(r.stdout).toMatch(/gate failed: article\.txt: 8 findings at or above major/);
  });

  it('fails without the glossary too, on the major errors of the MT itself: "Volodyr" beside "Volodymyr" and "theTake" (exit 1)', async () => {
    const r = spawnTqa(['check', 'article.txt', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report & { gate: { pass: boolean; lines: string[] } };
    expect(report.gate.pass).toBe(false);
    expect(report.gate.lines[0]).toMatch(/2 findings at or above major \(first: 1:232 check\/name-variant: "Volodyr".*3:67 "theTake" check\/merged-name/);
    const doc = report.documents[0]!;
    expect(doc.id).toBe('article');
    expect(doc.corrected).toEqual({ path: '', text: '' });
    // The 16 findings of before, "theTake" now check/merged-name, and "Volodyr" (check/name-variant).
    expect(doc.findings.length).toBe(17);
    expect(doc.findings.every((f) => f.origin === 'check' && f.rule.startsWith('check/'))).toBe(true);
    expect(r.stderr).toContain('tqa: gate failed: article.txt: 2 findings at or above major');
  });

  it('writes SARIF 2.1.0 that validates against the schema, with one result per finding', async () => {
    const r = await tqa(['check', 'article.txt', '--glossary', 'glossary.tsv', '--format', 'sarif', '--out', 'out.sarif'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }> }> }> };
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(21);
    expect(results.map((x) => x.locations[0]!.physicalLocation.region)).toContainEqual(expect.objectContaining({ startLine: 3, startColumn: 67 }));
  });

  it('writes JUnit with a failing gate suite, and GitHub annotations', async () => {
    const junit = parseJunit((await tqa(['check', 'article.txt', '--glossary', 'glossary.tsv', '--format', 'junit'], dir)).stdout);
    const gate = junit.testsuites.testsuite.find((s) => s.name === 'tqa.gate')!;
    expect(gate.testcase[0]!.failure).toHaveLength(1);
    const gh = await tqa(['check', 'article.txt', '--glossary', 'glossary.tsv', '--format', 'github'], dir);
    expect(gh.code).toBe(1);
    const lines = gh.stdout.trim().split('\n');
    expect(lines.filter((l) => /^::(error|warning|notice) file=article\.txt,line=\d+,/.test(l)).length).toBe(21);
    expect(lines.some((l) => l.startsWith('::error file=article.txt,line=3,') || l.includes('line=3,col=67'))).toBe(true);
  });
});

describe('tqa check with a correction, folders and globs', () => {
  it('audits a document folder (mt.txt + corrected.txt) and adds the checks the audit did not cover', async () => {
    const r = await tqa(['check', 'docs/seed', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const doc = (JSON.parse(r.stdout) as Report).documents[0]!;
    expect(doc.id).toBe('seed');
    expect(doc.corrected.path).toBe(join('docs/seed', 'corrected.txt'));
    expect(doc.findings.some((f) => f.origin === 'audit')).toBe(true);
    // No check finding overlaps an audit finding.
    const audit = doc.findings.filter((f) => f.origin === 'audit');
    for (const c of doc.findings.filter((f) => f.origin === 'check')) {
      expect(audit.some((a) => a.mt.start < c.mt.end && c.mt.start < a.mt.end)).toBe(false);
    }
  });

  it('fails on maxHter from a config, and exits 2 with the key path on a bad config', async () => {
    writeFileSync(join(dir, 'hter.json'), JSON.stringify({ failOn: 'none', maxHter: 0.05 }));
    const r = await tqa(['check', 'article.txt', '--corrected', 'docs/seed/corrected.txt', '--config', 'hter.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/gate failed: article\.txt: HTER 0\.\d{3} > max 0\.05/);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ overrides: [{ files: '*.txt', failOn: 'fatal' }] }));
    const bad = spawnTqa(['check', 'article.txt', '--config', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^tqa: bad\.json: overrides\[0\]\.failOn: /);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('applies per-path overrides to a glob of files', async () => {
    mkdirSync(join(dir, 'many/legal'), { recursive: true });
    writeFileSync(join(dir, 'many/news.txt'), 'The the minister spoke.\n');
    writeFileSync(join(dir, 'many/legal/terms.txt'), 'The the parties agree.\n');
    writeFileSync(join(dir, 'many.json'), JSON.stringify({ failOn: 'none', overrides: [{ files: 'many/legal/**', failOn: 'minor' }] }));
    const r = await tqa(['check', 'many/**/*.txt', '--config', 'many.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('many/news.txt: reference-free checks');
    expect(r.stdout).toMatch(/gate failed: many\/legal\/terms\.txt: 1 finding at or above minor/);
    expect(r.stdout).not.toMatch(/gate failed: many\/news\.txt/);
  });

  it('checks every .txt/.md file of a folder without document folders, and lists its checks', async () => {
    mkdirSync(join(dir, 'plain/sub'), { recursive: true });
    writeFileSync(join(dir, 'plain/a.txt'), 'Clean text here.\n');
    writeFileSync(join(dir, 'plain/sub/b.md'), 'A long- term plan.\n');
    const r = await tqa(['check', 'plain', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const docs = (JSON.parse(r.stdout) as Report).documents;
    expect(docs.map((d) => [d.id, d.findings.map((f) => f.rule)])).toEqual([
      ['a', []],
      ['b', ['check/space-in-hyphen']],
    ]);
    const list = await tqa(['check', '--list-checks'], dir);
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0])).toContain('check/untranslated');
  });

  it('checks the localization files of a folder like the glob of them does (mt.po takes corrected.po)', async () => {
    const fx = (n: string) => new URL(`../fixtures/formats/${n}`, import.meta.url);
    mkdirSync(join(dir, 'l10n'), { recursive: true });
    copyFileSync(fx('xliff12-review.xlf'), join(dir, 'l10n/review.xlf'));
    copyFileSync(fx('mt.po'), join(dir, 'l10n/mt.po'));
    copyFileSync(fx('corrected.po'), join(dir, 'l10n/corrected.po'));
    writeFileSync(join(dir, 'l10n/glossary.tsv'), 'term\tforbidden\nCanada\tKanada\n');
    const folder = await tqa(['check', 'l10n', '--format', 'json'], dir);
    expect(folder.stderr).not.toMatch(/no mt\.txt/);
    const docs = (JSON.parse(folder.stdout) as Report).documents;
    expect(docs.map((d) => d.mt.path).sort()).toEqual(['l10n/mt.po', 'l10n/review.xlf']);
    // The XLIFF is checked as the glob `l10n/*.xlf` checks it: same findings.
    const glob = await tqa(['check', 'l10n/*.xlf', '--format', 'json'], dir);
    const viaGlob = (JSON.parse(glob.stdout) as Report).documents[0]!;
    const viaFolder = docs.find((d) => d.mt.path === 'l10n/review.xlf')!;
    expect(viaFolder.findings.map((f) => f.id)).toEqual(viaGlob.findings.map((f) => f.id));
    expect(viaFolder.findings.length).toBeGreaterThan(0);
    expect(viaFolder.mt.text).not.toContain('<trans-unit');
    // mt.po is audited against corrected.po (a correction found in the folder), not checked alone.
    const po = docs.find((d) => d.mt.path === 'l10n/mt.po')!;
    const alone = (JSON.parse((await tqa(['check', 'l10n/mt.po', '--format', 'json'], dir)).stdout) as Report).documents[0]!;
    expect(po.findings.length).toBeGreaterThan(alone.findings.length);
    // A folder with nothing to check still says so.
    mkdirSync(join(dir, 'empty-l10n'), { recursive: true });
    writeFileSync(join(dir, 'empty-l10n/data.csv'), 'a,b\n1,2\n');
    const none = await tqa(['check', 'empty-l10n'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no mt\.txt, no localization file/);
  });

  it('reads ./tqa.config.json by default: inline glossary, allow-list, rules path relative to the config', async () => {
    const proj = join(dir, 'proj');
    mkdirSync(join(proj, 'l10n'), { recursive: true });
    writeFileSync(join(proj, 'new.txt'), 'The safety guarantees for Volodyr Zelensky were discussed by theTake.\n');
    writeFileSync(
      join(proj, 'l10n/rules.json'),
      JSON.stringify({
        tool: 'tqa', kind: 'learned-rules', version: 1,
        learnedFrom: { documents: 2, findings: 2, decisions: false }, options: { minSupport: 2, minApplied: 0.5 },
        rules: [{ id: 'learned/v', match: 'Volodyr', replacement: 'Volodymyr', support: 2, occurrences: 2, applied: 1, documents: 2, category: 'locale-convention/name', type: 'R:SPELL', severity: 'minor' }],
      }),
    );
    writeFileSync(
      join(proj, 'tqa.config.json'),
      JSON.stringify({ failOn: 'major', allow: ['theTake'], rules: 'l10n/rules.json', glossary: [{ term: 'security guarantees', forbidden: ['safety guarantees'] }] }),
    );
    const r = await tqa(['check', 'new.txt', '--format', 'json'], proj);
    expect(r.code).toBe(1);
    const doc = (JSON.parse(r.stdout) as Report).documents[0]!;
    expect(doc.findings.map((f) => [f.rule, f.mt.text])).toEqual([
      ['check/glossary-forbidden', 'safety guarantees'],
      ['learned/v', 'Volodyr'],
    ]);
  });

  it('exits 2 on bad input: a missing file, a glob with no match, --corrected with several files', async () => {
    expect(await tqa(['check', 'nope.txt'], dir)).toMatchObject({ code: 2, stderr: 'tqa: nope.txt: no such file or folder\n' });
    expect(await tqa(['check', 'none/**/*.txt'], dir)).toMatchObject({ code: 2, stderr: 'tqa: none/**/*.txt: no file matches\n' });
    expect((await tqa(['check', 'article.txt', 'many/news.txt', '--corrected', 'x.txt'], dir)).code).toBe(2);
    expect((await tqa(['check'], dir)).code).toBe(2);
  });

  it('gives two files with the same name distinct document ids (their paths without the extension)', async () => {
    for (const d of ['dup/a', 'dup/b.v2']) {
      mkdirSync(join(dir, d), { recursive: true });
      writeFileSync(join(dir, d, 'news.txt'), 'The minister spoke on Monday.\n');
    }
    const r = await tqa(['check', 'dup/a/news.txt', 'dup/b.v2/news.txt', 'article.txt', '--format', 'json'], dir);
    expect((JSON.parse(r.stdout) as Report).documents.map((d) => d.id)).toEqual(['dup/a/news', 'dup/b.v2/news', 'article']);
  });

  it('exits 2 with one line on a bad JSON input: a folder, invalid UTF-8, not JSON', async () => {
    writeFileSync(join(dir, 'latin1.json'), Buffer.from('{"allow": ["caf\xe9"]}', 'latin1'));
    expect(await tqa(['check', 'article.txt', '--config', 'docs'], dir)).toMatchObject({ code: 2, stderr: 'tqa: docs: is a directory, not a text file\n' });
    expect(await tqa(['check', 'article.txt', '--rules', 'latin1.json'], dir)).toMatchObject({ code: 2, stderr: 'tqa: latin1.json: invalid UTF-8 at byte 15\n' });
    expect((await tqa(['check', 'article.txt', '--baseline', 'article.txt'], dir)).stderr).toMatch(/^tqa: article\.txt: the baseline is not valid JSON/);
  });

  it('exits 2 naming the path when --out or the baseline cannot be written (no crash)', async () => {
    expect(await tqa(['check', 'article.txt', '--out', 'no-dir/out.txt'], dir)).toMatchObject({ code: 2, stderr: 'tqa: no-dir/out.txt: cannot write (ENOENT)\n' });
    expect(await tqa(['check', 'article.txt', '--write-baseline', '--baseline', 'no-dir/b.json'], dir)).toMatchObject({
      code: 2,
      stderr: 'tqa: no-dir/b.json: cannot write (ENOENT)\n',
    });
  });
});

describe('tqa check baselines, learned rules and decisions', () => {
  it('--write-baseline, then fails only on new findings', async () => {
    const w = await tqa(['check', 'article.txt', '--glossary', 'glossary.tsv', '--write-baseline', '--baseline', 'base.json'], dir);
    expect(w.code).toBe(0);
    expect(w.stderr).toBe('tqa: wrote 21 finding fingerprints to base.json\n');
    expect((await tqa(['check', 'article.txt', '--glossary', 'glossary.tsv', '--baseline', 'base.json'], dir)).code).toBe(0);
    copyFileSync(join(dir, 'article.txt'), join(dir, 'article2.txt'));
    appendFileSync(join(dir, 'article2.txt'), '\nMr. Zelensky thanked the coalition of the volunteers.');
    // The baseline is per document id: give the edited copy the same id by checking it under the same name.
    mkdirSync(join(dir, 'v2'), { recursive: true });
    copyFileSync(join(dir, 'article2.txt'), join(dir, 'v2/article.txt'));
    const r = await tqa(['check', 'v2/article.txt', '--glossary', 'glossary.tsv', '--baseline', 'base.json', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const doc = (JSON.parse(r.stdout) as Report).documents[0]!;
    expect(doc.findings.map((f) => f.mt.text)).toEqual(['coalition of the volunteers']);
    expect((await tqa(['check', 'article.txt', '--baseline', 'missing.json'], dir)).code).toBe(2);
  });

  it('--rules flags learned patterns with the learned correction', async () => {
    const rules = {
      tool: 'tqa',
      kind: 'learned-rules',
      version: 1,
      learnedFrom: { documents: 3, findings: 10, decisions: false },
      options: { minSupport: 2, minApplied: 0.5 },
      rules: [
        { id: 'learned/x', match: 'routes', replacement: 'itineraries', support: 3, occurrences: 4, applied: 0.75, documents: 2, category: 'accuracy/mistranslation', type: 'R:NOUN', severity: 'major' },
      ],
    };
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(rules));
    const r = await tqa(['check', 'article.txt', '--rules', 'rules.json', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const learned = (JSON.parse(r.stdout) as Report).documents[0]!.findings.filter((f) => f.origin === 'learned');
    expect(learned.map((f) => [f.mt.line, f.mt.text, f.suggestion, f.rule])).toEqual([[16, 'routes', 'itineraries', 'learned/x']]);
    writeFileSync(join(dir, 'bad-rules.json'), JSON.stringify({ ...rules, version: 3 }));
    expect(await tqa(['check', 'article.txt', '--rules', 'bad-rules.json'], dir)).toMatchObject({ code: 2 });
  });

  it('--db: a finding a reviewer rejected drops out of the gate', async () => {
    const before = JSON.parse((await tqa(['check', 'article.txt', '--glossary', 'glossary.tsv', '--format', 'json'], dir)).stdout) as Report;
    const majors = before.documents[0]!.findings.filter((f) => f.severity === 'major');
    expect(majors).toHaveLength(8);
    const store = openStore(join(dir, 'review.db'));
    for (const f of majors) store.decide('article', f.id, { status: 'rejected' }, 'tester');
    store.close();
    const r = await tqa(['check', 'article.txt', '--glossary', 'glossary.tsv', '--db', 'review.db'], dir);
    expect(r.stdout).toContain('(8 ignored)');
    expect(r.code).toBe(0);
  });
});
