// Benchmark (not a test): time to first contentful paint and to interactive for the review page of a large
// document, measured in headless Chromium. Run: npx tsx bench/web.ts [segments] [runs]
//
// It generates a pair of texts with `segments` sentences and four separate corrections per sentence (so about
// 4 × segments findings), starts the server on 127.0.0.1:0, audits once (reported apart: the audit is cached
// and is not page time), then loads pages in fresh browser contexts and reads, from the page itself:
// - ttfb: navigation start → first byte of the HTML (server: decisions, view model, template);
// - fcp: navigation start → first contentful paint;
// - ready: navigation start → html[data-js="ready"] (app.js marks `tqa-ready` when the keyboard works).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openStore } from '../src/store/index.js';
import { startServer } from '../src/web/server.js';
import { PAGE_SIZE } from '../src/web/view-model.js';

const SEGMENTS = Number(process.argv[2] ?? 5000);
const RUNS = Number(process.argv[3] ?? 5);

const NAMES = ['Volodymyr', 'Anita', 'Mark', 'Karoline', 'Audrey', 'Fen', 'Donald', 'Vladimir'];
const PLACES = ['Ukraine', 'Finland', 'Canada', 'Europe', 'Alaska', 'Japan', 'Australia', 'Crimea'];

/** One sentence pair with four corrections far enough apart to stay four findings: a misspelt name, a merged
 *  token, a wrong preposition and a missing article. */
function pair(i: number): [string, string] {
  const name = NAMES[i % NAMES.length]!;
  const place = PLACES[(i * 3) % PLACES.length]!;
  const short = name.slice(0, -2);
  const mt = `In meeting ${i}, ${short} said in a press briefing that theallies of ${place} discussed security guarantees at length with partners for the long-term peace.`;
  const corrected = `In meeting ${i}, ${name} said at a press briefing that the allies of ${place} discussed the security guarantees at length with partners for the long-term peace.`;
  return [mt, corrected];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tqa-bench-web-'));
  const texts = join(dir, 'texts');
  const docDir = join(texts, 'bench');
  mkdirSync(docDir, { recursive: true });
  const pairs = Array.from({ length: SEGMENTS }, (_, i) => pair(i));
  writeFileSync(join(docDir, 'mt.txt'), pairs.map((p) => p[0]).join('\n') + '\n');
  writeFileSync(join(docDir, 'corrected.txt'), pairs.map((p) => p[1]).join('\n') + '\n');

  const store = openStore(join(dir, 'data', 'tqa.db'));
  const server = await startServer({ root: texts, dataDir: join(dir, 'data'), store, reviewer: 'bench', auditOptions: { segmentation: 'lines' } });
  const t0 = performance.now();
  const report = server.app.library.get('bench')!.report;
  const auditMs = performance.now() - t0;
  // Decide on a tenth of the findings, as a review in progress would have.
  const sample = report.findings.filter((_, i) => i % 10 === 0);
  store.decideMany('bench', sample.map((f) => ({ findingId: f.id })), { status: 'accepted' }, 'bench');

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const pages: Array<[string, string]> = [
    ['first page (highlights)', '/doc/bench'],
    [`page ${Math.ceil(SEGMENTS / PAGE_SIZE / 2)} of ${Math.ceil(SEGMENTS / PAGE_SIZE)}`, `/doc/bench?page=${Math.ceil(SEGMENTS / PAGE_SIZE / 2)}`],
    ['side by side', '/doc/bench?layout=side'],
    ['inline diff', '/doc/bench?layout=diff'],
    ['filtered: one category', `/doc/bench?category=${encodeURIComponent(report.findings[1]!.category)}`],
  ];
  const rows: string[] = [];
  try {
    for (const [label, path] of pages) {
      const samples: Array<{ ttfb: number; fcp: number; ready: number; bytes: number; marks: number }> = [];
      for (let r = 0; r < RUNS + 1; r++) {
        const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
        const page = await ctx.newPage();
        const res = await page.goto(new URL(path, server.url).href);
        await page.locator('html[data-js="ready"]').waitFor();
        const m = (await page.evaluate(`(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          const ready = performance.getEntriesByName('tqa-ready')[0];
          return { ttfb: nav.responseStart, fcp: fcp ? fcp.startTime : NaN, ready: ready ? ready.startTime : NaN,
                   marks: document.querySelectorAll('#text .f').length };
        })()`)) as { ttfb: number; fcp: number; ready: number; marks: number };
        const bytes = (await res!.body()).length;
        await ctx.close();
        if (r > 0) samples.push({ ...m, bytes }); // the first load warms the template cache
      }
      const med = (k: 'ttfb' | 'fcp' | 'ready') => median(samples.map((s) => s[k]));
      const worst = Math.max(...samples.map((s) => s.ready));
      rows.push(
        `| ${label} | ${med('ttfb').toFixed(0)} | ${med('fcp').toFixed(0)} | ${med('ready').toFixed(0)} | ${worst.toFixed(0)} | ${samples[0]!.marks} | ${(samples[0]!.bytes / 1024).toFixed(0)} |`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Document: ${SEGMENTS} segments, ${report.findings.length} findings (${sample.length} decided); audit ${(auditMs / 1000).toFixed(1)} s (once, cached)`);
  console.log(`Median of ${RUNS} loads in fresh browser contexts after one warm-up; times in ms from navigation start.\n`);
  console.log('| page | TTFB | first contentful paint | interactive (data-js=ready) | worst interactive | highlight elements | HTML KB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

await main();
