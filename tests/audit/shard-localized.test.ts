// `tqa audit --shard K/N` on localization files (a slice of the units) + `tqa merge` give the unsharded JSON
// report byte for byte: word findings, markup findings of each unit, ids, corpus metrics, MQM, effort.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const F = join(ROOT, 'tests/fixtures/formats');
const dir = mkdtempSync(join(tmpdir(), 'tqa-shard-l10n-'));

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args, ROOT);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const CASES: Array<[string, string[]]> = [
  ['XLIFF 2 with MT and review', [join(F, 'xliff2-review.xlf')]],
  ['XLIFF 1.2 pair', [join(F, 'xliff12-mt.xlf'), join(F, 'xliff12-corrected.xlf')]],
  ['PO pair', [join(F, 'mt.po'), join(F, 'corrected.po')]],
  ['TSV', [join(F, 'review.tsv')]],
  ['TMX', [join(F, 'review.tmx')]],
];

describe('tqa audit --shard K/N on localization files + tqa merge', () => {
  it.each(CASES)('%s: 2 and 4 shards merge into the unsharded report', async (_name, files) => {
    const whole = await ok(['audit', ...files, '--format', 'json']);
    const doc = JSON.parse(whole).documents[0];
    expect(doc.findings.length).toBeGreaterThan(0);
    for (const n of [2, 4]) {
      const paths: string[] = [];
      for (let k = 1; k <= n; k++) {
        const out = join(dir, `${files.length}-${doc.id}-${n}-${k}.json`);
        await ok(['audit', ...files, '--shard', `${k}/${n}`, '--format', 'json', '--out', out]);
        paths.push(out);
      }
      expect(await ok(['merge', ...paths.reverse()]), `${n} shards`).toBe(whole);
    }
  });

  it('a shard of an XLIFF holds only its units (markup findings included)', async () => {
    const xlf = join(F, 'xliff2-review.xlf');
    const whole = JSON.parse(await ok(['audit', xlf, '--format', 'json'])).documents[0];
    const markup = whole.findings.filter((f: { rule: string }) => f.rule === 'markup/placeholder');
    expect(markup.length).toBeGreaterThan(0);
    const total = whole.segments.length;
    const second = JSON.parse(await ok(['audit', xlf, '--shard', `2/2`, '--format', 'json'])).documents[0];
    const from = Math.floor(total / 2);
    expect(second.shard.segments).toEqual({ from, to: total, total });
    expect(second.findings).toEqual(whole.findings.filter((f: { segment: number }) => f.segment >= from));
  });
});
