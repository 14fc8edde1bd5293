// Alignment benchmark: a generated 1,000,000-word MT text and its "post-edit" (~5% of words changed: substitutions,
// insertions, deletions, local swaps, phrase moves, respacing, sentences joined and split), deterministic seed.
// Reports the time of alignSegments + extractEdits and the peak RSS, and checks apply(extract) === corrected.
// Usage: npx tsx bench/align.ts [words=1000000] [segmentation=auto|lines]   (DUMP=file.json writes the generated pair)
import { applyEdits } from '../src/edits/apply.js';
import { extractEdits } from '../src/edits/extract.js';
import { alignSegments } from '../src/segment/align-segments.js';

const WORDS = Number(process.argv[2] ?? 1_000_000);
const SEGMENTATION = (process.argv[3] ?? 'auto') as 'auto' | 'lines';

let seed = 20261128;
function rnd(n: number): number {
  // xorshift32
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}

// A Zipf-like vocabulary: frequent function words, then content words built from syllables.
const FUNCTION = 'the of and to in a is that for on with as by at from it was be are this an which or has have not but its their will'.split(' ');
const SYL = 'ka ri to mi na se lo ve du pa gre sto ant ion ment al er in co pro tra ble'.split(' ');
const CONTENT: string[] = [];
for (let k = 0; k < 5000; k++) CONTENT.push(Array.from({ length: 2 + (k % 3) }, (_, x) => SYL[(k * 7 + x * 13 + ((k / 21) | 0)) % SYL.length]).join(''));
const word = (): string => (rnd(10) < 4 ? FUNCTION[rnd(FUNCTION.length)]! : CONTENT[Math.floor(Math.pow(rnd(1000) / 1000, 2) * CONTENT.length)]!);

function sentenceWords(): string[] {
  const n = 8 + rnd(25);
  const w = Array.from({ length: n }, word);
  w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
  for (let k = 2; k < n - 2; k++) if (rnd(12) === 0) w[k] += ',';
  w[n - 1] += rnd(15) === 0 ? '?' : '.';
  return w;
}

/** MT sentences (as word arrays), grouped into lines/paragraphs. */
const mtSentences: string[][] = [];
let count = 0;
while (count < WORDS) {
  const s = sentenceWords();
  mtSentences.push(s);
  count += s.length;
}

function postEdit(words: string[]): string[] {
  const w = words.slice();
  const edits = Math.max(0, Math.round(w.length * 0.05 + (rnd(100) / 100 - 0.5)));
  for (let e = 0; e < edits; e++) {
    const at = 1 + rnd(Math.max(1, w.length - 2));
    switch (rnd(8)) {
      case 0:
      case 1:
      case 2:
        w[at] = word();
        break;
      case 3:
        w.splice(at, 0, word());
        break;
      case 4:
        if (w.length > 4) w.splice(at, 1);
        break;
      case 5:
        if (at + 1 < w.length - 1) [w[at], w[at + 1]] = [w[at + 1]!, w[at]!];
        break;
      case 6: {
        const len = 2 + rnd(2);
        if (at + len < w.length - 1) {
          const moved = w.splice(at, len);
          w.splice(Math.min(w.length - 1, at + 3 + rnd(5)), 0, ...moved);
        }
        break;
      }
      default:
        if (w[at] && w[at]!.length > 5) w[at] = w[at]!.slice(0, 3) + w[at]!.slice(4); // a misspelling fixed
    }
  }
  return w;
}

const mtParts: string[] = [];
const cParts: string[] = [];
const lineSep = (k: number): string => (SEGMENTATION === 'lines' ? '\n' : k % 6 === 5 ? '\n\n' : k % 3 === 2 ? '\n' : ' ');
for (let k = 0; k < mtSentences.length; k++) {
  const s = mtSentences[k]!;
  mtParts.push(s.join(' '), lineSep(k));
  let c = postEdit(s);
  if (SEGMENTATION === 'auto' && rnd(200) === 0 && k + 1 < mtSentences.length) {
    // two sentences joined by the post-editor
    const next = postEdit(mtSentences[k + 1]!);
    c = [...c.slice(0, -1), c[c.length - 1]!.replace(/[.?]$/u, ','), next[0]!.toLowerCase(), ...next.slice(1)];
    mtParts.push(mtSentences[k + 1]!.join(' '), lineSep(k + 1));
    k++;
  }
  cParts.push(c.join(' '), SEGMENTATION === 'lines' ? '\n' : rnd(50) === 0 ? '  ' : lineSep(k));
}
const mt = mtParts.join('');
const corrected = cParts.join('');
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
