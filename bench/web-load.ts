// Benchmark (not a test): a shared review server under load while a big pair is being audited, and a restart
// with 50 audited documents stored. Loopback only, bounded in time. Run: npx tsx bench/web-load.ts [MB] [seconds]
//
// 1. Generates a pair whose MT and corrected files are about `MB` megabytes each (the seed article repeated), starts the
//    server (one audit worker, as on a 2-core machine), lets the small seed document finish, then puts the big
//    pair in: while its audit runs in the worker, 8 clients ask in a loop for the index, the seed document's page
//    and the big document's (progress) page, for `seconds`. Latencies per page: p50, p99, max; the audit must
//    still be running at the end (else the figure says nothing about "while audited").
// 2. 50 documents audited and stored; the server stopped and started again: time from start to the first answer
//    of the index (every row served from SQLite, no worker started).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { startServer } from '../src/web/server.js';

const MB = Number(process.argv[2] ?? 5);
const SECONDS = Number(process.argv[3] ?? 20);
const CLIENTS = 8;
const SEED = 'ukraine-security-guarantees';
const SEED_DIR = new URL(`../texts/${SEED}/`, import.meta.url).pathname;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function load(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tqa-bench-load-'));
  try {
    const texts = join(dir, 'texts');
    mkdirSync(texts);
    cpSync(SEED_DIR, join(texts, SEED), { recursive: true });
    const store = openStore(join(dir, 'data', 'tqa.db'));
    const server = await startServer({ root: texts, dataDir: join(dir, 'data'), store, reviewer: 'bench', auditJobs: 1 });
    try {
      await server.app.audits.warm();

      const paths = ['/', `/doc/${SEED}`, '/doc/big-pair'];
      const run = async (list: string[]) => {
        const lat = new Map<string, number[]>(list.map((p) => [p, []]));
        const failures: string[] = [];
        const deadline = Date.now() + SECONDS * 1000;
        await Promise.all(
          Array.from({ length: CLIENTS }, async (_, c) => {
            for (let i = c; Date.now() < deadline; i++) {
              const path = list[i % list.length]!;
              const t = performance.now();
              const res = await fetch(new URL(path, server.url));
              await res.arrayBuffer();
              lat.get(path)!.push(performance.now() - t);
              if (res.status !== 200) failures.push(`${path} ${res.status}`);
            }
          }),
        );
        return { lat, failures };
      };
      const table = (title: string, r: Awaited<ReturnType<typeof run>>) => {
        console.log(`\n${title}: ${CLIENTS} concurrent clients for ${SECONDS} s, loopback; ${r.failures.length} non-200 answers${r.failures.length ? ` (${r.failures.slice(0, 3).join(', ')})` : ''}.\n`);
        console.log('| page | requests | p50 ms | p99 ms | max ms |');
        console.log('|---|---:|---:|---:|---:|');
        for (const [path, xs] of r.lat) {
          const label = path === '/' ? 'index' : path.endsWith('big-pair') ? 'big document (progress page)' : 'seed document page';
          console.log(`| ${label} | ${xs.length} | ${percentile(xs, 50).toFixed(0)} | ${percentile(xs, 99).toFixed(0)} | ${Math.max(...xs).toFixed(0)} |`);
        }
      };
      // The same load with no audit running: what the machine gives without one.
      const idle = await run(paths.slice(0, 2));
      const mt = readFileSync(join(SEED_DIR, 'mt.txt'), 'utf8').trimEnd() + '\n';
      const corrected = readFileSync(join(SEED_DIR, 'corrected.txt'), 'utf8').trimEnd() + '\n';
      const times = Math.ceil((MB * 1024 * 1024) / Buffer.byteLength(mt)); // each side about MB megabytes
      const big = join(texts, 'big-pair');
      mkdirSync(big);
      writeFileSync(join(big, 'mt.txt'), mt.repeat(times));
      writeFileSync(join(big, 'corrected.txt'), corrected.repeat(times));
      const bytes = Buffer.byteLength(mt) * times + Buffer.byteLength(corrected) * times;
      const entry = server.app.library.find('big-pair')!;
      const t0 = performance.now();
      server.app.audits.state(entry); // read, hashed and queued: the worker starts on it
      const startMs = performance.now() - t0;
      const busy = await run(paths);
      const still = server.app.audits.state(entry).status;
      console.log(`Big pair: ${(bytes / 1024 / 1024).toFixed(1)} MB (MT + corrected, ${times} × the seed article); read, hashed and queued in ${startMs.toFixed(0)} ms; audit ${still === 'pending' ? 'still running' : still} at the end of the load. One audit worker.`);
      table('No audit running', idle);
      table('While the big pair is audited', busy);
    } finally {
      await server.close();
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function restart(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tqa-bench-restart-'));
  try {
    const texts = join(dir, 'texts');
    const mt = readFileSync(join(SEED_DIR, 'mt.txt'), 'utf8').split('\n');
    const corrected = readFileSync(join(SEED_DIR, 'corrected.txt'), 'utf8').split('\n');
    // 50 documents of 6 lines each from the seed article, each a different window of it.
    for (let d = 0; d < 50; d++) {
      const doc = join(texts, `doc-${String(d).padStart(2, '0')}`);
      mkdirSync(doc, { recursive: true });
      const from = d % Math.max(1, mt.length - 6);
      writeFileSync(join(doc, 'mt.txt'), `${mt.slice(from, from + 6).join('\n')}\nDocument ${d}.\n`);
      writeFileSync(join(doc, 'corrected.txt'), `${corrected.slice(from, from + 6).join('\n')}\nDocument ${d}.\n`);
    }
    const dataDir = join(dir, 'data');
    const dbPath = join(dataDir, 'tqa.db');
    {
      const store = openStore(dbPath);
      const server = await startServer({ root: texts, dataDir, store, reviewer: 'bench', auditJobs: 1 });
      const t = performance.now();
      await server.app.audits.warm();
      console.log(`\n50 documents audited and stored in ${((performance.now() - t) / 1000).toFixed(1)} s (first start).`);
      await server.close();
      store.close();
    }
    const t0 = performance.now();
    const store = openStore(dbPath);
    const server = await startServer({ root: texts, dataDir, store, reviewer: 'bench', auditJobs: 1 });
    const res = await fetch(server.url);
    const html = await res.text();
    const firstMs = performance.now() - t0;
    const rows = (html.match(/<tr data-doc="doc-\d+">/g) ?? []).length;
    const pending = (html.match(/class="pending"/g) ?? []).length;
    console.log(`Restart: first answer of the index after ${firstMs.toFixed(0)} ms (opening the database and the server included), status ${res.status}, ${rows} of 50 rows with their scores, ${pending} pending.`);
    await server.close();
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
await load();
await restart();
