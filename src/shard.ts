// Shards of one audit and their exact merge. `tqa audit --shard K/N` reads the whole texts (segment alignment
// and finding ids look at them), aligns every segment, and audits only the K-th of N contiguous slices of the
// segments; its report carries the slice's summed metric statistics. `tqa merge` puts the slices back together
// into the report the unsharded audit gives: segments and findings concatenated (offsets, lines and ids are
// already those of the whole document), the "#2" suffixes of repeated finding ids renumbered over the whole
// document, corpus TER/chrF/chrF++/BLEU from the summed statistics (integers: bit-equal), the MQM-based score and
// the effort bands recomputed from the merged findings and segments.
import { InputError } from './io/errors.js';
import { addCorpusTotals, corpusScoresFromTotals, mqmScore, type CorpusTotals } from './metrics/index.js';
import { withBands } from './metrics/effort.js';
import type { DocumentReport, Report, SegmentPair } from './model.js';

/** The K-th (1-based) of N slices. */
export interface Shard {
  index: number;
  count: number;
}

/** What a shard's report says about its slice (DocumentReport.shard). */
export interface ShardInfo extends Shard {
  /** Segment ids [from, to) of this slice, of `total` in the document. */
  segments: { from: number; to: number; total: number };
  /** Summed sufficient statistics of the slice's segments (corpus metrics of the merged report come from these). */
  totals: CorpusTotals;
}

/** More shards than this are refused (each re-reads and re-aligns the whole document). */
export const MAX_SHARDS = 100_000;

/** Parses `K/N` (1 ≤ K ≤ N ≤ MAX_SHARDS). */
export function parseShard(value: string, flag = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new InputError(`${flag}: expected K/N with 1 ≤ K ≤ N ≤ ${MAX_SHARDS}, e.g. 2/4; got "${value}"`);
  }
  return { index, count };
}

/** Segment ids [from, to) of shard K of N over `total` segments: contiguous, in order, sizes differing by ≤ 1. */
export function shardRange(total: number, shard: Shard): { from: number; to: number } {
  return { from: Math.floor(((shard.index - 1) * total) / shard.count), to: Math.floor((shard.index * total) / shard.count) };
}

/** The pairs edit extraction needs for a shard's edits to be those of the whole document: the slice plus one
 *  neighbour on each side (the whitespace between segments belongs to the segment before it, and can join the
 *  first edit of the segment after). The caller keeps only the edits of segments [from, to). */
export function shardWindow(pairs: readonly SegmentPair[], shard: Shard): { window: SegmentPair[]; from: number; to: number } {
  const { from, to } = shardRange(pairs.length, shard);
  return { window: pairs.slice(Math.max(0, from - 1), Math.min(pairs.length, to + 1)), from, to };
}

/** Merges shard reports (any order; each a report of `tqa audit --shard K/N`) into the unsharded report. `names`
 *  name the reports in messages. Every document must come with all N of its shards, of the same texts. */
export function mergeShardReports(reports: readonly Report[], names: readonly string[]): Report {
  if (reports.length === 0) throw new InputError('merge: no reports given');
  const byDoc = new Map<string, Array<{ doc: DocumentReport; name: string }>>();
  reports.forEach((r, i) => {
    for (const doc of r.documents) {
      if (!doc.shard) throw new InputError(`${names[i]}: document "${doc.id}" is not a shard (audit it with --shard K/N)`);
      let list = byDoc.get(doc.id);
      if (!list) byDoc.set(doc.id, (list = []));
      list.push({ doc, name: names[i]! });
    }
  });
  const tool = reports[0]!.tool;
  return { tool, documents: [...byDoc.entries()].map(([id, parts]) => mergeDocument(id, parts)) };
}

function mergeDocument(id: string, parts: Array<{ doc: DocumentReport; name: string }>): DocumentReport {
  parts.sort((a, b) => a.doc.shard!.index - b.doc.shard!.index);
  const first = parts[0]!;
  const count = first.doc.shard!.count;
  const total = first.doc.shard!.segments.total;
  parts.forEach((p, i) => {
    const s = p.doc.shard!;
    const where = `${p.name}: document "${id}", shard ${s.index}/${s.count}`;
    if (s.count !== count) throw new InputError(`${where}: shard of ${s.count}, the others of ${count}`);
    if (s.index !== i + 1) throw new InputError(`merge: document "${id}": shard ${i + 1}/${count} is ${s.index === i ? 'given twice' : 'missing'}`);
    if (s.segments.total !== total || p.doc.mt.text !== first.doc.mt.text || p.doc.corrected.text !== first.doc.corrected.text) {
      throw new InputError(`${where}: not the same texts as ${first.name} (shards of different audits)`);
    }
    if (p.doc.metrics.signatures.ter !== first.doc.metrics.signatures.ter || p.doc.metrics.mqm.preset !== first.doc.metrics.mqm.preset || p.doc.metrics.mqm.threshold !== first.doc.metrics.mqm.threshold) {
      throw new InputError(`${where}: audited with other options than ${first.name}`);
    }
  });
  if (parts.length !== count) throw new InputError(`merge: document "${id}": ${parts.length} of ${count} shards given`);

  const segments = parts.flatMap((p) => p.doc.segments);
  const seen = new Map<string, number>();
  const findings = parts.flatMap((p) => p.doc.findings).map((f) => {
    // Shards number repeated fingerprints ("#2") among their own findings; the whole document numbers them in order.
    const base = f.id.replace(/#\d+$/, '');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...f, id: n === 1 ? base : `${base}#${n}` };
  });
  const totals = parts.map((p) => p.doc.shard!.totals).reduce(addCorpusTotals);
  // The audit scored with the target language's tokenizer (zh for Chinese): the merge must too.
  const corpus = corpusScoresFromTotals(totals, { targetLang: first.doc.language?.target });
  for (const [name, sig] of Object.entries(corpus.signatures)) {
    if (first.doc.metrics.signatures[name] !== sig) throw new InputError(`${first.name}: metric options other than the defaults (${name}: ${first.doc.metrics.signatures[name]}) cannot be merged`);
  }
  const m = first.doc.metrics;
  const { shard: _shard, ...rest } = first.doc;
  const effort = first.doc.effort
    ? withBands(
        parts.flatMap((p) => p.doc.effort?.segments ?? []),
        first.doc.effort.bands.map((b) => b.min),
      )
    : undefined;
  return {
    ...rest,
    segments,
    findings,
    metrics: {
      ...m,
      hter: corpus.hter,
      ter: corpus.ter,
      chrf: corpus.chrf,
      chrfpp: corpus.chrfpp,
      bleu: corpus.bleu,
      mqm: mqmScore(findings, m.mqm.words, segments.length, { preset: m.mqm.preset, threshold: m.mqm.threshold }),
      signatures: { ...m.signatures },
    },
    ...(effort ? { effort } : {}),
  };
}
