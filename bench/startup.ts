// Start-up of the compiled CLI as whole processes (issue 12: `tqa --version` ≤ 150 ms, `tqa score` of one pair
// ≤ 300 ms, median of 10). dist/ is brought up to date first. `npm run bench -- startup [runs]`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist } from '../tests/setup/build-dist.js';
import { load, median, runTqa } from './lib/process.js';

const runs = Number(process.argv[2] ?? 10);
buildDist();
const dir = mkdtempSync(join(tmpdir(), 'tqa-startup-'));
writeFileSync(join(dir, 'hyp.txt'), 'The cat sat on the mat.\n');
writeFileSync(join(dir, 'ref.txt'), 'The cat sat on a mat.\n');
const seed = new URL('../texts/ukraine-security-guarantees/', import.meta.url).pathname;

const cases: Array<[string, string[]]> = [
  ['node -e 0 (Node itself)', []],
  ['tqa --version', ['--version']],
  ['tqa --help', ['--help']],
  ['tqa score hyp ref (one pair)', ['score', join(dir, 'hyp.txt'), join(dir, 'ref.txt')]],
  ['tqa audit seed (584 words, json)', ['audit', `${seed}mt.txt`, `${seed}corrected.txt`, '--format', 'json', '--no-progress']],
];

console.log(`load average before: ${load()}; ${runs} runs each (after one warm-up), median [min–max]\n`);
console.log('| command | wall | CPU | peak RSS |');
console.log('|---|---:|---:|---:|');
for (const [name, args] of cases) {
  const one = (): ReturnType<typeof runTqa> => (args.length ? runTqa(args) : runTqa(['-e', '0'], { bare: true }));
  const all = [];
  one();
  for (let i = 0; i < (name.includes('audit') ? Math.min(runs, 5) : runs); i++) {
    const r = one();
    if (r.status !== 0) throw new Error(`${name}: exit ${r.status}`);
    all.push(r);
  }
  const walls = all.map((r) => r.wall * 1000);
  const cpu = all.every((r) => r.cpu !== undefined) ? `${(median(all.map((r) => r.cpu!)) * 1000).toFixed(0)} ms` : '–';
  const rss = all.every((r) => r.peakMiB !== undefined) ? `${median(all.map((r) => r.peakMiB!)).toFixed(0)} MiB` : '–';
  console.log(`| ${name} | ${median(walls).toFixed(0)} ms [${Math.min(...walls).toFixed(0)}–${Math.max(...walls).toFixed(0)}] | ${cpu} | ${rss} |`);
}
console.log(`\nload average after: ${load()}`);

