// `npm run bench`: runs every benchmark in bench/ one after the other (or those named: npm run bench -- audit).
// Benchmarks print their tables; the figures are copied into BENCHMARKS.md with the machine and the date.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';

const only = process.argv.slice(2);
const dir = new URL('.', import.meta.url).pathname;
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3))
  .filter((name) => only.length === 0 || only.includes(name));

console.log(`# tqa benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
let failed = 0;
for (const name of benches) {
  console.log(`\n## ${name}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${name}.ts`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
