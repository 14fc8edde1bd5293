// `tqa serve` as a user runs it: prints the URL on stdout, serves DIR, stops cleanly on SIGTERM; bad options exit 2.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ID, sandbox, type Sandbox } from './helpers.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tqa.mjs');
let sb: Sandbox;
beforeAll(() => {
  sb = sandbox();
});
afterAll(() => sb.cleanup());

describe('tqa serve', () => {
  it('prints the URL of a free port, serves the pairs and stops on SIGTERM', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, [BIN, 'serve', sb.texts, '--port', '0', '--data-dir', sb.dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const deadline = Date.now() + 30_000;
    while (!/\n/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    const url = out.trim();
    expect(url, err).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    // The first audit runs in a worker: until it is done the page shows its progress and reloads itself.
    const first = await fetch(`${url}doc/${SEED_ID}`);
    expect(first.status).toBe(200);
    const firstHtml = await first.text();
    if (!firstHtml.includes('Volodyr')) {
      expect(firstHtml).toContain('<meta http-equiv="refresh" content="2">');
      expect(firstHtml).toContain('id="audit-progress"');
    }
    await expect.poll(async () => (await (await fetch(`${url}doc/${SEED_ID}`)).text()).includes('Volodyr'), { timeout: 60_000, interval: 500 }).toBe(true);
    expect(err).toContain(`decisions in ${join(sb.dataDir, 'tqa.db')}`);
    await expect.poll(() => err, { timeout: 30_000 }).toMatch(/audits ready \(\d+\.\d s\)/);
    expect(existsSync(join(sb.dataDir, 'tqa.db'))).toBe(true);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('exits 2 with one line for a missing folder or a bad option', { timeout: 180_000 }, () => {
    for (const args of [['serve', join(sb.dir, 'nope')], ['serve', sb.texts, '--port', 'eighty'], ['serve', sb.texts, '--body-limit', 'lots'], ['serve', sb.texts, '--port', '0', '--threshold', '']]) {
      const r = spawnSync(process.execPath, [BIN, ...args, '--data-dir', sb.dataDir], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^tqa: /);
    }
    // A data folder that cannot be created (a file stands there): refused before the server starts.
    const file = join(sb.texts, SEED_ID, 'mt.txt');
    const dataDir = spawnSync(process.execPath, [BIN, 'serve', sb.texts, '--port', '0', '--db', join(sb.dir, 'd.db'), '--data-dir', file], { encoding: 'utf8', timeout: 20_000 });
    expect(dataDir.status, dataDir.stderr).toBe(2);
    expect(dataDir.stderr).toBe(`tqa: --data-dir ${file}: cannot create it (EEXIST)\n`);
    // Choices are commander's: the usage error names the allowed values.
    const preset = spawnSync(process.execPath, [BIN, 'serve', sb.texts, '--port', '0', '--preset', 'mqm', '--data-dir', sb.dataDir], { encoding: 'utf8' });
    expect(preset.status).toBe(2);
    expect(preset.stderr).toContain('Allowed choices are mqm-core, wmt-google');
  });
});
