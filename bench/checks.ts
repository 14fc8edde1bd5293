// Measures tqa's reference-free checks and learned rules on MLQE-PE (tests/fixtures/mlqe-pe, CC0):
//  1. False positives on professional English: the checks on the post-edits (dev.pe, tokenised: run with
//     `tokenized: true`), alone and with the source, as findings per 1000 words, per check. For contrast, the
//     same on the MT (dev.mt), which the post-editors had to correct.
//  2. Learn/check: learn rules on one half of ro-en dev (MT/PE pairs audited with segmentation 'lines'), check the
//     other half's MT with them, and compare the flagged MT words with that half's gold word tags (BAD = should be
//     flagged): precision and recall, both ways round (2 folds), for a few thresholds.
// Run: npx tsx bench/checks.ts   (prints Markdown for BENCHMARKS.md)
import { readFileSync } from 'node:fs';
import { auditDocument } from '../src/audit.js';
import { CHECKS, runChecks } from '../src/checks/index.js';
import { learnRules } from '../src/checks/learn.js';
import { applyLearnedRules } from '../src/checks/learned.js';
import type { DocumentReport, Finding } from '../src/model.js';

const root = new URL('../tests/fixtures/mlqe-pe/', import.meta.url);
const read = (lp: string, f: string) => readFileSync(new URL(`${lp}/${f}`, root), 'utf8').replace(/\n$/, '');
const countWords = (t: string) => t.split(/\s+/).filter(Boolean).length;
const per1000 = (n: number, words: number) => ((n / words) * 1000).toFixed(2);

// ---------------------------------------------------------------- 1. false positives on professional English
function falsePositives(): void {
  console.log('### Reference-free checks on professional English (MLQE-PE dev post-edits)\n');
  console.log('Findings per 1000 words; `tokenized: true` (the corpus is tokenised: one space around every punctuation mark).\n');
  const rows: Array<[string, string, Finding[], number]> = [];
  for (const lp of ['ro-en-dev', 'et-en-dev']) {
    const pe = read(lp, 'dev.pe');
    const mt = read(lp, 'dev.mt');
    const src = read(lp, 'dev.src');
    rows.push([lp, 'PE alone', runChecks(pe, { tokenized: true }), countWords(pe)]);
    rows.push([lp, 'PE + source', runChecks(pe, { tokenized: true, source: src }), countWords(pe)]);
    rows.push([lp, 'MT + source (contrast)', runChecks(mt, { tokenized: true, source: src }), countWords(mt)]);
  }
  const used = CHECKS.map((c) => c.id).filter((id) => rows.some(([, , fs]) => fs.some((f) => f.rule === id)));
  console.log(`| corpus | text | words | findings | per 1000 words | ${used.map((u) => u.replace('check/', '')).join(' | ')} |`);
  console.log(`|---|---|---:|---:|---:|${used.map(() => '---:').join('|')}|`);
  for (const [lp, what, fs, words] of rows) {
    const by = used.map((id) => per1000(fs.filter((f) => f.rule === id).length, words));
    console.log(`| ${lp} | ${what} | ${words} | ${fs.length} | ${per1000(fs.length, words)} | ${by.join(' | ')} |`);
  }
  console.log('');
}

// ---------------------------------------------------------------- 2. learn on one half, check the other
interface Half {
  mt: string;
  pe: string;
  tags: string[][]; // gold word tags per line (OK/BAD), gaps removed
}

function halves(lp: string): [Half, Half] {
  const mt = read(lp, 'dev.mt').split('\n');
  const pe = read(lp, 'dev.pe').split('\n');
  const tags = read(lp, 'dev.tags')
    .split('\n')
    .map((l) => l.split(' ').filter((_, i) => i % 2 === 1));
  const mid = mt.length / 2;
  const half = (a: number, b: number): Half => ({ mt: mt.slice(a, b).join('\n'), pe: pe.slice(a, b).join('\n'), tags: tags.slice(a, b) });
  return [half(0, mid), half(mid, mt.length)];
}

/** Per MT token (space-separated, line by line): flagged by a finding that overlaps it? */
function flaggedTokens(mt: string, findings: Finding[]): boolean[][] {
  const out: boolean[][] = [];
  let offset = 0;
  for (const line of mt.split('\n')) {
    const flags: boolean[] = [];
    let pos = offset;
    for (const tok of line.split(' ')) {
      const s = pos;
      const e = pos + tok.length;
      flags.push(findings.some((f) => (f.mt.start === f.mt.end ? false : f.mt.start < e && s < f.mt.end)));
      pos = e + 1;
    }
    out.push(flags);
    offset += line.length + 1;
  }
  return out;
}

function score(flags: boolean[][], tags: string[][]): { tp: number; fp: number; bad: number; flagged: number } {
  let tp = 0;
  let fp = 0;
  let bad = 0;
  flags.forEach((line, i) => {
    const gold = tags[i]!;
    if (gold.length !== line.length) throw new Error(`line ${i}: ${line.length} tokens vs ${gold.length} tags`);
    line.forEach((f, j) => {
      const isBad = gold[j] === 'BAD';
      if (isBad) bad++;
      if (f && isBad) tp++;
      if (f && !isBad) fp++;
    });
  });
  return { tp, fp, bad, flagged: tp + fp };
}

function learnCheck(): void {
  const lp = 'ro-en-dev';
  const [a, b] = halves(lp);
  const t0 = Date.now();
  const audit = (h: Half, id: string): DocumentReport =>
    auditDocument({ mt: { path: `${id}.mt`, text: h.mt }, corrected: { path: `${id}.pe`, text: h.pe }, id }, { segmentation: 'lines' });
  const audited = [audit(a, 'first-half'), audit(b, 'second-half')];
  const auditMs = Date.now() - t0;
  console.log('### Learned rules: learn on one half of MLQE-PE ro-en dev, check the other half\n');
  console.log(
    `Audit of the two halves (500 MT/PE lines each, segmentation 'lines'): ${auditMs} ms. A flagged MT word is one that a learned ` +
      'finding overlaps; gold = dev.tags word tags (BAD = the post-editor changed it). Two folds (learn on A, check B; learn on B, check A), summed.\n',
  );
  console.log('| min support | min applied | rules (fold 1 / 2) | flagged words | precision | recall | F1 |');
  console.log('|---:|---:|---|---:|---:|---:|---:|');
  for (const [minSupport, minApplied] of [
    [1, 0.5],
    [2, 0.3],
    [2, 0.5],
    [2, 0.8],
    [3, 0.5],
  ] as const) {
    let tp = 0;
    let fp = 0;
    let bad = 0;
    const counts: number[] = [];
    for (const [learnFrom, checkOn] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const rules = learnRules([audited[learnFrom]!], { minSupport, minApplied }).rules;
      counts.push(rules.length);
      const half = checkOn === 1 ? b : a;
      const found = applyLearnedRules(half.mt, rules);
      const s = score(flaggedTokens(half.mt, found), half.tags);
      tp += s.tp;
      fp += s.fp;
      bad += s.bad;
    }
    const p = tp / Math.max(1, tp + fp);
    const r = tp / bad;
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    console.log(`| ${minSupport} | ${minApplied} | ${counts.join(' / ')} | ${tp + fp} | ${(p * 100).toFixed(1)}% | ${(r * 100).toFixed(2)}% | ${(f1 * 100).toFixed(2)}% |`);
  }
  // The reference-free checks against the same gold tags (all 1000 MT lines, with the source).
  const mt = read(lp, 'dev.mt');
  const tags = read(lp, 'dev.tags')
    .split('\n')
    .map((l) => l.split(' ').filter((_, i) => i % 2 === 1));
  const found = runChecks(mt, { tokenized: true, source: read(lp, 'dev.src') });
  const s = score(flaggedTokens(mt, found), tags);
  console.log(
    `\nFor comparison, the reference-free checks (with the source) on all 1000 ro-en MT lines flag ${s.flagged} words: ` +
      `precision ${((s.tp / Math.max(1, s.flagged)) * 100).toFixed(1)}%, recall ${((s.tp / s.bad) * 100).toFixed(2)}% of ${s.bad} BAD words.\n`,
  );
}

falsePositives();
learnCheck();
