// Benchmark: the `tqa audit` pipeline (auditDocument) on a 1,000,000-word document pair.
// Two generators (bench/lib/generate.ts, both deterministic):
//   mlqe       real MT and its professional post-edits (MLQE-PE ro-en + et-en dev, HTER ≈ 0.25: heavy editing),
//              repeated and shuffled into paragraphs;
//   synthetic  generated text with ~5% of words changed (a realistic light post-edit).
// Run: /usr/bin/time -v npx tsx bench/audit.ts [words=1000000] [mlqe|synthetic]
// Prints a table of stage times; figures go into BENCHMARKS.md by hand. Stage times come from the progress
// callbacks (first call of a stage → its last call), so they include what runs between (merge, ids → classify).
import { auditDocument } from '../src/audit.js';
import { mlqePair, syntheticPair } from './lib/generate.js';

const WORDS = Number(process.argv[2] ?? 1_000_000);
const KIND = process.argv[3] ?? 'mlqe';
if (KIND !== 'mlqe' && KIND !== 'synthetic') throw new Error(`unknown generator "${KIND}" (mlqe|synthetic)`);

const t0 = performance.now();
const { mt, corrected } = KIND === 'mlqe' ? mlqePair(WORDS) : syntheticPair(WORDS);
const tBuild = performance.now() - t0;

const stageStart = new Map<string, number>();
const stageTime = new Map<string, number>();
let peak = process.memoryUsage().rss;
const c0 = process.cpuUsage();
const t1 = performance.now();
const doc = auditDocument(
  { mt: { path: 'bench-mt.txt', text: mt }, corrected: { path: 'bench-pe.txt', text: corrected } },
  {
    onProgress(stage, done, total) {
      if (!stageStart.has(stage)) stageStart.set(stage, performance.now());
      if (done === total) stageTime.set(stage, performance.now() - stageStart.get(stage)!);
      peak = Math.max(peak, process.memoryUsage().rss);
    },
  },
);
const total = performance.now() - t1;
const cpu = process.cpuUsage(c0);
peak = Math.max(peak, process.memoryUsage().rss);

const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
console.log(`generator: ${KIND}; document: ${WORDS.toLocaleString('en')} MT words, ${mt.length.toLocaleString('en')} chars (built in ${(tBuild / 1000).toFixed(1)} s)`);
console.log(`segments ${doc.segments.length}, findings ${doc.findings.length}, HTER ${doc.metrics.hter.toFixed(4)}`);
console.log('| stage | seconds |\n|---|---|');
for (const [stage, ms] of stageTime) console.log(`| ${stage} | ${(ms / 1000).toFixed(1)} |`);
console.log(`| **total** | **${(total / 1000).toFixed(1)}** |`);
// CPU time (user + system) of the audit: on a shared machine wall time overstates.
console.log(`CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
console.log(`peak RSS: sampled at progress callbacks ${mb(peak)}, process max ${mb(process.resourceUsage().maxRSS * 1024)}`);
