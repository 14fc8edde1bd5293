// Localization files through `tqa audit`: detection, options, positions in the file, and every malformed-file
// case giving one line that names the file and line, with exit 2. The command runs in process (tests/cli/run-cli.ts,
// the binary's own program and exit-code mapping); one test spawns the real binary, where the process is the point.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { FIXTURES, ROOT } from './helpers.js';

const tqa = (...args: string[]) => runCli(['audit', '--no-progress', ...args], FIXTURES);

describe('tqa audit on localization files', () => {
  it('audits a one-file XLIFF 1.2 and points GitHub annotations at its lines', async () => {
    const r = await tqa('xliff12-review.xlf', '--format', 'github');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::(error|warning) file=xliff12-review\.xlf,line=24,col=116,endLine=24,endColumn=122,title=tqa [a-z-]+\/[a-z-]+ .*“Stable” → “robust”/m);
    expect(r.stdout).toMatch(/^::error file=xliff12-review\.xlf,line=31,.*title=tqa design-markup\/tag/m);
  });

  it('audits two PO files matched by msgctxt + msgid (in another order) and lists findings at PO lines', async () => {
    const r = await tqa('mt.po', 'corrected.po');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}19:9 .*"Safety" → "Security"/m);
    expect(r.stdout).toMatch(/^ {2}31:25 .*"has" → "have"/m);
  });

  it('JSON keeps the joined texts (units one per line) and re-reads', async () => {
    const r = await tqa('review.tmx', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.mt.text.split('\n')[0]).toBe('Canada and her allies discuss Stable safety guarantees.');
    expect(doc.source.text.split('\n')[0]).toBe('Le Canada et ses alliés discutent de garanties solides.');
    expect(doc.segments).toHaveLength(3);
  });

  it('detects the format from the content, whatever the name; --input-format forces it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tqa-formats-'));
    copyFileSync(join(FIXTURES, 'xliff12-review.xlf'), join(dir, 'review.txt'));
    const r = await runCli(['audit', '--no-progress', join(dir, 'review.txt'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).documents[0].segments).toHaveLength(6);
    writeFileSync(join(dir, 'pairs.txt'), 'a;b\nsrc,machine,post\nx,"The end .",The end.\n');
    const forced = await runCli(['audit', '--no-progress', join(dir, 'pairs.txt'), '--input-format', 'csv', '--columns', 'mt=machine,corrected=post']);
    // The first line is the header: "a;b" has no such column.
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/pairs\.txt:(1|2): /);
    writeFileSync(join(dir, 'pairs.txt'), 'src,machine,post\nx,"The end .",The end.\n');
    const ok = await runCli(['audit', '--no-progress', join(dir, 'pairs.txt'), '--input-format', 'csv', '--columns', 'mt=machine,corrected=post']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ {2}2:8 .*"end \." → "end\."/m);
  });

  it('TMX with both versions told apart by --mt-lang/--target-lang', async () => {
    const r = await tqa('review-langs.tmx', '--mt-lang', 'en-x-mt', '--target-lang', 'en-CA', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/peace keeping/);
  });

  it.each([
    ['malformed/broken.xlf', /^tqa: malformed\/broken\.xlf:7:22: malformed XML: Expected closing tag 'target'/],
    ['malformed/bomb.xlf', /^tqa: malformed\/bomb\.xlf:3:3: the file declares XML entities/],
    ['malformed/xxe.xlf', /^tqa: malformed\/xxe\.xlf:3:3: the file declares XML entities/],
    ['malformed/undefined-entity.xlf', /^tqa: malformed\/undefined-entity\.xlf:7:22: undefined entity &nbsp;/],
    ['malformed/dup-ids.xlf', /^tqa: malformed\/dup-ids\.xlf:10: duplicate unit id "1" \(first at line 5\)/],
    ['malformed/missing-target.xlf', /^tqa: malformed\/missing-target\.xlf:10: unit "2" has no target/],
    ['xliff12-mt.xlf malformed/fewer-units.xlf', /^tqa: xliff12-mt\.xlf:13: unit "empty" is not in malformed\/fewer-units\.xlf/],
    ['malformed/broken.po mt.po', /^tqa: malformed\/broken\.po:2: unterminated string/],
    ['malformed/broken.csv', /^tqa: malformed\/broken\.csv:2: malformed CSV/],
    ['xliff12-mt.xlf', /^tqa: xliff12-mt\.xlf:5: unit "intro" has no MT/],
    ['mt.po', /^tqa: mt\.po: a PO file holds one translation/],
    ['xliff12-mt.xlf mt.po', /^tqa: mt\.po: a PO file, but xliff12-mt\.xlf is an XLIFF file: give two files of the same format/],
  ])('%s → exit 2 and one line', async (args, message) => {
    const r = await tqa(...args.split(' '));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the source of a localization file comes from the file: --source is refused', async () => {
    const r = await tqa('xliff12-review.xlf', '--source', 'mt.po');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('tqa: --source: xliff12-review.xlf is an XLIFF file, its source text comes from the file');
  });

  it('never expands an entity: the real binary refuses the bomb at once, exit 2 and one line', () => {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), 'audit', '--no-progress', 'malformed/bomb.xlf', '--format', 'json'], { encoding: 'utf8', cwd: FIXTURES });
    expect(r.status).toBe(2);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tqa: malformed\/bomb\.xlf:3:3: the file declares XML entities/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('plain text still needs its corrected file; localization options need a localization file', async () => {
    const seed = join(ROOT, 'texts/ukraine-security-guarantees');
    expect((await tqa(join(seed, 'mt.txt'))).stderr).toMatch(/^tqa: give the corrected text after/);
    const r = await tqa(join(seed, 'mt.txt'), join(seed, 'corrected.txt'), '--columns', 'mt=x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--columns applies to localization files/);
  });
});
