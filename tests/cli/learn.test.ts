import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDocument, readDocumentDir } from '../../src/audit.js';
import { parseRulesFile } from '../../src/checks/learned.js';
import { openStore } from '../../src/store/index.js';
import type { Report } from '../../src/model.js';
import { runCli } from './run-cli.js';

// Two audited articles in which post-editors made the same corrections; the audit reports "coalition of
// volunteers" → "Coalition of the Willing" as two neighbouring edits, which learn joins into one phrase rule.
const DOCS: Record<string, [string, string]> = {
  a: [
    'President Volodyr Zelensky met the leaders on Monday.\nThe coalition of volunteers will meet again.\n',
    'President Volodymyr Zelensky met the leaders on Monday.\nThe Coalition of the Willing will meet again.\n',
  ],
  b: [
    'Volodyr Zelensky thanked the coalition of volunteers.\nHe spoke about the routes of Mr. Carney.\n',
    'Volodymyr Zelensky thanked the Coalition of the Willing.\nHe spoke about the itineraries of Mr. Carney.\n',
  ],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tqa-learn-'));
  for (const [id, [mt, corrected]] of Object.entries(DOCS)) {
    mkdirSync(join(dir, 'corpus', id), { recursive: true });
    writeFileSync(join(dir, 'corpus', id, 'mt.txt'), mt);
    writeFileSync(join(dir, 'corpus', id, 'corrected.txt'), corrected);
  }
  writeFileSync(join(dir, 'new.txt'), 'Ms. Anand called Volodyr Zelensky and the coalition of volunteers on Tuesday.\n');
});

describe('tqa learn', () => {
  it('learns repeated corrections (phrases joined) and tqa check --rules proposes them in new MT', async () => {
    const r = await runCli(['learn', 'corpus', '--out', 'rules.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('tqa: learned 2 rules from 2 documents');
    const file = parseRulesFile(JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8')), 'rules.json');
    expect(file.rules.map((x) => [x.match, x.replacement, x.support, x.occurrences, x.applied, x.documents])).toEqual([
      ['coalition of volunteers', 'Coalition of the Willing', 2, 2, 1, 2],
      ['Volodyr', 'Volodymyr', 2, 2, 1, 2],
    ]);
    // "routes" → "itineraries" was seen once: below the default --min-support 2, kept with 1.
    const low = await runCli(['learn', 'corpus/a', 'corpus/b', '--min-support', '1'], dir);
    expect(JSON.parse(low.stdout).rules.map((x: { match: string }) => x.match)).toContain('routes');

    const check = await runCli(['check', 'new.txt', '--rules', 'rules.json', '--format', 'json'], dir);
    const found = (JSON.parse(check.stdout) as Report).documents[0]!.findings.filter((f) => f.origin === 'learned');
    expect(found.map((f) => [f.mt.text, f.suggestion])).toEqual([
      ['Volodyr', 'Volodymyr'],
      ['coalition of volunteers', 'Coalition of the Willing'],
    ]);
    expect(check.code).toBe(1); // the learned findings are major (the audit classified them so)
  });

  it('--db: findings a reviewer rejected are not learned', async () => {
    const doc = auditDocument(readDocumentDir(join(dir, 'corpus/a')));
    const volodyr = doc.findings.find((f) => f.mt.text === 'Volodyr')!;
    const store = openStore(join(dir, 'review.db'));
    store.decide(doc.id, volodyr.id, { status: 'rejected' }, 'tester');
    store.close();
    const r = await runCli(['learn', 'corpus', '--db', 'review.db'], dir);
    expect(r.code).toBe(0);
    const file = parseRulesFile(JSON.parse(r.stdout), 'stdout');
    expect(file.learnedFrom.decisions).toBe(true);
    expect(file.rules.map((x) => x.match)).toEqual(['coalition of volunteers']);
  });

  it('exits 2 on bad input', async () => {
    expect(await runCli(['learn', 'missing'], dir)).toMatchObject({ code: 2, stderr: 'tqa: missing: no such folder\n' });
    expect((await runCli(['learn', 'new.txt'], dir)).code).toBe(2);
    expect((await runCli(['learn', 'corpus', '--min-applied', '1.5'], dir)).stderr).toMatch(/^tqa: --min-applied: expected a fraction/);
    expect((await runCli(['learn', 'corpus', '--db', 'nope.db'], dir)).stderr).toBe('tqa: nope.db: no such decisions database\n');
    mkdirSync(join(dir, 'empty'), { recursive: true });
    expect((await runCli(['learn', 'empty'], dir)).stderr).toBe('tqa: empty: no document folder (mt.txt + corrected.txt) in it\n');
    const unwritable = await runCli(['learn', 'corpus', '--out', 'no-dir/rules.json'], dir);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/tqa: no-dir\/rules\.json: cannot write \(ENOENT\)\n$/);
  });
});
