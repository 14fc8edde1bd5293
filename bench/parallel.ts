// The audit pipeline through the compiled CLI on one line-aligned corpus: `--jobs 1` against `--jobs 2` (worker
// threads), whole processes, with the check that both write the same bytes. `npm run bench -- parallel [words]`
// (default 200,000 words of MLQE-PE ro-en/et-en MT and post-edits, one paragraph of 1-6 sentences per line; the
// issue's figure is 1,000,000).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist } from '../tests/setup/build-dist.js';
import { mlqePair } from './lib/generate.js';
import { load, runTqa } from './lib/process.js';

const words = Number(process.argv[2] ?? 200_000);
buildDist();
const dir = mkdtempSync(join(tmpdir(), 'tqa-parallel-'));
const { mt, corrected } = mlqePair(words);
// The generator's paragraphs are the same on both sides: one per line, a line-aligned corpus.
const mtLines = mt.split(/\n+/);
const peLines = corrected.split(/\n+/);
if (mtLines.length !== peLines.length) throw new Error('generator: line counts differ');
writeFileSync(join(dir, 'mt.txt'), `${mtLines.join('\n')}\n`);
writeFileSync(join(dir, 'pe.txt'), `${peLines.join('\n')}\n`);

console.log(`${words.toLocaleString('en-US')} MT words, ${mtLines.length.toLocaleString('en-US')} lines; load average before: ${load()}\n`);
console.log('| jobs | wall | CPU | peak RSS (largest process) | output |');
console.log('|---:|---:|---:|---:|---|');
let first: string | undefined;
for (const jobs of [1, 2]) {
  const r = runTqa(['audit', join(dir, 'mt.txt'), join(dir, 'pe.txt'), '--segmentation', 'lines', '--format', 'json', '--no-progress', '--target-lang', 'en', '--jobs', String(jobs)]);
  if (r.status !== 0) throw new Error(`--jobs ${jobs}: exit ${r.status}`);
  first ??= r.stdout;
  const same = r.stdout === first ? (jobs === 1 ? `${(r.stdout.length / 1e6).toFixed(1)} MB` : 'identical to --jobs 1') : 'DIFFERENT';
  console.log(`| ${jobs} | ${r.wall.toFixed(1)} s | ${r.cpu?.toFixed(1) ?? '–'} s | ${r.peakMiB?.toFixed(0) ?? '–'} MiB | ${same} |`);
}
console.log(`\nload average after: ${load()}`);
