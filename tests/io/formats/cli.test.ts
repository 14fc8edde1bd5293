// Localization files through the real `tqa audit` binary: detection, options, positions in the file, and every
// malformed-file case giving one line that names the file and line, with exit 2.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';

const tqa = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), 'audit', '--no-progress', ...args], { encoding: 'utf8', cwd: FIXTURES });

describe('tqa audit on localization files', () => {
  it('audits a one-file XLIFF 1.2 and points GitHub annotations at its lines', () => {
    const r = tqa('xliff12-review.xlf', '--format', 'github');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^::(error|warning) file=xliff12-review\.xlf,line=24,col=116,endLine=24,endColumn=122,title=tqa [a-z-]+\/[a-z-]+ .*“Stable” → “robust”/m);
    expect(r.stdout).toMatch(/^::error file=xliff12-review\.xlf,line=31,.*title=tqa design-markup\/tag/m);
  });

  it('audits two PO files matched by msgctxt + msgid (in another order) and lists findings at PO lines', () => {
    const r = tqa('mt.po', 'corrected.po');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}19:9 .*"Safety" → "Security"/m);
    expect(r.stdout).toMatch(/^ {2}31:25 .*"has" → "have"/m);
  });

  it('JSON keeps the joined texts (units one per line) and re-reads', () => {
    const r = tqa('review.tmx', '--format', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.mt.text.split('\n')[0]).toBe('Canada and her allies discuss Stable safety guarantees.');
    expect(doc.source.text.split('\n')[0]).toBe('Le Canada et ses alliés discutent de garanties solides.');
    expect(doc.segments).toHaveLength(3);
  });

  it('detects the format from the content, whatever the name; --input-format forces it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tqa-formats-'));
    copyFileSync(join(FIXTURES, 'xliff12-review.xlf'), join(dir, 'review.txt'));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), 'audit', '--no-progress', join(dir, 'review.txt'), '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).documents[0].segments).toHaveLength(6);
    writeFileSync(join(dir, 'pairs.txt'), 'a;b\nsrc,machine,post\nx,"The end .",The end.\n');
    const forced = spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), 'audit', '--no-progress', join(dir, 'pairs.txt'), '--input-format', 'csv', '--columns', 'mt=machine,corrected=post'], { encoding: 'utf8' });
    // The first line is the header: "a;b" has no such column.
    expect(forced.status).toBe(2);
    expect(forced.stderr).toMatch(/pairs\.txt:(1|2): /);
    writeFileSync(join(dir, 'pairs.txt'), 'src,machine,post\nx,"The end .",The end.\n');
    const ok = spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), 'audit', '--no-progress', join(dir, 'pairs.txt'), '--input-format', 'csv', '--columns', 'mt=machine,corrected=post'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^ {2}2:8 .*"end \." → "end\."/m);
  });

  it('TMX with both versions told apart by --mt-lang/--target-lang', () => {
    const r = tqa('review-langs.tmx', '--mt-lang', 'en-x-mt', '--target-lang', 'en-CA', '--format', 'csv');
    expect(r.status).toBe(0);
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
  ])('%s → exit 2 and one line', (args, message) => {
    const r = tqa(...args.split(' '));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the source of a localization file comes from the file: --source is refused', () => {
    const r = tqa('xliff12-review.xlf', '--source', 'mt.po');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('tqa: --source: xliff12-review.xlf is an XLIFF file, its source text comes from the file');
  });

  it('never expands an entity: the bomb is refused at once', () => {
    const t0 = Date.now();
    const r = tqa('malformed/bomb.xlf', '--format', 'json');
    expect(r.status).toBe(2);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('plain text still needs its corrected file; localization options need a localization file', () => {
    const seed = join(ROOT, 'texts/ukraine-security-guarantees');
    expect(tqa(join(seed, 'mt.txt')).stderr).toMatch(/^tqa: give the corrected text after/);
    const r = tqa(join(seed, 'mt.txt'), join(seed, 'corrected.txt'), '--columns', 'mt=x');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--columns applies to localization files/);
  });
});
