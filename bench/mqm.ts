// Benchmark: tqa's categories, severities and per-segment penalties against professional MQM raters.
// Data: ../shared/data/mqm-ted-dev (WMT21 TED, Freitag et al.; evaluation use only — read from there, never
// copied into the project). Each system's MT is audited against the standard reference (zh→en: refB; en→de:
// ref) in reference mode, one segment per line. Skips cleanly when the data (or a target language's classifier)
// is absent.
//
// On spans both mark (a rater's <v>…</v> span overlapping a non-neutral tqa finding; the finding with the
// largest overlap): top-level category agreement, Cohen's kappa, severity agreement (tqa critical counts as
// Major), the confusion table. Per segment: Kendall tau-b and Pearson of −penalty (tqa, wmt-google weights)
// against the human MQM score (−Σ Google weights), over all segments and by item (within the translations of
// one source segment, averaged over items), beside sentence chrF, BLEU, −TER and a length-only baseline (−MT
// words: longer output, more room for errors) on the same segments.
// For scale, rater vs rater: where two raters rated the very same MT of a segment (systems often agree), how
// often they agree with each other on severity and category, and Kendall between their scores.
// Run: npx tsx bench/mqm.ts [zhen|ende] [--kind post-edit|reference] [--half calibration|held-out|all] [--no-source]
// MQM_DUMP=/tmp/x also writes every rater span with its matched finding to /tmp/x.<pair>.json and every segment
// with its findings and human score to /tmp/x.<pair>.segments.json (for calibration
// outside the project; the file holds the data's sentences, so never inside the repository).
import { existsSync, readFileSync } from 'node:fs';
import { auditDocument } from '../src/audit.js';
import { findingPenalty, NON_TRANSLATION } from '../src/metrics/mqm.js';
import type { Finding } from '../src/model.js';
import { rulesFor } from '../src/classify/index.js';

const DATA = new URL('../../shared/data/mqm-ted-dev/', import.meta.url).pathname;
const args = process.argv.slice(2);
const kindArg = args.indexOf('--kind');
const KIND = (kindArg >= 0 ? args[kindArg + 1] : 'reference') as 'post-edit' | 'reference';
/** --no-source: audit without the source text (as before source-aware rules; the source is given by default). */
const NO_SOURCE = args.includes('--no-source');
const PAIRS = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));

interface Span { start: number; end: number; category: string; severity: string }
interface Seg { system: string; doc: string; seg: string; rater: string; source: string; mt: string; spans: Span[]; human: number }

// Calibration vs held-out, by talk (document): whatever severity.ts / the rules learn from this data is read off
// the calibration talks only; the targets are reported on the held-out talk (the largest one, so that its
// figures are the steadiest) and, labelled, on all. zh→en: talk.5 + talk.7 (101 source segments) vs talk.9 (159);
// en→de: talk.3 + talk.5 (101) vs talk.6 (159).
const CALIBRATION: Record<'zhen' | 'ende', ReadonlySet<string>> = {
  zhen: new Set(['talk.5', 'talk.7']),
  ende: new Set(['talk.3', 'talk.5']),
};
type Half = 'held-out' | 'calibration' | 'all';
const halfArg = args.indexOf('--half');
/** Which half the detailed tables (confusion, per rule) describe; the summary always shows all three. */
const DETAIL: Half = (halfArg >= 0 ? args[halfArg + 1] : 'calibration') as Half;

/** Google's weights for this data (the data's README): Major 5, Minor 1, minor Fluency/Punctuation 0.1,
 *  Non-translation 25, source errors 0. */
function weight(category: string, severity: string): number {
  if (category === 'No-error' || category.startsWith('Source')) return 0;
  if (category.startsWith('Non-translation')) return 25;
  if (severity === 'Major') return 5;
  if (severity === 'Minor') return category === 'Fluency/Punctuation' ? 0.1 : 1;
  return 0;
}

function load(file: string): Map<string, Seg> {
  const segs = new Map<string, Seg>();
  const lines = readFileSync(file, 'utf8').split('\n').slice(1);
  for (const line of lines) {
    if (!line) continue;
    const [system, doc, , seg, rater, source, target, category, severity] = line.split('\t') as string[];
    const key = `${system}\t${seg}`;
    const mt = target!.replace(/<\/?v>/g, '');
    let s = segs.get(key);
    if (!s) segs.set(key, (s = { system: system!, doc: doc!, seg: seg!, rater: rater!, source: source!, mt, spans: [], human: 0 }));
    s.human -= weight(category!, severity!);
    const open = target!.indexOf('<v>');
    if (open >= 0 && category !== 'No-error' && !category!.startsWith('Source')) {
      const close = target!.indexOf('</v>', open);
      s.spans.push({ start: open, end: close - 3, category: category!, severity: severity! });
    }
  }
  return segs;
}

const TOP: Record<string, string> = {
  accuracy: 'Accuracy', fluency: 'Fluency', style: 'Style', terminology: 'Terminology',
  'locale-convention': 'Locale', 'design-markup': 'Other', other: 'Other',
};
const humanTop = (c: string) => {
  const t = c.split('/')[0]!;
  return t.startsWith('Locale') ? 'Locale' : t.startsWith('Non-translation') ? 'Accuracy' : t;
};

function kendall(x: number[], y: number[]): number | undefined {
  let c = 0, d = 0, tx = 0, ty = 0;
  for (let i = 0; i < x.length; i++)
    for (let j = i + 1; j < x.length; j++) {
      const a = Math.sign(x[i]! - x[j]!);
      const b = Math.sign(y[i]! - y[j]!);
      if (a === 0 && b === 0) continue;
      if (a === 0) tx++;
      else if (b === 0) ty++;
      else if (a === b) c++;
      else d++;
    }
  const den = Math.sqrt((c + d + tx) * (c + d + ty));
  return den === 0 ? undefined : (c - d) / den;
}

function pearson(x: number[], y: number[]): number | undefined {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? undefined : sxy / Math.sqrt(sxx * syy);
}

function cohenKappa(pairs: Array<[string, string]>): number {
  const labels = [...new Set(pairs.flat())];
  const n = pairs.length;
  const po = pairs.filter(([a, b]) => a === b).length / n;
  let pe = 0;
  for (const l of labels) pe += (pairs.filter(([a]) => a === l).length / n) * (pairs.filter(([, b]) => b === l).length / n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

const f3 = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(3));

async function run(pair: 'zhen' | 'ende'): Promise<void> {
  const file = `${DATA}mqm_ted_${pair}.dev.tsv`;
  if (!existsSync(file)) {
    console.log(`mqm-ted-dev ${pair}: data not found at ${file}, skipped`);
    return;
  }
  const lang = pair === 'zhen' ? 'en' : 'de';
  const refSystem = pair === 'zhen' ? 'refB' : 'ref';
  try {
    rulesFor(lang);
  } catch {
    console.log(`mqm-ted-dev ${pair}: no classifier for "${lang}" yet, skipped`);
    return;
  }
  const segs = load(file);
  const refs = new Map([...segs.values()].filter((s) => s.system === refSystem).map((s) => [s.seg, s.mt]));
  const systems = [...new Set([...segs.values()].map((s) => s.system))].filter((s) => s !== refSystem).sort();

  const matched: Array<{ human: Span; tqa: Finding; cal: boolean }> = [];
  const dump: unknown[] = [];
  const segDump: unknown[] = [];
  const humanSpans: Record<Half, number> = { 'held-out': 0, calibration: 0, all: 0 };
  const rows: Array<{ system: string; seg: string; cal: boolean; human: number; tqa: number; chrf: number; bleu: number; ter: number; len: number }> = [];
  const categories = new Map<string, number>();
  const t0 = performance.now();
  for (const system of systems) {
    const mine = [...segs.values()].filter((s) => s.system === system && refs.has(s.seg) && !/[\r\n]/.test(s.mt + refs.get(s.seg)!));
    const mt = mine.map((s) => s.mt).join('\n');
    const corrected = mine.map((s) => refs.get(s.seg)!).join('\n');
    let doc;
    try {
      doc = auditDocument(
        {
          mt: { path: `${system}.mt`, text: mt },
          corrected: { path: `${refSystem}.txt`, text: corrected },
          ...(NO_SOURCE ? {} : { source: { path: `${system}.src`, text: mine.map((s) => s.source).join('\n') } }),
        },
        { segmentation: 'lines', lang, targetLang: lang, ...(NO_SOURCE ? {} : { sourceLang: pair === 'zhen' ? 'zh' : 'en' }), correctedKind: KIND } as Parameters<typeof auditDocument>[1],
      );
    } catch (e) {
      console.log(`mqm-ted-dev ${pair}: ${(e as Error).message}; skipped`);
      return;
    }
    // Line start offsets in the joined MT, to place findings on lines.
    const starts: number[] = [];
    for (let i = 0, at = 0; i < mine.length; i++) (starts.push(at), (at += mine[i]!.mt.length + 1));
    const lineOf = (offset: number) => {
      let lo = 0, hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const byLine = mine.map(() => [] as Finding[]);
    for (const f of doc.findings) byLine[lineOf(f.mt.start)]!.push(f);
    mine.forEach((s, i) => {
      const fs = byLine[i]!;
      for (const f of fs) if (f.severity !== 'neutral') categories.set(f.category, (categories.get(f.category) ?? 0) + 1);
      const m = doc.segments[i]!.metrics;
      if (process.env.MQM_DUMP) segDump.push({ system, doc: s.doc, seg: s.seg, human: s.human, words: s.mt.split(/\s+/).length, chrf: m.chrf, ter: m.ter, f: fs.map((f) => [f.category, f.severity, f.rule, f.message.replace(/^.*": /, '').replace(/ \(.*$/, ''), f.mt.text.split(/\s+/).filter(Boolean).length, f.corrected.text.split(/\s+/).filter(Boolean).length, f.mt.start - starts[i]!, f.mt.end - starts[i]!]), spans: s.spans });
      rows.push({
        system,
        seg: s.seg,
        cal: CALIBRATION[pair].has(s.doc),
        human: s.human,
        tqa: -Math.min(NON_TRANSLATION, fs.reduce((a, f) => a + findingPenalty(f, { preset: 'wmt-google' }), 0)),
        chrf: m.chrf ?? 0,
        bleu: m.bleu ?? 0,
        ter: -(m.ter ?? 0),
        len: -s.mt.split(/\s+/).filter(Boolean).length,
      });
      for (const h of s.spans) {
        humanSpans.all++;
        humanSpans[CALIBRATION[pair].has(s.doc) ? 'calibration' : 'held-out']++;
        let best: Finding | undefined;
        let bestOverlap = -1;
        for (const f of fs) {
          if (f.severity === 'neutral') continue;
          const a = f.mt.start - starts[i]!;
          const b = f.mt.end - starts[i]!;
          const overlap = Math.min(b, h.end) - Math.max(a, h.start);
          const touches = overlap > 0 || (overlap === 0 && (a === b || h.start === h.end));
          if (touches && overlap > bestOverlap) (best = f), (bestOverlap = overlap);
        }
        if (best) matched.push({ human: h, tqa: best, cal: CALIBRATION[pair].has(s.doc) });
        if (process.env.MQM_DUMP) dump.push({ doc: s.doc, system, seg: s.seg, h, f: best ? { category: best.category, severity: best.severity, rule: best.rule, message: best.message, mt: best.mt.text, cor: best.corrected.text, type: best.type } : null, chrf: doc.segments[i]!.metrics.chrf, findings: fs.filter((f) => f.severity !== 'neutral').length, words: s.mt.split(/\s+/).length, mt: s.mt.slice(h.start, h.end) });
      }
    });
  }
  const secs = (performance.now() - t0) / 1000;
  if (process.env.MQM_DUMP) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${process.env.MQM_DUMP}.${pair}.json`, JSON.stringify(dump));
    writeFileSync(`${process.env.MQM_DUMP}.${pair}.segments.json`, JSON.stringify(segDump));
  }

  const inHalf = (half: Half) => (x: { cal: boolean }) => half === 'all' || x.cal === (half === 'calibration');
  const topOf = (m: { human: Span; tqa: Finding }) => [humanTop(m.human.category), TOP[m.tqa.category.split('/')[0]!] ?? 'Other'] as [string, string];
  const tqaMajor = (f: Finding) => f.severity !== 'minor';
  const metrics = ['tqa', 'chrf', 'bleu', 'ter', 'len'] as const;
  const names = { tqa: '−tqa penalty (wmt-google)', chrf: 'chrF', bleu: 'BLEU', ter: '−TER', len: 'length only (−MT words)' };
  /** Kendall over all segments and by item (mean over the items with a defined tau) of one column. */
  const correlations = (rs: typeof rows, k: (typeof metrics)[number]) => {
    const items = new Map<string, typeof rows>();
    for (const r of rs) items.set(r.seg, [...(items.get(r.seg) ?? []), r]);
    const byItem = [...items.values()].map((xs) => kendall(xs.map((r) => r[k]), xs.map((r) => r.human))).filter((t): t is number => t !== undefined);
    return {
      all: kendall(rs.map((r) => r[k]), rs.map((r) => r.human)),
      item: byItem.reduce((a, b) => a + b, 0) / byItem.length,
      items: byItem.length,
      pearson: pearson(rs.map((r) => r[k]), rs.map((r) => r.human)),
    };
  };

  console.log(`### mqm-ted-dev ${pair} (${systems.length} systems against ${refSystem}, ${rows.length} segments, corrected kind: ${KIND}; audited in ${secs.toFixed(1)} s)\n`);
  // The targets, per half: held-out is the figure to quote; calibration is what the policy was read from.
  console.log(`| half | segments | rater spans matched | category agreement | κ | severity agreement | Kendall −penalty (all) | … length only | by item −penalty | … chrF by item |\n|---|---|---|---|---|---|---|---|---|---|`);
  for (const half of ['held-out', 'calibration', 'all'] as const) {
    const ms = matched.filter(inHalf(half));
    const rs = rows.filter(inHalf(half));
    const cp = ms.map(topOf);
    const sev = ms.filter((m) => (tqaMajor(m.tqa) ? 'Major' : 'Minor') === m.human.severity).length / ms.length;
    const t = correlations(rs, 'tqa');
    const l = correlations(rs, 'len');
    const c = correlations(rs, 'chrf');
    console.log(`| ${half} | ${rs.length} | ${ms.length} | ${f3(cp.filter(([a, b]) => a === b).length / ms.length)} | ${f3(cohenKappa(cp))} | ${f3(sev)} | ${f3(t.all)} | ${f3(l.all)} | ${f3(t.item)} | ${f3(c.item)} |`);
  }
  // How far two professional raters agree with each other, for scale: systems often produce the very same MT for
  // a source segment, and different raters rated some of those copies. On such pairs: severity and top-level
  // category agreement of overlapping spans (the largest overlap), and Kendall between the two raters' scores.
  {
    const groups = new Map<string, Seg[]>();
    for (const s of segs.values()) if (s.system !== refSystem) groups.set(`${s.seg}\t${s.mt}`, [...(groups.get(`${s.seg}\t${s.mt}`) ?? []), s]);
    let n = 0, sev = 0, cat = 0;
    const a: number[] = [], b: number[] = [], t: number[] = [];
    const tqaOf = new Map(rows.map((r) => [`${r.system}\t${r.seg}`, r.tqa]));
    for (const g of groups.values())
      for (let i = 0; i < g.length; i++)
        for (let j = i + 1; j < g.length; j++) {
          const x = g[i]!, y = g[j]!;
          if (x.rater === y.rater || !tqaOf.has(`${x.system}\t${x.seg}`)) continue;
          a.push(x.human), b.push(y.human), t.push(tqaOf.get(`${x.system}\t${x.seg}`)!);
          for (const h of x.spans) {
            let best: Span | undefined, most = 0;
            for (const k of y.spans) {
              const o = Math.min(h.end, k.end) - Math.max(h.start, k.start);
              if (o > most) (best = k), (most = o);
            }
            if (!best) continue;
            n++;
            if (best.severity === h.severity) sev++;
            if (humanTop(best.category) === humanTop(h.category)) cat++;
          }
        }
    console.log(`\nRater vs rater (identical MT rated by two raters, all talks): ${a.length} segment pairs, Kendall between the two raters ${f3(kendall(a, b))} (tqa −penalty against the first ${f3(kendall(t, a))}, the second ${f3(kendall(t, b))}); ${n} overlapping span pairs, severity agreement ${f3(sev / n)}, category agreement ${f3(cat / n)}.`);
  }
  console.log(`\nDetail below: ${DETAIL} half (--half held-out|calibration|all).\n`);

  const detail = matched.filter(inHalf(DETAIL));
  const catPairs = detail.map(topOf);
  const humanMinorCalledMajor = detail.filter((m) => m.human.severity === 'Minor' && tqaMajor(m.tqa)).length;
  const humanMinor = detail.filter((m) => m.human.severity === 'Minor').length;
  console.log(`| spans (${DETAIL}) | value |\n|---|---|`);
  console.log(`| rater spans | ${humanSpans[DETAIL]} |`);
  console.log(`| … with an overlapping non-neutral tqa finding (matched) | ${detail.length} (${((100 * detail.length) / humanSpans[DETAIL]).toFixed(1)}%) |`);
  console.log(`| top-level category agreement | ${(catPairs.filter(([a, b]) => a === b).length / detail.length).toFixed(3)} |`);
  console.log(`| Cohen's kappa (top level) | ${cohenKappa(catPairs).toFixed(3)} |`);
  console.log(`| severity agreement | ${(detail.filter((m) => (tqaMajor(m.tqa) ? 'Major' : 'Minor') === m.human.severity).length / detail.length).toFixed(3)} |`);
  console.log(`| rater Minor called major/critical | ${humanMinorCalledMajor} of ${humanMinor} |\n`);

  const labels = [...new Set(catPairs.flat())].sort();
  console.log(`| rater \\ tqa | ${labels.join(' | ')} |\n|---|${labels.map(() => '---|').join('')}`);
  for (const h of labels) console.log(`| ${h} | ${labels.map((t) => catPairs.filter(([a, b]) => a === h && b === t).length).join(' | ')} |`);
  // The rater's Style/Awkward spans as tqa sees them (the issue's headline confusion).
  const awk = detail.filter((m) => m.human.category === 'Style/Awkward');
  const awkMis = awk.filter((m) => m.tqa.category === 'accuracy/mistranslation').length;
  console.log(`\nrater Style/Awkward spans matched: ${awk.length}, of which tqa accuracy/mistranslation: ${awkMis}`);
  // Per tqa rule (and the WordNet verdict for en/mistranslation): what the raters said on the same spans.
  const byRule = new Map<string, typeof detail>();
  for (const m of detail) {
    const k = m.tqa.rule === 'en/mistranslation' ? `${m.tqa.rule} (${m.tqa.message.replace(/^.*": /, '').replace(/ \(.*$/, '')})` : m.tqa.rule;
    byRule.set(k, [...(byRule.get(k) ?? []), m]);
  }
  console.log(`\n| tqa rule | matched | tqa category (top) | rater categories | rater Major |\n|---|---|---|---|---|`);
  for (const [rule, ms] of [...byRule].sort((a, b) => b[1].length - a[1].length)) {
    const count = (xs: string[]) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    const tc = count(ms.map((m) => `${m.tqa.category} ${m.tqa.severity}`))[0]!;
    const hc = count(ms.map((m) => m.human.category)).slice(0, 3).map(([c, n]) => `${c} ${n}`).join(', ');
    const major = ms.filter((m) => m.human.severity === 'Major').length;
    console.log(`| ${rule} | ${ms.length} | ${tc[0]} (${tc[1]}) | ${hc} | ${((100 * major) / ms.length).toFixed(0)}% |`);
  }
  console.log(`\ntqa non-neutral findings by category (all): ${[...categories].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}\n`);

  const dRows = rows.filter(inHalf(DETAIL));
  console.log(`| per segment (${DETAIL}) | Kendall (all) | Kendall by item | Pearson (all) |\n|---|---|---|---|`);
  for (const k of metrics) {
    const c = correlations(dRows, k);
    console.log(`| ${names[k]} | ${f3(c.all)} | ${f3(c.item)} (${c.items} items) | ${f3(c.pearson)} |`);
  }
  console.log('');
}

const pairs = (PAIRS.length ? PAIRS : ['zhen', 'ende']) as Array<'zhen' | 'ende'>;
for (const p of pairs) await run(p);
