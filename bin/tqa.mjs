#!/usr/bin/env node
// The `tqa` command: runs the compiled JavaScript in dist/ (built by `npm run build`, which `npm ci` runs as the
// `prepare` script). Start-up is what every small job pays, so nothing else happens here.
import { existsSync } from 'node:fs';
import v8 from 'node:v8';

// A long audit makes a lot of short-lived garbage; V8's default heap growth lets it pile up to over 1 GiB on a
// 1,000,000-word document although the live data stays under 400 MiB. Growing the heap by half instead of
// doubling it keeps the peak under 1 GiB for ~5% more CPU (BENCHMARKS.md, "Audit pipeline").
v8.setFlagsFromString('--heap-growing-percent=50');

const main = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(main)) await import(main.href);
else {
  process.stderr.write('tqa: dist/ is missing: build it with `npm run build` (npm ci does it)\n');
  process.exitCode = 2;
}
