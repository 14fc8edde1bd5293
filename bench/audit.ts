// Benchmark: `tqa audit` pipeline on a 1,000,000-word document pair with realistic edits.
// The pair is built from real MT and its professional post-edits (MLQE-PE ro-en + et-en dev, 2000 sentence
// pairs), repeated and shuffled deterministically into paragraphs until the MT has 1,000,000 words.
// Run: npx tsx bench/audit.ts [words]   (prints a table; figures go into BENCHMARKS.md by hand)
import { readFileSync } from 'node:fs';
import { auditDocument } from '../src/audit.js';

const WORDS = Number(process.argv[2] ?? 1_000_000);
const fixture = (p: string) => readFileSync(new URL(`../tests/fixtures/mlqe-pe/${p}`, import.meta.url), 'utf8').split('\n');
const mtLines = [...fixture('ro-en-dev/dev.mt'), ...fixture('et-en-dev/dev.mt')];
const peLines = [...fixture('ro-en-dev/dev.pe'), ...fixture('et-en-dev/dev.pe')];

function buildPair(words: number): { mt: string; corrected: string } {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
  const mt: string[] = [];
  const pe: string[] = [];
  let count = 0;
  let sentences = 0;
  while (count < words) {
    const i = Math.floor(rand() * mtLines.length);
    const m = mtLines[i]!.trim();
    const p = peLines[i]!.trim();
    if (!m || !p) continue;
    // Paragraphs of 1-6 sentences: a space between sentences, a newline between paragraphs.
    const sep = sentences === 0 ? '' : rand() < 0.25 ? '\n' : ' ';
    mt.push(sep, m);
    pe.push(sep, p);
    count += m.split(' ').length;
    sentences++;
  }
  return { mt: mt.join(''), corrected: pe.join('') };
}

const t0 = performance.now();
const { mt, corrected } = buildPair(WORDS);
const tBuild = performance.now() - t0;

const stageStart = new Map<string, number>();
const stageTime = new Map<string, number>();
let peak = process.memoryUsage().rss;
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
peak = Math.max(peak, process.memoryUsage().rss);

const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
console.log(`document: ${WORDS.toLocaleString('en')} MT words, ${mt.length.toLocaleString('en')} chars (built in ${(tBuild / 1000).toFixed(1)} s)`);
console.log(`segments ${doc.segments.length}, findings ${doc.findings.length}, HTER ${doc.metrics.hter.toFixed(4)}`);
console.log('| stage | seconds |\n|---|---|');
for (const [stage, ms] of stageTime) console.log(`| ${stage} | ${(ms / 1000).toFixed(1)} |`);
console.log(`| **total** | **${(total / 1000).toFixed(1)}** |`);
console.log(`peak RSS (sampled at progress callbacks): ${mb(peak)}`);
