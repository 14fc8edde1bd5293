// Scale: the audit of a line-aligned corpus through the compiled CLI, whole processes (wall, CPU and peak RSS of
// the process from GNU time), with the check that every run writes the same bytes.
//   1. 1,000,000 MT words, --segmentation lines: --format json (the whole report in memory) and --format jsonl
//      (streamed from the files), each with --jobs 1 and --jobs 2 (chunks of lines over the worker pool);
//   2. 10,000,000 MT words streamed (--format jsonl --jobs 2), and --format json refused up front.
// The corpus: MLQE-PE ro-en/et-en dev MT and post-edits (tests/fixtures/mlqe-pe, bundled), drawn with a fixed
// seed into paragraphs of 1-6 sentences, one paragraph per line (bench/lib/generate.ts mlqePair).
// Run alone: `npm run bench -- parallel`; sizes: TQA_BENCH_WORDS (default 1000000), TQA_BENCH_STREAM_WORDS
// (default 10000000; 0 skips part 2). On a shared machine say the load with the figures (printed before/after).
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist } from '../tests/setup/build-dist.js';
import { mlqePair } from './lib/generate.js';
import { load, runTqa } from './lib/process.js';

const WORDS = Number(process.env.TQA_BENCH_WORDS ?? 1_000_000);
const STREAM_WORDS = Number(process.env.TQA_BENCH_STREAM_WORDS ?? 10_000_000);
buildDist();
const dir = mkdtempSync(join(tmpdir(), 'tqa-parallel-'));
// The runs take minutes; anything that rebuilds dist/ meanwhile (a test run's global setup) would change the
// program between two runs that must write the same bytes. They run a copy of the build taken now.
const ROOT = new URL('..', import.meta.url).pathname;
const snap = join(dir, 'tqa');
for (const part of ['bin', 'dist', 'views', 'package.json']) cpSync(join(ROOT, part), join(snap, part), { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(snap, 'node_modules'));
const tqa = (args: string[]) => runTqa([join(snap, 'bin/tqa.mjs'), ...args], { bare: true });

/** Writes a line-aligned pair of ~`words` MT words; returns the paths and the line count. */
function corpus(words: number, name: string): { mt: string; pe: string; lines: number } {
  const { mt, corrected } = mlqePair(words);
  // The generator's paragraphs are the same on both sides: one per line, a line-aligned corpus.
  const mtLines = mt.split(/\n+/);
  const peLines = corrected.split(/\n+/);
  if (mtLines.length !== peLines.length) throw new Error('generator: line counts differ');
  const paths = { mt: join(dir, `${name}-mt.txt`), pe: join(dir, `${name}-pe.txt`), lines: mtLines.length };
  writeFileSync(paths.mt, `${mtLines.join('\n')}\n`);
  writeFileSync(paths.pe, `${peLines.join('\n')}\n`);
  return paths;
}

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function row(label: string, args: string[], out: string): { hash: string } {
  const r = tqa([...args, '--out', out]);
  if (r.status !== 0) throw new Error(`${label}: exit ${r.status}`);
  const hash = digest(out);
  console.log(`| ${label} | ${r.wall.toFixed(1)} s | ${r.cpu?.toFixed(1) ?? '–'} s | ${r.peakMiB?.toFixed(0) ?? '–'} MiB | ${mib(statSync(out).size)} | ${hash.slice(0, 12)} |`);
  return { hash };
}

const one = corpus(WORDS, 'a');
console.log(`${WORDS.toLocaleString('en-US')} MT words, ${one.lines.toLocaleString('en-US')} lines; load average before: ${load()}\n`);
console.log('| run | wall | CPU | peak RSS | output | sha-256 |');
console.log('|---|---:|---:|---:|---:|---|');
const base = ['audit', one.mt, one.pe, '--segmentation', 'lines', '--no-progress', '--target-lang', 'en'];
const hashes = new Map<string, string[]>();
for (const format of ['json', 'jsonl']) {
  for (const jobs of [1, 2]) {
    const { hash } = row(`${format} --jobs ${jobs}`, [...base, '--format', format, '--jobs', String(jobs)], join(dir, `a-${jobs}.${format}`));
    hashes.set(format, [...(hashes.get(format) ?? []), hash]);
    rmSync(join(dir, `a-${jobs}.${format}`));
  }
}
for (const [format, hs] of hashes) console.log(`\n${format}: --jobs 2 output ${hs[0] === hs[1] ? 'identical to' : 'DIFFERENT FROM'} --jobs 1`);
console.log(`load average after: ${load()}`);
rmSync(one.mt);
rmSync(one.pe);

if (STREAM_WORDS > 0) {
  const big = corpus(STREAM_WORDS, 'b');
  console.log(`\n${STREAM_WORDS.toLocaleString('en-US')} MT words streamed (${big.lines.toLocaleString('en-US')} lines, ${mib(statSync(big.mt).size)} of MT); load average before: ${load()}\n`);
  console.log('| run | wall | CPU | peak RSS | output | sha-256 |');
  console.log('|---|---:|---:|---:|---:|---|');
  const args = ['audit', big.mt, big.pe, '--segmentation', 'lines', '--no-progress', '--target-lang', 'en'];
  row('jsonl --jobs 2', [...args, '--format', 'jsonl', '--jobs', '2'], join(dir, 'b.jsonl'));
  const refused = tqa([...args, '--format', 'json', '--jobs', '2', '--out', join(dir, 'b.json')]);
  const how = refused.status === 2 ? 'refused up front, the limit named (the whole report would not fit the memory budget)' : 'NOT refused';
  console.log(`\n--format json of the same corpus: exit ${refused.status} after ${refused.wall.toFixed(1)} s — ${how}`);
  console.log(`load average after: ${load()}`);
}
rmSync(dir, { recursive: true, force: true });
