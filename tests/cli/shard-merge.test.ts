// `tqa audit --shard K/N` + `tqa merge` give the unsharded report byte for byte; `--jobs N` gives the `--jobs 1`
// report; `--format jsonl` is one record per segment. In process (runCli), except where the compiled binary's
// worker threads are the point.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SEED = join(ROOT, 'texts/ukraine-security-guarantees');
const MLQE = join(ROOT, 'tests/fixtures/mlqe-pe/ro-en-dev');
const dir = mkdtempSync(join(tmpdir(), 'tqa-shard-'));

/** 240 MLQE-PE ro-en lines, with the same error repeated so that finding ids repeat ("#2", "#3"...) across
 *  shard boundaries. */
function corpus(): { mt: string; pe: string } {
  const mt = readFileSync(join(MLQE, 'dev.mt'), 'utf8').split('\n').slice(0, 240);
  const pe = readFileSync(join(MLQE, 'dev.pe'), 'utf8').split('\n').slice(0, 240);
  // Runs of three identical lines: the middle one's error has the same context each time, hence the same id.
  for (let i = 0; i + 3 <= mt.length; i += 10) {
    for (let j = i; j < i + 3; j++) {
      mt[j] = 'The results was published on monday.';
      pe[j] = 'The results were published on Monday.';
    }
  }
  const m = join(dir, 'mt.txt');
  const p = join(dir, 'pe.txt');
  writeFileSync(m, `${mt.join('\n')}\n`);
  writeFileSync(p, `${pe.join('\n')}\n`);
  return { mt: m, pe: p };
}
const LINES = corpus();

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args, ROOT);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(/error/i); // a language notice may be there
  return r.stdout;
}

async function shardsMerged(files: string[], extra: string[], n: number): Promise<string> {
  const paths: string[] = [];
  for (let k = n; k >= 1; k--) {
    const out = join(dir, `shard-${files.length}-${n}-${k}.json`);
    await ok(['audit', ...files, ...extra, '--shard', `${k}/${n}`, '--format', 'json', '--out', out]);
    paths.push(out);
  }
  return ok(['merge', ...paths]); // given in reverse order: merge orders them
}

describe('tqa audit --shard K/N + tqa merge', () => {
  it('4 shards of the seed document (sentences aligned across lines, a glossary) merge into the unsharded report', async () => {
    const files = [join(SEED, 'mt.txt'), join(SEED, 'corrected.txt')];
    const extra = ['--glossary', join(SEED, 'glossary.tsv')];
    const whole = await ok(['audit', ...files, ...extra, '--format', 'json']);
    const merged = await shardsMerged(files, extra, 4);
    expect(merged).toBe(whole);
    const report = JSON.parse(whole);
    expect(report.documents[0].findings.length).toBeGreaterThan(20);
    expect(report.documents[0].shard).toBeUndefined();
  });

  it('4 shards of a line-aligned corpus with repeated findings merge into the unsharded report (ids renumbered)', async () => {
    const files = [LINES.mt, LINES.pe];
    const extra = ['--segmentation', 'lines'];
    const whole = await ok(['audit', ...files, ...extra, '--format', 'json']);
    const doc = JSON.parse(whole).documents[0];
    // The repeated error gives ids with "#n" in every shard; the whole document numbers them in order.
    expect(doc.findings.filter((f: { id: string }) => /#\d+$/.test(f.id)).length).toBeGreaterThan(20);
    expect(doc.findings.some((f: { id: string; segment: number }) => /#\d+$/.test(f.id) && f.segment >= 180)).toBe(true);
    expect(await shardsMerged(files, extra, 4)).toBe(whole);
  });

  it('4 shards of a Chinese corpus merge with the zh tokenizer the unsharded audit used', async () => {
    const zh = join(MLQE, '..', 'en-zh-dev');
    const mt = join(dir, 'zh-mt.txt');
    const pe = join(dir, 'zh-pe.txt');
    writeFileSync(mt, `${readFileSync(join(zh, 'dev.mt'), 'utf8').split('\n').slice(0, 40).join('\n')}\n`);
    writeFileSync(pe, `${readFileSync(join(zh, 'dev.pe'), 'utf8').split('\n').slice(0, 40).join('\n')}\n`);
    const extra = ['--segmentation', 'lines', '--target-lang', 'zh'];
    const whole = await ok(['audit', mt, pe, ...extra, '--format', 'json']);
    expect(JSON.parse(whole).documents[0].metrics.signatures.bleu).toContain('tok:zh');
    expect(await shardsMerged([mt, pe], extra, 4)).toBe(whole);
  });

  it('a shard holds its slice: segments, findings, and summed statistics of its segments only', async () => {
    const out = JSON.parse(await ok(['audit', LINES.mt, LINES.pe, '--segmentation', 'lines', '--shard', '2/4', '--format', 'json']));
    const doc = out.documents[0];
    expect(doc.shard).toMatchObject({ index: 2, count: 4, segments: { from: 60, to: 120, total: 240 }, totals: { pairs: 60 } });
    expect(doc.segments.map((s: { id: number }) => s.id)).toEqual(Array.from({ length: 60 }, (_, i) => 60 + i));
    expect(doc.findings.every((f: { segment: number; mt: { line: number } }) => f.segment >= 60 && f.segment < 120 && f.mt.line === f.segment + 1)).toBe(true);
  });

  it('refuses bad shards and incomplete or mixed merges with one line, exit 2', async () => {
    for (const bad of ['0/4', '5/4', '4', 'a/b', '1/0', '1/100001']) {
      const r = await runCli(['audit', LINES.mt, LINES.pe, '--shard', bad], ROOT);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/^tqa: --shard: expected K\/N with 1 ≤ K ≤ N ≤ 100000/);
    }
    const shard = (k: number, n: number, mt = LINES.mt) => {
      const out = join(dir, `m-${k}-${n}-${mt === LINES.mt ? 'a' : 'b'}.json`);
      return ok(['audit', mt, LINES.pe, '--segmentation', 'lines', '--shard', `${k}/${n}`, '--format', 'json', '--out', out]).then(() => out);
    };
    const [a1, a2, a3] = [await shard(1, 3), await shard(2, 3), await shard(3, 3)];
    expect(await runCli(['merge', a1, a3], ROOT)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^tqa: merge: document ".*": shard 2\/3 is missing\n$/) });
    expect(await runCli(['merge', a1, a2, a2, a3], ROOT)).toMatchObject({ code: 2, stderr: expect.stringMatching(/shard 3\/3 is given twice/) });
    const whole = join(dir, 'whole.json');
    await ok(['audit', LINES.mt, LINES.pe, '--segmentation', 'lines', '--format', 'json', '--out', whole]);
    expect(await runCli(['merge', whole], ROOT)).toMatchObject({ code: 2, stderr: expect.stringMatching(/whole\.json: document ".*" is not a shard/) });
    const other = join(dir, 'other-mt.txt');
    writeFileSync(other, readFileSync(LINES.mt, 'utf8').replace('monday', 'Tuesday'));
    const b2 = join(dir, 'b2.json');
    await ok(['audit', other, LINES.pe, '--segmentation', 'lines', '--shard', '2/3', '--format', 'json', '--out', b2]);
    const doc = JSON.parse(readFileSync(b2, 'utf8'));
    doc.documents[0].id = JSON.parse(readFileSync(a1, 'utf8')).documents[0].id; // same name, other text
    writeFileSync(b2, JSON.stringify(doc));
    expect(await runCli(['merge', a1, b2, a3], ROOT)).toMatchObject({ code: 2, stderr: expect.stringMatching(/b2\.json: .*not the same texts/) });
    const broken = JSON.parse(readFileSync(a1, 'utf8'));
    broken.documents[0].shard.totals.chrf = 'many';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    expect(await runCli(['merge', join(dir, 'broken.json'), a2, a3], ROOT)).toMatchObject({ code: 2, stderr: expect.stringMatching(/broken\.json: documents\[0\]\.shard: not a shard description/) });
  });

  it('refuses --shard with --jobs, naming why (shards of localization files: tests/audit/shard-localized.test.ts)', async () => {
    expect(await runCli(['audit', LINES.mt, LINES.pe, '--shard', '1/2', '--jobs', '2'], ROOT)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--shard and --jobs/) });
  });
});

describe('tqa audit --jobs N', () => {
  it('gives the --jobs 1 report byte for byte (worker threads under the test runner, sentences across lines)', async () => {
    const files = [join(SEED, 'mt.txt'), join(SEED, 'corrected.txt')];
    const one = await ok(['audit', ...files, '--jobs', '1', '--format', 'json']);
    expect(await ok(['audit', ...files, '--jobs', '2', '--format', 'json'])).toBe(one);
  });

  it('gives the --jobs 1 report of a localization file (markup findings and positions added after the merge)', async () => {
    const xliff = join(ROOT, 'tests/fixtures/formats/xliff2-review.xlf');
    const one = await ok(['audit', xliff, '--jobs', '1', '--format', 'sarif']);
    expect(JSON.parse(one).runs[0].results.length).toBeGreaterThan(0);
    expect(await ok(['audit', xliff, '--jobs', '2', '--format', 'sarif'])).toBe(one);
  });

  it('the compiled binary (dist/ workers) gives the --jobs 1 output byte for byte', async () => {
    const args = ['audit', LINES.mt, LINES.pe, '--segmentation', 'lines', '--format', 'jsonl', '--no-progress'];
    const one = await ok([...args, '--jobs', '1']);
    const two = spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), ...args, '--jobs', '2'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one);
    expect(one.split('\n')).toHaveLength(241);
  }, 180_000);

  it('refuses a bad --jobs naming the limit', async () => {
    for (const bad of ['0', '-2', '1.5', 'all', '257']) {
      expect(await runCli(['audit', LINES.mt, LINES.pe, '--jobs', bad], ROOT)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^tqa: --jobs: expected a whole number from 1 to 256/) });
    }
  });
});

describe('tqa audit --format jsonl', () => {
  it('is one record per segment, with its texts, line, metrics and findings, matching the JSON report', async () => {
    const json = JSON.parse(await ok(['audit', LINES.mt, LINES.pe, '--segmentation', 'lines', '--format', 'json'])).documents[0];
    const text = await ok(['audit', LINES.mt, LINES.pe, '--segmentation', 'lines', '--format', 'jsonl']);
    expect(text.endsWith('\n')).toBe(true);
    const records = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(240);
    const mtLines = readFileSync(LINES.mt, 'utf8').split('\n');
    records.forEach((r, i) => {
      expect(r).toMatchObject({ document: json.id, segment: i, mt: { line: i + 1, text: mtLines[i] }, corrected: { line: i + 1 }, metrics: json.segments[i].metrics });
      expect(r.findings).toEqual(json.findings.filter((f: { segment: number }) => f.segment === i));
    });
  });

  it('numbers lines of sentences aligned across line breaks from the text', async () => {
    const text = await ok(['audit', join(SEED, 'mt.txt'), join(SEED, 'corrected.txt'), '--format', 'jsonl']);
    const mt = readFileSync(join(SEED, 'mt.txt'), 'utf8');
    for (const line of text.trimEnd().split('\n')) {
      const r = JSON.parse(line);
      expect(r.mt.line).toBe(mt.slice(0, r.mt.start).split('\n').length);
      expect(mt.slice(r.mt.start, r.mt.end)).toBe(r.mt.text);
    }
  });
});
