// Times tqa's metrics on the sacrebleu timing sets (bench/data/perf_25w.tsv: 2000 pairs of 25 words,
// perf_150w.tsv: 200 pairs of 150 words; hyp<TAB>ref) and compares with sacrebleu 2.6.0 on the same kind of
// machine (figures from shared/docs/metrics-spec.md §8, fresh CPython process, 3 runs). Each task's first run in
// this fresh process is reported as "cold" (it includes V8's JIT warm-up), then 2 more warm-up runs, then 11 timed
// runs (min / median: the steady state of a long-running process such as `tqa serve` or a CI job over many files). Besides wall-clock time it reports the process's
// CPU time (user + system) per run, which moves much less when other work shares the 2 cores (the load average
// is printed too). TER must give sacrebleu's exact edit totals.
// Then corpus TER on perf_150w as whole processes: `python3 bench/sacrebleu-metrics.py --ter-corpus` (a fresh
// CPython importing sacrebleu, sacrebleu's TER()) against `tqa score --metrics ter` (the compiled CLI), same
// score asserted. sacrebleu 2.6.0 comes from an install or its source tree ($SACREBLEU_SRC, else
// /tmp/sacrebleu-2.6.0; see bench/sacrebleu-metrics.py); without it the sacrebleu columns are skipped, saying so.
// Run: npm run bench -- metrics [sacrebleu TER runs, default 3]   (Markdown for BENCHMARKS.md; exit 1 if a number is wrong)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bleuCorpus, bleuSentence, CHRF_PP, chrfCorpus, hter, qeTags, terCorpus } from '../src/metrics/index.js';
import { buildDist } from '../tests/setup/build-dist.js';
import { runTqa } from './lib/process.js';

interface DataSet {
  name: string;
  hyps: string[];
  refs: string[];
  expect: { edits: number; refLength: number };
  sacrebleu: { ter: number[]; chrf: number; chrfpp: number; bleu: number; bleuSentence: number };
}

function load(file: string): { hyps: string[]; refs: string[] } {
  const rows = readFileSync(new URL(`data/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
  return { hyps: rows.map((r) => r[0]!), refs: rows.map((r) => r[1]!) };
}

const SETS: DataSet[] = [
  {
    name: '2000 × 25 words',
    ...load('perf_25w.tsv'),
    expect: { edits: 10183, refLength: 50000 },
    sacrebleu: { ter: [3.29, 3.33, 3.5], chrf: 0.9, chrfpp: 0.96, bleu: 0.36, bleuSentence: 0.31 },
  },
  {
    name: '200 × 150 words',
    ...load('perf_150w.tsv'),
    expect: { edits: 5622, refLength: 30000 },
    sacrebleu: { ter: [20.6, 22.4, 23.9], chrf: 0.47, chrfpp: 0.49, bleu: 0.17, bleuSentence: 0.12 },
  },
];

/** sacrebleu 2.6.0 timed in this run (bench/sacrebleu-metrics.py), when python3 can import it: CPU and wall
 *  seconds per task (median of 5 after a warm-up) and its scores, which must equal tqa's. */
interface SameRun {
  python: string;
  sets: Record<string, Record<'chrf' | 'chrfpp' | 'bleu' | 'bleuSentence', { wall: number[]; cpu: number[]; score: number }>>;
}
const SB_SCRIPT = new URL('sacrebleu-metrics.py', import.meta.url).pathname;
/** Why sacrebleu was not run, when it was not. */
let sbMissing = '';
function sacrebleuNow(): SameRun | undefined {
  const r = spawnSync('python3', [SB_SCRIPT], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) {
    sbMissing = (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').at(-1)!;
    return undefined;
  }
  return JSON.parse(r.stdout) as SameRun;
}

interface Timing {
  cold: number;
  min: number;
  median: number;
  /** Median CPU time (user + system) of the timed runs. */
  cpu: number;
}

// 11 timed runs: the tasks take 5–200 ms, where a median of 3 moves with every GC pause and neighbour's burst.
function time(fn: () => void, runs = 11, warmups = 2): Timing {
  let t = performance.now();
  fn();
  const cold = performance.now() - t;
  for (let i = 0; i < warmups; i++) fn();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    t = performance.now();
    fn();
    ms.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { cold, min: Math.min(...ms), median: median(ms), cpu: median(cpu) };
}

const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}
const load0 = loadavg()[0]!;

let wrong = false;
const rows: string[] = [];
// Before tqa's runs, so that both see the same moment's load as nearly as possible.
const same = sacrebleuNow();
for (const s of SETS) {
  let result = { edits: 0, refLength: 0, score: 0 };
  const ter = time(() => {
    result = terCorpus(s.hyps, s.refs);
  });
  const ok = result.edits === s.expect.edits && result.refLength === s.expect.refLength;
  if (!ok) wrong = true;
  const sbTer = median(s.sacrebleu.ter) * 1000;
  rows.push(
    `| TER corpus | ${s.name} | ${fmtMs(ter.cold)} | ${fmtMs(ter.min)} | ${fmtMs(ter.median)} | ${fmtMs(ter.cpu)} | ${s.sacrebleu.ter.map((x) => x.toFixed(2)).join(' / ')} s | **${(sbTer / ter.median).toFixed(0)}×** (CPU ${(sbTer / ter.cpu).toFixed(0)}×, cold ${(sbTer / ter.cold).toFixed(0)}×) | – | ${result.edits}/${result.refLength} ${ok ? '= sacrebleu' : `≠ sacrebleu ${s.expect.edits}/${s.expect.refLength}`} |`,
  );
  const file = s.name.startsWith('2000') ? 'perf_25w.tsv' : 'perf_150w.tsv';
  const now = same?.sets[file];
  let last = 0;
  const other: Array<[string, () => number, number, 'chrf' | 'chrfpp' | 'bleu' | 'bleuSentence']> = [
    ['chrF corpus', () => chrfCorpus(s.hyps, s.refs), s.sacrebleu.chrf, 'chrf'],
    ['chrF++ corpus', () => chrfCorpus(s.hyps, s.refs, CHRF_PP), s.sacrebleu.chrfpp, 'chrfpp'],
    ['BLEU corpus', () => bleuCorpus(s.hyps, s.refs).score, s.sacrebleu.bleu, 'bleu'],
    ['BLEU sentence loop', () => s.hyps.reduce((_, h, i) => bleuSentence(h, s.refs[i]!).score, 0), s.sacrebleu.bleuSentence, 'bleuSentence'],
  ];
  for (const [what, fn, sb, key] of other) {
    const t = time(() => {
      last = fn();
    });
    let sameCol = '– | –';
    let check = '';
    if (now) {
      const n = now[key];
      const cpu = median(n.cpu) * 1000;
      const wall = median(n.wall) * 1000;
      sameCol = `${fmtMs(wall)} wall, ${fmtMs(cpu)} CPU | **${(cpu / t.cpu).toFixed(1)}×** CPU (${(wall / t.median).toFixed(1)}× wall)`;
      const equal = key.startsWith('bleu') ? Math.abs(last - n.score) <= 1e-9 : last === n.score;
      if (!equal) wrong = true;
      check = equal ? `${last.toFixed(4)} = sacrebleu` : `${last} ≠ sacrebleu ${n.score}`;
    }
    rows.push(
      `| ${what} | ${s.name} | ${fmtMs(t.cold)} | ${fmtMs(t.min)} | ${fmtMs(t.median)} | ${fmtMs(t.cpu)} | ${sb.toFixed(2)} s | ${((sb * 1000) / t.median).toFixed(1)}× (CPU ${((sb * 1000) / t.cpu).toFixed(1)}×) | ${sameCol} | ${check} |`,
    );
  }
}

// WMT QE tags and HTER over both MLQE-PE dev sets (2000 segments): no sacrebleu counterpart.
const mlqe = ['ro-en', 'et-en'].map((lp) => {
  const read = (ext: string): string[] => readFileSync(new URL(`../tests/fixtures/mlqe-pe/${lp}-dev/dev.${ext}`, import.meta.url), 'utf8').split('\n').slice(0, 1000);
  return { mt: read('mt'), pe: read('pe') };
});
const tags = time(() => mlqe.forEach((d) => d.mt.forEach((m, i) => qeTags(m, d.pe[i]!))));
rows.push(`| QE tags (tercom, no shifts) | MLQE-PE dev, 2000 segments | ${fmtMs(tags.cold)} | ${fmtMs(tags.min)} | ${fmtMs(tags.median)} | ${fmtMs(tags.cpu)} | – | – | – | – | |`);
const hters = time(() => mlqe.forEach((d) => d.mt.forEach((m, i) => hter(m, d.pe[i]!))));
rows.push(`| HTER (TER with shifts) | MLQE-PE dev, 2000 segments | ${fmtMs(hters.cold)} | ${fmtMs(hters.min)} | ${fmtMs(hters.median)} | ${fmtMs(hters.cpu)} | – | – | – | – | |`);

const cpu = cpus();
console.log(
  `Machine: ${cpu.length} vCPU (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}\n`,
);
console.log(
  same
    ? `sacrebleu 2.6.0 in this run: Python ${same.python}, in process (bench/sacrebleu-metrics.py, median of 5 after a warm-up; tqa median of 11).\n`
    : `sacrebleu 2.6.0 is not importable here (${sbMissing}): its columns are skipped; only the recorded figures (metrics-spec §8) are compared.\n`,
);
console.log('| task | data | tqa cold (1st run) | tqa min | tqa median | tqa CPU (median) | sacrebleu 2.6.0 (recorded, §8) | speed-up vs recorded (median wall) | sacrebleu 2.6.0, this run | speed-up vs this run | score |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of rows) console.log(r);

// Corpus TER on perf_150w as whole processes, as a user or a CI job pays for it.
const sbRuns = Number(process.argv[2] ?? 3);
buildDist();
const tmp = mkdtempSync(join(tmpdir(), 'tqa-bench-ter-'));
const p150 = SETS[1]!;
writeFileSync(join(tmp, 'hyp.txt'), p150.hyps.join('\n') + '\n');
writeFileSync(join(tmp, 'ref.txt'), p150.refs.join('\n') + '\n');
const tqaArgs = ['score', '--metrics', 'ter', join(tmp, 'hyp.txt'), join(tmp, 'ref.txt')];
const tqaTer = (): { wall: number; cpu?: number; score: number } => {
  const r = runTqa(tqaArgs);
  if (r.status !== 0) throw new Error(`tqa score: exit ${r.status}`);
  return { wall: r.wall, cpu: r.cpu, score: (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ter: number }).ter };
};
/** One fresh sacrebleu process: wall time around spawn → exit, CPU (user + system) from GNU time if present. */
const sbTimed = (): { wall: number; cpu?: number; score: number } | undefined => {
  const stats = join(tmp, 'time.txt');
  const py = ['python3', SB_SCRIPT, '--ter-corpus', new URL('data/perf_150w.tsv', import.meta.url).pathname];
  const cmd = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%U %S', '-o', stats, ...py] : py;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', timeout: 600_000 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) {
    sbMissing ||= (r.stderr || `exit ${r.status}`).trim().split('\n').at(-1)!;
    return undefined;
  }
  const score = (JSON.parse(r.stdout) as { score: number }).score;
  if (cmd[0] !== '/usr/bin/time') return { wall, score };
  const [user, sys] = readFileSync(stats, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: user! + sys!, score };
};
const med = (xs: number[]): number => median(xs);
const loadT0 = loadavg()[0]!;
tqaTer(); // warm-up (file cache)
const tq: Array<ReturnType<typeof tqaTer>> = [];
const sb: Array<NonNullable<ReturnType<typeof sbTimed>>> = [];
// Interleaved, so that both see the same load.
for (let i = 0; i < Math.max(sbRuns, 1); i++) {
  if (i < sbRuns && (i === 0 || sb.length > 0)) {
    const s = sbTimed();
    if (s) sb.push(s);
  }
  for (let j = 0; j < Math.ceil(10 / Math.max(sbRuns, 1)); j++) tq.push(tqaTer());
}
const tqWall = med(tq.map((r) => r.wall)) * 1000;
const tqCpu = tq.every((r) => r.cpu !== undefined) ? med(tq.map((r) => r.cpu!)) * 1000 : undefined;
console.log(`\nCorpus TER on perf_150w (200 × 150 words) as whole processes, load average ${loadT0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}:\n`);
console.log('| process | runs | wall median [min–max] | CPU median | corpus TER |');
console.log('|---|---:|---:|---:|---|');
const range = (xs: number[]): string => `${fmtMs(med(xs) * 1000)} [${fmtMs(Math.min(...xs) * 1000)}–${fmtMs(Math.max(...xs) * 1000)}]`;
console.log(`| \`tqa score --metrics ter\` (node, dist/) | ${tq.length} | ${range(tq.map((r) => r.wall))} | ${tqCpu === undefined ? '–' : fmtMs(tqCpu)} | ${tq[0]!.score} |`);
if (sb.length) {
  const sbWall = med(sb.map((r) => r.wall)) * 1000;
  const sbCpu = sb.every((r) => r.cpu !== undefined) ? med(sb.map((r) => r.cpu!)) * 1000 : undefined;
  const same = sb.every((r) => r.score === tq[0]!.score) && tq.every((r) => r.score === tq[0]!.score);
  if (!same) wrong = true;
  console.log(`| sacrebleu 2.6.0 \`TER().corpus_score\` (fresh python3) | ${sb.length} | ${range(sb.map((r) => r.wall))} | ${sbCpu === undefined ? '–' : fmtMs(sbCpu)} | ${sb[0]!.score} ${same ? '= tqa' : '≠ tqa'} |`);
  console.log(
    `\ntqa is **${(sbWall / tqWall).toFixed(0)}×** faster in wall time${sbCpu !== undefined && tqCpu !== undefined ? ` (${(sbCpu / tqCpu).toFixed(0)}× in CPU time)` : ''} (medians, same run).`,
  );
} else console.log(`| sacrebleu 2.6.0 | – | skipped: ${sbMissing || 'not importable'} | – | – |`);
rmSync(tmp, { recursive: true, force: true });

if (wrong) {
  console.error('a score differs from sacrebleu');
  process.exitCode = 1;
}
