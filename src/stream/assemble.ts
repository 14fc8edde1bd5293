// Chunk results (src/stream/chunk-audit.ts), taken in order, into what the whole document reports. What is
// document-level in a DocumentReport and how it comes out the same as auditDocument's:
//   - segments, findings: concatenated (the chunks located them in the whole document already);
//   - finding ids: a fingerprint, "#2", "#3"... for its later repeats over the whole document: renumbered here in
//     order, as assignIds numbers them (the same renumbering as src/shard.ts);
//   - corpus TER/chrF/chrF++/BLEU: from the summed sufficient statistics (integers: any grouping sums the same);
//   - MQM words: summed per chunk (words never span a line break); the MQM-based score from all findings;
//   - effort bands: from every segment's effort, grouped at the end;
//   - the language and the pre-tokenised decision: made once before the chunks (src/stream/decide.ts).
import { addCorpusTotals, corpusScoresFromTotals, documentMetrics, mqmScore, MqmSum, type CorpusTotals, type MqmOptions } from '../metrics/index.js';
import { withBands, type SegmentEffort } from '../metrics/effort.js';
import type { CorrectedKind, DocumentLanguage, DocumentReport, Finding, Segment } from '../model.js';
import type { ChunkResult } from './chunk-audit.js';

/** Renumbers the "#n" suffixes of repeated finding ids over everything it has seen, in order. */
export class IdNumbering {
  private readonly seen = new Map<string, number>();
  rename(findings: Finding[]): Finding[] {
    return findings.map((f) => {
      const base = f.id.replace(/#\d+$/, '');
      const n = (this.seen.get(base) ?? 0) + 1;
      this.seen.set(base, n);
      const id = n === 1 ? base : `${base}#${n}`;
      return id === f.id ? f : { ...f, id };
    });
  }
}

/** The document-level sums of chunks taken in order (what a streamed output says at its end). */
export class ChunkSums {
  readonly ids = new IdNumbering();
  totals: CorpusTotals | undefined;
  words = 0;
  segments = 0;
  findings = 0;
  /** Findings per category, in the order categories first occur. */
  readonly byCategory = new Map<string, number>();
  private readonly mqm: MqmSum;

  constructor(mqm: MqmOptions = {}) {
    this.mqm = new MqmSum(mqm);
  }

  /** Takes the next chunk's result; returns its findings with their document-wide ids. */
  add(r: ChunkResult): Finding[] {
    this.totals = this.totals ? addCorpusTotals(this.totals, r.totals) : r.totals;
    this.words += r.words;
    this.segments += r.segments.length;
    this.findings += r.findings.length;
    for (const f of r.findings) {
      this.mqm.add(f);
      this.byCategory.set(f.category, (this.byCategory.get(f.category) ?? 0) + 1);
    }
    return this.ids.rename(r.findings);
  }

  corpus(targetLang: string) {
    return corpusScoresFromTotals(this.totals!, { targetLang });
  }

  /** The document's metrics, as auditDocument reports them. */
  metrics(targetLang: string): DocumentReport['metrics'] {
    const corpus = this.corpus(targetLang);
    return documentMetrics(corpus, this.mqm.score(this.words, this.segments));
  }
}

export interface DocumentMeta {
  id: string;
  mt: { path: string; text: string };
  corrected: { path: string; text: string };
  correctedKind?: CorrectedKind;
  source?: { path: string; text: string };
  language: DocumentLanguage;
  mqm?: MqmOptions;
}

/** The whole DocumentReport from every chunk's result, in order: the one auditDocument gives (same keys in the same
 *  order, so its JSON is the same bytes). */
export function assembleDocument(meta: DocumentMeta, results: Iterable<ChunkResult>): DocumentReport {
  const sums = new ChunkSums();
  const segments: Segment[] = [];
  const findings: Finding[] = [];
  const effort: SegmentEffort[] = [];
  let withEffort = false;
  for (const r of results) {
    for (const f of sums.add(r)) findings.push(f);
    for (const s of r.segments) segments.push(s);
    if (r.effort) {
      withEffort = true;
      for (const e of r.effort) effort.push(e);
    }
  }
  const corpus = sums.corpus(meta.language.target);
  return {
    id: meta.id,
    mt: meta.mt,
    corrected: meta.corrected,
    ...(meta.correctedKind ? { correctedKind: meta.correctedKind } : {}),
    ...(meta.source ? { source: meta.source } : {}),
    language: meta.language,
    segments,
    findings,
    metrics: documentMetrics(corpus, mqmScore(findings, sums.words, segments.length, meta.mqm)),
    ...(withEffort ? { effort: withBands(effort) } : {}),
  };
}
