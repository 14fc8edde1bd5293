// Noise of the default `tqa check` gate on real shipped translations (tests/fixtures/checks/real/, licences in
// its README): per file, its words, the findings per 1000 words by check, and whether the default gate passes.
// Runs the CLI itself as a user does (`node bin/tqa.mjs check FILE --format json`, the compiled dist/: run
// `npm run build` first) on each file, so what is measured is what a user gets; each file RUNS times, with the
// median whole-process wall time and CPU time (user + sys, from GNU time when installed) — issue 8's target is
// a 1 MB PO file in ≤ 2 s (git-bg.po, 1.09 MB).
// Run: npx tsx bench/checks-real.ts [runs]   (prints Markdown for BENCHMARKS.md, "Checks")
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const dir = new URL('../tests/fixtures/checks/real/', import.meta.url).pathname;
const bin = new URL('../bin/tqa.mjs', import.meta.url).pathname;
if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  console.error('checks-real: dist/ is missing: run `npm run build` first');
  process.exit(2);
}
const RUNS = Number(process.argv[2] ?? 3);
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const files = readdirSync(dir).filter((f) => /\.(po|xlf|xliff)$/.test(f)).sort();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  file: string;
  words: number;
  byRule: Map<string, number>;
  total: number;
  pass: boolean;
  ms: number;
  cpu?: number;
  kb: number;
}

const rows: Row[] = [];
const load = loadavg()[0]!;
for (const file of files) {
  const walls: number[] = [];
  const cpus: number[] = [];
  let r!: SpawnSyncReturns<string>;
  for (let run = 0; run < RUNS; run++) {
    const args = [bin, 'check', join(dir, file), '--format', 'json'];
    const t0 = performance.now();
    r = gnuTime
      ? spawnSync(gnuTime, ['-f', 'tqa-cpu %U %S', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
      : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    walls.push(performance.now() - t0);
    const cpu = /tqa-cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
    if (cpu) cpus.push(Number(cpu[1]) + Number(cpu[2]));
  }
  const ms = median(walls);
  if (r.status !== 0 && r.status !== 1) {
    console.error(`${file}: tqa check exited ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
    process.exitCode = 1;
    continue;
  }
  const report = JSON.parse(r.stdout) as { documents: Array<{ findings: Array<{ rule: string }>; metrics: { mqm: { words: number } } }> };
  const doc = report.documents[0]!;
  const byRule = new Map<string, number>();
  for (const f of doc.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  const kb = Math.round(statSync(join(dir, file)).size / 1024);
  rows.push({ file, words: doc.metrics.mqm.words, byRule, total: doc.findings.length, pass: r.status === 0, ms, ...(cpus.length ? { cpu: median(cpus) } : {}), kb });
  process.stderr.write(`checks-real: ${file} done\n`);
}

const per1000 = (n: number, words: number) => ((1000 * n) / words).toFixed(2);
console.log('### Default `tqa check` gate on real shipped translations (tests/fixtures/checks/real)\n');
console.log('Findings per 1000 words, all checks (text and unit checks), default settings; gate = exit code.');
console.log(
  `Whole process (\`node bin/tqa.mjs check FILE --format json\`), median of ${RUNS} runs; CPU = user + sys` +
    `${gnuTime ? '' : ' (not measured: no /usr/bin/time)'}; load average ${load.toFixed(1)} at the start.\n`,
);
console.log('| file | KB | words | findings | per 1000 words | gate | by check (per 1000 words) | wall s | CPU s |');
console.log('|---|---:|---:|---:|---:|---|---|---:|---:|');
for (const r of rows) {
  const by = [...r.byRule].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id.replace('check/', '')} ${per1000(n, r.words)}`);
  console.log(
    `| ${r.file} | ${r.kb} | ${r.words} | ${r.total} | ${per1000(r.total, r.words)} | ${r.pass ? 'pass' : 'FAIL'} | ${by.join(', ') || '—'} | ` +
      `${(r.ms / 1000).toFixed(2)} | ${r.cpu !== undefined ? r.cpu.toFixed(2) : '—'} |`,
  );
}
