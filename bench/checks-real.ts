// Noise of the default `tqa check` gate on real shipped translations (tests/fixtures/checks/real/, licences in
// its README): per file, its words, the findings per 1000 words by check, and whether the default gate passes.
// Runs the CLI itself (from the sources, through tsx) on each file, so what is measured is what a user gets.
// Run: npx tsx bench/checks-real.ts   (prints Markdown for BENCHMARKS.md, "Checks")
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('../tests/fixtures/checks/real/', import.meta.url).pathname;
const cli = new URL('../src/cli/main.ts', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => /\.(po|xlf|xliff)$/.test(f)).sort();

interface Row {
  file: string;
  words: number;
  byRule: Map<string, number>;
  total: number;
  pass: boolean;
  ms: number;
}

const rows: Row[] = [];
for (const file of files) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'check', join(dir, file), '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) {
    console.error(`${file}: tqa check exited ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
    process.exitCode = 1;
    continue;
  }
  const report = JSON.parse(r.stdout) as { documents: Array<{ findings: Array<{ rule: string }>; metrics: { mqm: { words: number } } }> };
  const doc = report.documents[0]!;
  const byRule = new Map<string, number>();
  for (const f of doc.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  rows.push({ file, words: doc.metrics.mqm.words, byRule, total: doc.findings.length, pass: r.status === 0, ms });
  process.stderr.write(`checks-real: ${file} done\n`);
}

const per1000 = (n: number, words: number) => ((1000 * n) / words).toFixed(2);
console.log('### Default `tqa check` gate on real shipped translations (tests/fixtures/checks/real)\n');
console.log('Findings per 1000 words, all checks (text and unit checks), default settings; gate = exit code.\n');
console.log('| file | words | findings | per 1000 words | gate | by check (per 1000 words) | wall s |');
console.log('|---|---:|---:|---:|---|---|---:|');
for (const r of rows) {
  const by = [...r.byRule].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id.replace('check/', '')} ${per1000(n, r.words)}`);
  console.log(`| ${r.file} | ${r.words} | ${r.total} | ${per1000(r.total, r.words)} | ${r.pass ? 'pass' : 'FAIL'} | ${by.join(', ') || '—'} | ${(r.ms / 1000).toFixed(1)} |`);
}
