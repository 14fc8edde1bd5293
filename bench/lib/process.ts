// Timing whole `tqa` processes from outside, as a user or a CI job pays for them: wall time (a monotonic clock
// around spawn → exit), and the child's CPU and peak RSS from GNU time when /usr/bin/time is there.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = new URL('../../bin/tqa.mjs', import.meta.url).pathname;
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export interface Run {
  wall: number;
  cpu?: number;
  peakMiB?: number;
  status: number | null;
  stdout: string;
}

/** Runs `node bin/tqa.mjs ...args` once (`bare`: `node ...args`, for Node's own start-up). */
export function runTqa(args: string[], opts: { cwd?: string; bare?: boolean } = {}): Run {
  const stats = join(tmpdir(), `tqa-bench-time-${process.pid}.txt`);
  const node = [process.execPath, ...(opts.bare ? [] : [BIN]), ...args];
  const cmd = GNU_TIME ? [GNU_TIME, '-f', '%U %S %M', '-o', stats, ...node] : node;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const run: Run = { wall, status: r.status, stdout: r.stdout };
  if (GNU_TIME && existsSync(stats)) {
    const [user, sys, kb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    run.cpu = user! + sys!;
    run.peakMiB = kb! / 1024;
    rmSync(stats, { force: true });
  }
  return run;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
