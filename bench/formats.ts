// Localization files: how long reading (XML validation + positions), the audit and locating findings take on
// XLIFF 1.2 files built from the MLQE-PE ro-en dev set (1000 MT sentences with their post-edits, repeated to the
// size shown), MT in alt-trans, with one inline tag per unit. `npx tsx bench/formats.ts`
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditDocument } from '../src/audit.js';
import { readLocalized } from '../src/io/formats/index.js';
import { xliffWithApprovedTargets } from '../src/io/formats/xliff-writeback.js';

const dev = new URL('../tests/fixtures/mlqe-pe/ro-en-dev/', import.meta.url).pathname;
const mt = readFileSync(join(dev, 'dev.mt'), 'utf8').split('\n').filter(Boolean);
const pe = readFileSync(join(dev, 'dev.pe'), 'utf8').split('\n').filter(Boolean);
const src = readFileSync(join(dev, 'dev.src'), 'utf8').split('\n').filter(Boolean);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tagged = (s: string) => `<g id="1">${esc(s.split(' ')[0] ?? '')}</g> ${esc(s.split(' ').slice(1).join(' '))}`;

function xliff(units: number): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file original="b" source-language="ro" target-language="en"><body>'];
  for (let i = 0; i < units; i++) {
    const k = i % mt.length;
    out.push(`\n<trans-unit id="u${i}"><source>${tagged(src[k]!)}</source><target state="translated">${tagged(pe[k]!)}</target><alt-trans origin="mt"><target>${tagged(mt[k]!)}</target></alt-trans></trans-unit>`);
  }
  out.push('\n</body></file></xliff>\n');
  return out.join('');
}

const dir = mkdtempSync(join(tmpdir(), 'tqa-bench-formats-'));
const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};
console.log('| units | file | read + positions | audit | finish + locate | write-back (1 in 5 findings rejected) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const units of [1000, 5000]) {
  const file = join(dir, `b${units}.xlf`);
  const text = xliff(units);
  writeFileSync(file, text);
  const [li, tRead] = time(() => readLocalized({ mt: file }));
  const [raw, tAudit] = time(() => auditDocument(li.toAuditInput(), li.auditOptions()));
  const [, tLocate] = time(() => li.remapReport(li.finishReport(raw)));
  // A reviewer rejected every fifth finding: those spans go back to the MT wording.
  const decided = { ...raw, findings: raw.findings.map((f, i) => (i % 5 === 0 ? { ...f, decision: { status: 'rejected' as const } } : f)) };
  const [, tWrite] = time(() => xliffWithApprovedTargets(li, decided));
  const mb = (text.length / 1e6).toFixed(1);
  console.log(`| ${units} | ${mb} MB | ${tRead.toFixed(0)} ms | ${(tAudit / 1000).toFixed(1)} s | ${tLocate.toFixed(0)} ms | ${tWrite.toFixed(0)} ms |`);
}
