// Alignment benchmark: a generated 1,000,000-word MT text and its "post-edit" (~5% of words changed: substitutions,
// insertions, deletions, local swaps, phrase moves, respacing, sentences joined), deterministic (bench/lib/generate.ts).
// Reports the time of alignSegments + extractEdits and the peak RSS, and checks apply(extract) === corrected.
// Usage: npx tsx bench/align.ts [words=1000000] [segmentation=auto|lines]   (DUMP=file.json writes the generated pair)
import { applyEdits } from '../src/edits/apply.js';
import { extractEdits } from '../src/edits/extract.js';
import { alignSegments } from '../src/segment/align-segments.js';
import { syntheticPair } from './lib/generate.js';

const WORDS = Number(process.argv[2] ?? 1_000_000);
const SEGMENTATION = (process.argv[3] ?? 'auto') as 'auto' | 'lines';

const { mt, corrected } = syntheticPair(WORDS, SEGMENTATION);
const mtWords = mt.split(/\s+/u).filter(Boolean).length;

if (process.env.DUMP) (await import("node:fs")).writeFileSync(process.env.DUMP, JSON.stringify({ mt, corrected }));
const c0 = process.cpuUsage();
const t0 = performance.now();
const pairs = alignSegments(mt, corrected, { segmentation: SEGMENTATION });
const t1 = performance.now();
let progressCalls = 0;
const edits = extractEdits(mt, corrected, pairs, { onProgress: () => progressCalls++ });
const t2 = performance.now();
const cpu = process.cpuUsage(c0);
const ok = applyEdits(mt, edits) === corrected;
const rssMiB = process.resourceUsage().maxRSS / 1024;

console.log(
  JSON.stringify(
    {
      segmentation: SEGMENTATION,
      mtWords,
      mtChars: mt.length,
      segmentPairs: pairs.length,
      edits: edits.length,
      moves: edits.filter((e) => e.moveTo).length,
      alignSegmentsSeconds: +((t1 - t0) / 1000).toFixed(2),
      extractEditsSeconds: +((t2 - t1) / 1000).toFixed(2),
      totalSeconds: +((t2 - t0) / 1000).toFixed(2),
      // CPU time of the same phase (user + system): the machine may be shared, wall time then overstates.
      totalCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
      peakRssMiB: Math.round(rssMiB),
      progressCalls,
      applyReproducesCorrected: ok,
      node: process.version,
    },
    null,
    2,
  ),
);
if (!ok) process.exitCode = 1;
