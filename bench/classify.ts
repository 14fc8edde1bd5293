// Benchmark: the classifier alone, on real post-edits — MLQE-PE ro-en + et-en dev (2,000 MT/PE pairs, one
// segment per line) aligned by the real engine — and on the seed article. Prints load times, classification
// throughput (cold: with wink-nlp and nspell loading; warm: second run, fresh analysis cache) and how the edits
// spread over rules, categories and severities.
// With a word count (npx tsx bench/classify.ts 1000000) it also classifies a document of that size built, as
// bench/audit.ts builds it, from the MLQE-PE pairs repeated in a deterministic shuffle (real post-edits: HTER
// ≈ 0.3, far more edits than a 5% post-edit).
// Run: npx tsx bench/classify.ts [words]
import { readFileSync } from 'node:fs';
import { classifyEdits } from '../src/classify/index.js';
import { tagText } from '../src/classify/en/nlp.js';
import { isEnglishWord } from '../src/classify/en/spell.js';
import { extractEdits } from '../src/edits/extract.js';
import type { Classification } from '../src/model.js';
import { alignSegments } from '../src/segment/align-segments.js';

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');
const lines = (p: string) => read(p).split('\n').filter((_, i, a) => i < a.length - 1 || a[i] !== '');

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

/** CPU time (user + system) of f, in ms: on a shared machine wall time mostly measures the neighbours. */
function cpu<T>(f: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const r = f();
  const c = process.cpuUsage(c0);
  return [r, (c.user + c.system) / 1000];
}

const [, spellMs] = time(() => isEnglishWord('warm'));
const [, winkMs] = time(() => tagText('warm up'));
console.log(`| load | ms |\n|---|---|\n| nspell + dictionary-en (build) | ${spellMs.toFixed(0)} |\n| wink-nlp + lite model | ${winkMs.toFixed(0)} |\n`);

const mt = [...lines('tests/fixtures/mlqe-pe/ro-en-dev/dev.mt'), ...lines('tests/fixtures/mlqe-pe/et-en-dev/dev.mt')].join('\n');
const pe = [...lines('tests/fixtures/mlqe-pe/ro-en-dev/dev.pe'), ...lines('tests/fixtures/mlqe-pe/et-en-dev/dev.pe')].join('\n');
const WORDS = Number(process.argv[2] ?? 0);

/** MLQE-PE pairs repeated in a deterministic order into paragraphs until the MT has `words` words. */
function buildPair(words: number): { mt: string; corrected: string } {
  const mtLines = mt.split('\n');
  const peLines = pe.split('\n');
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  const a: string[] = [];
  const b: string[] = [];
  let count = 0;
  while (count < words) {
    const i = Math.floor(rand() * mtLines.length);
    const sep = a.length === 0 ? '' : rand() < 0.25 ? '\n' : ' ';
    a.push(sep, mtLines[i]!.trim());
    b.push(sep, peLines[i]!.trim());
    count += mtLines[i]!.split(' ').length;
  }
  return { mt: a.join(''), corrected: b.join('') };
}

const corpora = [
  { name: 'MLQE-PE ro-en + et-en dev (lines)', mt, corrected: pe, segmentation: 'lines' as const },
  {
    name: 'seed article (auto)',
    mt: read('texts/ukraine-security-guarantees/mt.txt'),
    corrected: read('texts/ukraine-security-guarantees/corrected.txt'),
    segmentation: 'auto' as const,
  },
];
if (WORDS > 0) corpora.push({ name: `MLQE-PE repeated to ${WORDS.toLocaleString('en')} words (auto)`, ...buildPair(WORDS), segmentation: 'auto' as const });

console.log('| corpus | MT words | segments | edits | classify wall ms (run 1) | run 2 wall | run 2 CPU ms | edits per CPU s |\n|---|---|---|---|---|---|---|---|');
const results: Classification[] = [];
let peakAfterClassify = 0;
for (const c of corpora) {
  const pairs = alignSegments(c.mt, c.corrected, { segmentation: c.segmentation });
  const edits = extractEdits(c.mt, c.corrected, pairs);
  const ctx = { mt: c.mt, corrected: c.corrected, pairs };
  const [r1, ms1] = time(() => classifyEdits(edits, ctx));
  const [[, ms2], cpu2] = cpu(() => time(() => classifyEdits(edits, ctx)));
  peakAfterClassify = Math.max(peakAfterClassify, process.memoryUsage().rss);
  if (c.segmentation === 'lines') results.push(...r1);
  const words = c.mt.split(/\s+/).filter(Boolean).length;
  console.log(`| ${c.name} | ${words} | ${pairs.length} | ${edits.length} | ${ms1.toFixed(0)} | ${ms2.toFixed(0)} | ${cpu2.toFixed(0)} | ${Math.round(edits.length / (cpu2 / 1000))} |`);
}

const tally = (key: (r: Classification) => string) => {
  const m = new Map<string, number>();
  for (const r of results) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
};
const pct = (n: number) => `${((100 * n) / results.length).toFixed(1)}%`;
console.log(`\nMLQE-PE edits by rule (${results.length}):\n\n| rule | edits | share |\n|---|---|---|`);
for (const [k, n] of tally((r) => r.rule)) console.log(`| ${k} | ${n} | ${pct(n)} |`);
console.log('\n| category | edits | share |\n|---|---|---|');
for (const [k, n] of tally((r) => r.category)) console.log(`| ${k} | ${n} | ${pct(n)} |`);
console.log('\n| severity | edits | share |\n|---|---|---|');
for (const [k, n] of tally((r) => r.severity)) console.log(`| ${k} | ${n} | ${pct(n)} |`);
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (includes the alignment engine and the generated texts)`);
