// All sentence metrics of a segment pair and the corpus metrics of a document, each statistic computed once
// (TER is the costly one) and the corpus scores taken from summed statistics, as sacrebleu does. Options are
// sacrebleu's (see ScoreOptions); with none, every metric uses sacrebleu's defaults.

import { reportTokenizer } from './bleu-tokenizers.js';
import { bleuSignature, bleuSentenceStats, computeBleu, sumBleuStats, type BleuOptions, type BleuStats } from './bleu.js';
import { CHRF_PP, chrfPairStats, chrfScoreFromStats, chrfSentenceStats, chrfSignature, sumStats, type ChrfOptions } from './chrf.js';
import type { DocumentMetrics, MqmScore } from '../model.js';
import { hterFromStats, sumTerStats, terScoreFromStats, terSentenceStats, terSignature, type TerOptions, type TerStats } from './ter.js';

/** Sentence scores of one (hypothesis = MT, reference = corrected) pair, sacrebleu sentence defaults, 0–100
 *  except hter (a fraction capped at 1). */
export interface PairScores {
  ter: number;
  terEdits: number;
  terRefLength: number;
  hter: number;
  chrf: number;
  chrfpp: number;
  bleu: number;
}

export interface CorpusScores {
  ter: number;
  terEdits: number;
  terRefLength: number;
  /** Corpus HTER: total edits / total reference words, capped at 1. */
  hter: number;
  chrf: number;
  chrfpp: number;
  /** Corpus BLEU (sacrebleu corpus_bleu defaults). */
  bleu: number;
  signatures: MetricSignatures;
}

/** A document's metrics as its report carries them: the corpus scores and the MQM-based score (the one place
 *  that lays them out, for the audit, the chunked audit and the shard merge alike). */
export function documentMetrics(corpus: CorpusScores, mqm: MqmScore): DocumentMetrics {
  return {
    hter: corpus.hter,
    ter: corpus.ter,
    chrf: corpus.chrf,
    chrfpp: corpus.chrfpp,
    bleu: corpus.bleu,
    mqm,
    signatures: { ...corpus.signatures },
  };
}

export interface MetricSignatures {
  ter: string;
  chrf: string;
  chrfpp: string;
  /** Corpus BLEU. */
  bleu: string;
  /** Sentence BLEU (effective order). */
  bleu_sentence: string;
}

/** sacrebleu options for the report's metrics. `targetLang` (BCP 47) picks BLEU's tokenizer when `bleu.tokenize`
 *  is not given: sacrebleu's default for the language (zh for Chinese, 13a otherwise; char for Japanese and Korean,
 *  whose default needs MeCab). Sentence BLEU always uses effective order and the corpus BLEU never does, as
 *  sacrebleu's CLI does. `chrf` applies to both chrF and chrF++ (chrF++ = the same with word order 2). */
export interface ScoreOptions {
  targetLang?: string;
  /** Compute only these metrics (default all four); the others' scores are NaN and their statistics zero. */
  only?: readonly ReportMetric[];
  bleu?: Omit<BleuOptions, 'effectiveOrder'>;
  chrf?: Omit<ChrfOptions, 'wordOrder'> & { wordOrder?: number };
  ter?: TerOptions;
}

/** The report's four metrics, by their JSON names. */
export type ReportMetric = 'ter' | 'chrf' | 'chrfpp' | 'bleu';
export const REPORT_METRICS: readonly ReportMetric[] = ['ter', 'chrf', 'chrfpp', 'bleu'];

interface Resolved {
  /** Which metrics to compute. */
  want: Record<ReportMetric, boolean>;
  bleu: Omit<BleuOptions, 'effectiveOrder'>;
  chrf: ChrfOptions;
  chrfpp: ChrfOptions;
  ter: TerOptions;
  /** chrF with sacrebleu's defaults: chrF and chrF++ share the character n-grams. */
  chrfDefault: boolean;
}

function resolve(o: ScoreOptions = {}): Resolved {
  const bleu = { ...o.bleu, tokenize: o.bleu?.tokenize ?? reportTokenizer(o.targetLang) };
  const chrf = { ...o.chrf };
  const chrfDefault = Object.values(chrf).every((v) => v === undefined);
  const want = Object.fromEntries(REPORT_METRICS.map((m) => [m, !o.only || o.only.includes(m)])) as Record<ReportMetric, boolean>;
  return { want, bleu, chrf, chrfpp: { ...chrf, ...CHRF_PP }, ter: { ...o.ter }, chrfDefault };
}

/** The signatures of the scores tqa reports. */
export function metricSignatures(opts: ScoreOptions = {}): MetricSignatures {
  const r = resolve(opts);
  return signaturesOf(r);
}

function signaturesOf(r: Resolved): MetricSignatures {
  return {
    ter: terSignature(r.ter),
    chrf: chrfSignature(r.chrf),
    chrfpp: chrfSignature(r.chrfpp),
    bleu: bleuSignature({ ...r.bleu, effectiveOrder: false }),
    bleu_sentence: bleuSignature({ ...r.bleu, effectiveOrder: true }),
  };
}

interface PairStats {
  ter: TerStats;
  chrf: number[];
  chrfpp: number[];
  bleu: BleuStats;
}

function pairStats(hyp: string, ref: string, r: Resolved): PairStats {
  const { want } = r;
  let chrf: number[];
  let chrfpp: number[];
  if (want.chrf && want.chrfpp && r.chrfDefault) ({ chrf, chrfpp } = chrfPairStats(hyp, ref));
  else {
    chrf = want.chrf ? chrfSentenceStats(hyp, ref, r.chrf) : zeroChrf(r.chrf);
    chrfpp = want.chrfpp ? chrfSentenceStats(hyp, ref, r.chrfpp) : zeroChrf(r.chrfpp);
  }
  return {
    ter: want.ter ? terSentenceStats(hyp, ref, r.ter) : { edits: 0, refLength: 0 },
    chrf,
    chrfpp,
    bleu: want.bleu ? bleuSentenceStats(hyp, ref, r.bleu) : zeroBleu(r),
  };
}

/** The statistics of a metric not computed (and of an empty corpus). */
const zeroChrf = (o: ChrfOptions): number[] => new Array<number>(3 * ((o.charOrder ?? 6) + (o.wordOrder ?? 0))).fill(0);
function zeroBleu(r: Resolved): BleuStats {
  const order = r.bleu.maxNgramOrder ?? 4;
  return { correct: new Array<number>(order).fill(0), total: new Array<number>(order).fill(0), sysLen: 0, refLen: 0 };
}

function pairScoresFrom(s: PairStats, r: Resolved): PairScores {
  const { want } = r;
  return {
    ter: want.ter ? terScoreFromStats(s.ter) : NaN,
    terEdits: want.ter ? s.ter.edits : NaN,
    terRefLength: want.ter ? s.ter.refLength : NaN,
    hter: want.ter ? hterFromStats(s.ter) : NaN,
    chrf: want.chrf ? chrfScoreFromStats(s.chrf, r.chrf) : NaN,
    chrfpp: want.chrfpp ? chrfScoreFromStats(s.chrfpp, r.chrfpp) : NaN,
    bleu: want.bleu ? computeBleu(s.bleu, { ...r.bleu, effectiveOrder: true }).score : NaN,
  };
}

/** Every sentence metric for one segment pair. */
export function scorePair(hyp: string, ref: string, opts: ScoreOptions = {}): PairScores {
  const r = resolve(opts);
  return pairScoresFrom(pairStats(hyp, ref, r), r);
}

/** Sentence scores for every pair and the corpus scores over all of them. */
export function scorePairs(hyps: readonly string[], refs: readonly string[], opts: ScoreOptions = {}): { pairs: PairScores[]; corpus: CorpusScores } {
  if (hyps.length !== refs.length) throw new Error(`scorePairs: ${hyps.length} hypotheses but ${refs.length} references`);
  const acc = new CorpusAccumulator(opts);
  const pairs = hyps.map((h, i) => acc.add(h, refs[i]!));
  return { pairs, corpus: acc.result() };
}

/** Adds pairs one at a time (e.g. while reading a stream) and gives the corpus scores at the end. */
export class CorpusAccumulator {
  private readonly all: PairStats[] = [];
  private readonly r: Resolved;

  constructor(opts: ScoreOptions = {}) {
    this.r = resolve(opts);
  }

  /** Scores one pair, remembers its statistics, and returns its sentence scores. */
  add(hyp: string, ref: string): PairScores {
    const s = pairStats(hyp, ref, this.r);
    this.all.push(s);
    return pairScoresFrom(s, this.r);
  }

  /** The summed sufficient statistics of every pair added. All integers, so any grouping of the pairs (shards
   *  of a corpus, added with addCorpusTotals) sums to the same totals, and corpusScoresFromTotals gives the same
   *  corpus scores bit for bit. */
  totals(): CorpusTotals {
    const { r } = this;
    return {
      pairs: this.all.length,
      ter: sumTerStats(this.all.map((s) => s.ter)),
      chrf: this.all.length ? sumStats(this.all.map((s) => s.chrf)) : zeroChrf(r.chrf),
      chrfpp: this.all.length ? sumStats(this.all.map((s) => s.chrfpp)) : zeroChrf(r.chrfpp),
      bleu: this.all.length ? sumBleuStats(this.all.map((s) => s.bleu)) : zeroBleu(r),
    };
  }

  result(): CorpusScores {
    return scoresFromTotals(this.totals(), this.r);
  }
}

/** A corpus's summed statistics: what corpus TER, chrF, chrF++ and BLEU are computed from. */
export interface CorpusTotals {
  pairs: number;
  ter: TerStats;
  chrf: number[];
  chrfpp: number[];
  bleu: BleuStats;
}

/** The totals of two parts of a corpus. */
export function addCorpusTotals(a: CorpusTotals, b: CorpusTotals): CorpusTotals {
  return {
    pairs: a.pairs + b.pairs,
    ter: sumTerStats([a.ter, b.ter]),
    chrf: sumStats([a.chrf, b.chrf]),
    chrfpp: sumStats([a.chrfpp, b.chrfpp]),
    bleu: sumBleuStats([a.bleu, b.bleu]),
  };
}

/** The corpus scores of summed statistics (what CorpusAccumulator.result computes from its own). */
export function corpusScoresFromTotals(totals: CorpusTotals, opts: ScoreOptions = {}): CorpusScores {
  return scoresFromTotals(totals, resolve(opts));
}

function scoresFromTotals(t: CorpusTotals, r: Resolved): CorpusScores {
  const { want } = r;
  return {
    ter: want.ter ? terScoreFromStats(t.ter) : NaN,
    terEdits: want.ter ? t.ter.edits : NaN,
    terRefLength: want.ter ? t.ter.refLength : NaN,
    hter: want.ter ? hterFromStats(t.ter) : NaN,
    chrf: want.chrf ? chrfScoreFromStats(t.chrf, r.chrf) : NaN,
    chrfpp: want.chrfpp ? chrfScoreFromStats(t.chrfpp, r.chrfpp) : NaN,
    bleu: want.bleu ? computeBleu(t.bleu, { ...r.bleu, effectiveOrder: false }).score : NaN,
    signatures: signaturesOf(r),
  };
}
