// `tqa learn` as a team would use it: learn on post-edit history, check new MT of the same engine. On MLQE-PE
// (MT and its professional post-edit, word tags OK/BAD = the post-editor changed the word), per language pair:
// two folds — learn on one half of the dev split (MT/PE pairs audited as `tqa learn` audits them, segmentation
// 'lines'), check the other half's MT with the learned rules — and the flagged MT words compared with that
// half's gold tags: precision, recall and F1, summed over both folds. Beside the learned rules:
//   - random: flags at the same rate as the generalised rules (expected values: precision = the held-out BAD
//     rate, recall = the flag rate);
//   - every word changed: flag every held-out MT word whose exact form the learn half's tags ever mark BAD.
// Data: ../shared/data/mlqe-pe when present, else the project's copy tests/fixtures/mlqe-pe (the same files, CC0).
// Run: npx tsx bench/learn.ts [pairs…]   (prints Markdown for BENCHMARKS.md, "Learned rules")
import { existsSync, readFileSync } from 'node:fs';
import { auditDocument } from '../src/audit.js';
import { learnRules, type LearnOptions } from '../src/checks/learn.js';
import { applyLearnedRules } from '../src/checks/learned.js';
import type { DocumentReport, Finding } from '../src/model.js';

const shared = new URL('../../shared/data/mlqe-pe/', import.meta.url);
const root = existsSync(shared) ? shared : new URL('../tests/fixtures/mlqe-pe/', import.meta.url);
const PAIRS = process.argv.slice(2).length ? process.argv.slice(2) : ['en-de-dev', 'en-zh-dev', 'et-en-dev', 'ro-en-dev'];
const read = (lp: string, f: string) => readFileSync(new URL(`${lp}/${f}`, root), 'utf8').replace(/\n$/, '').split('\n');

interface Half {
  mt: string;
  pe: string;
  /** Gold word tags per line (OK/BAD), gap tags removed. */
  tags: string[][];
}

function halves(lp: string): [Half, Half] {
  const mt = read(lp, 'dev.mt');
  const pe = read(lp, 'dev.pe');
  const tags = read(lp, 'dev.tags').map((l) => l.split(' ').filter((_, i) => i % 2 === 1));
  const mid = mt.length / 2;
  const half = (a: number, b: number): Half => ({ mt: mt.slice(a, b).join('\n'), pe: pe.slice(a, b).join('\n'), tags: tags.slice(a, b) });
  return [half(0, mid), half(mid, mt.length)];
}

/** Per MT token (line by line): does a finding overlap it? */
function flaggedTokens(mt: string, findings: Finding[]): boolean[][] {
  const spans = findings.filter((f) => f.mt.end > f.mt.start).map((f) => [f.mt.start, f.mt.end] as const).sort((a, b) => a[0] - b[0]);
  const out: boolean[][] = [];
  let offset = 0;
  let k = 0;
  for (const line of mt.split('\n')) {
    const flags: boolean[] = [];
    // Tokens are split on runs of spaces (en-zh puts three around numbers and Latin words; the tags count tokens).
    for (const m of line.matchAll(/\S+/g)) {
      const s = offset + m.index;
      const e = s + m[0].length;
      while (k < spans.length && spans[k]![1] <= s) k++;
      let hit = false;
      for (let j = k; j < spans.length && spans[j]![0] < e; j++) if (spans[j]![1] > s) hit = true;
      flags.push(hit);
    }
    out.push(flags);
    offset += line.length + 1;
  }
  return out;
}

interface Score {
  tp: number;
  flagged: number;
  bad: number;
  words: number;
}
const zero = (): Score => ({ tp: 0, flagged: 0, bad: 0, words: 0 });

function score(flags: boolean[][], tags: string[][], into: Score): void {
  flags.forEach((line, i) => {
    const gold = tags[i]!;
    if (gold.length !== line.length) throw new Error(`line ${i}: ${line.length} tokens vs ${gold.length} tags`);
    line.forEach((f, j) => {
      const isBad = gold[j] === 'BAD';
      into.words++;
      if (isBad) into.bad++;
      if (f) into.flagged++;
      if (f && isBad) into.tp++;
    });
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
function row(name: string, s: Score, extra = ''): string {
  const p = s.flagged ? s.tp / s.flagged : 0;
  const r = s.bad ? s.tp / s.bad : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return `| ${name} | ${extra} | ${s.flagged} | ${s.flagged ? pct(p) : '—'} | ${pct(r)} | ${pct(f1)} |`;
}

interface Method {
  name: string;
  opts: LearnOptions;
}
const METHODS: Method[] = [
  { name: 'exact rules (defaults: support ≥ 2, applied ≥ 0.5) — before', opts: {} },
  { name: 'exact rules, support ≥ 1', opts: { minSupport: 1 } },
  { name: 'exact + stem + class rules (`--stems`, defaults) — after', opts: { stems: true } },
  { name: 'exact + stem + class rules, applied ≥ 0.3', opts: { stems: true, minApplied: 0.3 } },
  { name: 'exact + stem + class rules, support ≥ 3, applied ≥ 0.3', opts: { stems: true, minSupport: 3, minApplied: 0.3 } },
];

console.log('### Learned rules that pay off: learn on one half of MLQE-PE, check the other (issue 8, item 5)\n');
console.log(
  `\`npx tsx bench/learn.ts\` on ${root === shared ? '../shared/data/mlqe-pe' : 'tests/fixtures/mlqe-pe'} (dev splits, 1000 segments per pair). ` +
    'Two folds per pair (learn on the first 500 MT/PE lines, check the last 500; and the other way round), summed. ' +
    'A flagged MT word is one a learned finding overlaps; gold = the dev.tags word tags (BAD = the post-editor changed it). ' +
    'Random = flags at the rate of `--stems` with its defaults: expected precision = the BAD rate, recall = the flag rate.\n',
);
for (const lp of PAIRS) {
  const [a, b] = halves(lp);
  const t0 = Date.now();
  const audit = (h: Half, id: string): DocumentReport =>
    auditDocument({ mt: { path: `${id}.mt`, text: h.mt }, corrected: { path: `${id}.pe`, text: h.pe }, id }, { segmentation: 'lines' });
  const audited = [audit(a, `${lp}-first`), audit(b, `${lp}-second`)];
  const auditMs = Date.now() - t0;
  const folds = [
    [0, 1],
    [1, 0],
  ] as const;
  const held = (i: 0 | 1) => (i === 0 ? a : b);
  const results: Array<[string, Score, string]> = [];
  for (const m of METHODS) {
    const s = zero();
    const counts: string[] = [];
    for (const [learnFrom, checkOn] of folds) {
      const rules = learnRules([audited[learnFrom]!], m.opts).rules;
      counts.push(`${rules.length}${m.opts.stems ? ` (${rules.filter((r) => r.stem).length} stem, ${rules.filter((r) => r.wordClass).length} class)` : ''}`);
      score(flaggedTokens(held(checkOn).mt, applyLearnedRules(held(checkOn).mt, rules)), held(checkOn).tags, s);
    }
    results.push([m.name, s, counts.join(' / ')]);
  }
  // Baseline: every exact form the learn half's tags mark BAD at least once.
  const ever = zero();
  for (const [learnFrom, checkOn] of folds) {
    const changed = new Set<string>();
    const src = held(learnFrom);
    const tokens = (line: string) => line.match(/\S+/g) ?? [];
    src.mt.split('\n').forEach((line, i) => tokens(line).forEach((tok, j) => src.tags[i]![j] === 'BAD' && changed.add(tok)));
    const dst = held(checkOn);
    score(dst.mt.split('\n').map((line) => tokens(line).map((tok) => changed.has(tok))), dst.tags, ever);
  }
  const stems = results[2]![1];
  const rate = stems.flagged / stems.words;
  const random: Score = { tp: Math.round(rate * stems.bad), flagged: stems.flagged, bad: stems.bad, words: stems.words };

  console.log(`#### ${lp}: ${stems.words} MT words checked, ${stems.bad} BAD (${pct(stems.bad / stems.words)}); audit of the two halves ${(auditMs / 1000).toFixed(1)} s\n`);
  console.log('| method | rules (fold 1 / 2) | flagged words | precision | recall | F1 |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const [name, s, counts] of results) console.log(row(name, s, counts));
  console.log(row('baseline: random flags at the `--stems` defaults’ rate (expected)', random));
  console.log(row('baseline: every word form the learn half ever changed', ever));
  console.log('');

  // More history: each quarter held out in turn, rules learned from the next quarter (250 lines) or from the
  // other three (750 lines), checked on the same held-out quarter.
  const quarters = [0, 1, 2, 3].map((q) => {
    const lines = (t: string) => t.split('\n');
    const all = { mt: [...lines(a.mt), ...lines(b.mt)], pe: [...lines(a.pe), ...lines(b.pe)], tags: [...a.tags, ...b.tags] };
    const n = all.mt.length / 4;
    const h: Half = { mt: all.mt.slice(q * n, (q + 1) * n).join('\n'), pe: all.pe.slice(q * n, (q + 1) * n).join('\n'), tags: all.tags.slice(q * n, (q + 1) * n) };
    return { h, doc: audit(h, `${lp}-q${q + 1}`) };
  });
  console.log(`History size, ${lp}: each quarter (250 lines) held out in turn, rules learned from one other quarter or from the other three.\n`);
  console.log('| method | history | flagged words | precision | recall | F1 |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const m of [METHODS[0]!, METHODS[2]!]) {
    for (const size of [1, 3]) {
      const s = zero();
      for (let q = 0; q < 4; q++) {
        const history = [1, 2, 3].slice(0, size).map((k) => quarters[(q + k) % 4]!.doc);
        const rules = learnRules(history, m.opts).rules;
        const test = quarters[q]!.h;
        score(flaggedTokens(test.mt, applyLearnedRules(test.mt, rules)), test.tags, s);
      }
      console.log(row(m.name.replace(/ — (before|after)$/, ''), s, `${size * 250} lines`));
    }
  }
  console.log('');
}
