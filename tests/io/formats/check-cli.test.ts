// `tqa check` on localization files: reference-free checks on a PO file's msgstr texts and an XLIFF's targets,
// or the audit when the file carries the MT next to its post-edit; positions in the file itself. In process
// (tests/cli/run-cli.ts: the binary's program and exit codes), and once through the real binary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { FIXTURES, ROOT } from './helpers.js';

const check = (...args: string[]) => runCli(['check', ...args], FIXTURES);
const checkBin = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), 'check', ...args], { encoding: 'utf8', cwd: FIXTURES });

describe('tqa check on localization files', () => {
  it('checks a lone PO file reference-free, at the msgstr line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tqa-check-po-'));
    const po = join(dir, 'fr.po');
    writeFileSync(po, '# comment\nmsgid "a"\nmsgstr ""\n"The the leaders met."\n\nmsgid "b"\nmsgstr "Canada &amp; its allies ."\n');
    const r = await check(po, '--format', 'github');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(lines.some((l) => l.includes(`file=${po},line=4,col=5,`) && l.includes('Doubled word'))).toBe(true);
    expect(lines.some((l) => l.includes(`file=${po},line=7,`) && l.includes('Space before'))).toBe(true);
    const text = await check(po);
    expect(text.stdout).toMatch(/reference-free checks on the MT alone/);
  });

  it('audits a one-file XLIFF (MT in alt-trans) and gates on it, pointing at XLIFF lines', async () => {
    const r = await check('xliff12-review.xlf', '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::(error|warning) file=xliff12-review\.xlf,line=24,col=116,/m);
  });

  it('audits a pair with --corrected, SARIF regions in the MT file', async () => {
    const r = await check('mt.tmx', '--corrected', 'corrected.tmx', '--format', 'sarif');
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout);
    const lines = sarif.runs[0].results.map((x: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => x.locations[0]!.physicalLocation.region.startLine);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect([7, 11]).toContain(l);
  });

  it('the real binary: a malformed file is exit 2 with one line', () => {
    const r = checkBin('malformed/bomb.xlf');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^tqa: malformed\/bomb\.xlf:3:3: the file declares XML entities/);
  });
});
