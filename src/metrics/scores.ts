// All sentence metrics of a segment pair and the corpus metrics of a document, each statistic computed once
// (TER is the costly one) and the corpus scores taken from summed statistics, as sacrebleu does.

import { bleuSignature, bleuSentenceStats, computeBleu, sumBleuStats, type BleuStats } from './bleu.js';
import { CHRF_PP, chrfPairStats, chrfScoreFromStats, chrfSignature, sumStats } from './chrf.js';
import { hterFromStats, sumTerStats, terScoreFromStats, terSentenceStats, terSignature, type TerStats } from './ter.js';

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

export interface MetricSignatures {
  ter: string;
  chrf: string;
  chrfpp: string;
  /** Corpus BLEU. */
  bleu: string;
  /** Sentence BLEU (effective order). */
  bleu_sentence: string;
}

/** The signatures of the scores tqa reports (sacrebleu defaults). */
export function metricSignatures(): MetricSignatures {
  return {
    ter: terSignature(),
    chrf: chrfSignature(),
    chrfpp: chrfSignature(CHRF_PP),
    bleu: bleuSignature(),
    bleu_sentence: bleuSignature({ sentence: true }),
  };
}

interface PairStats {
  ter: TerStats;
  chrf: number[];
  chrfpp: number[];
  bleu: BleuStats;
}

function pairStats(hyp: string, ref: string): PairStats {
  const { chrf, chrfpp } = chrfPairStats(hyp, ref);
  return { ter: terSentenceStats(hyp, ref), chrf, chrfpp, bleu: bleuSentenceStats(hyp, ref) };
}

function pairScoresFrom(s: PairStats): PairScores {
  return {
    ter: terScoreFromStats(s.ter),
    terEdits: s.ter.edits,
    terRefLength: s.ter.refLength,
    hter: hterFromStats(s.ter),
    chrf: chrfScoreFromStats(s.chrf),
    chrfpp: chrfScoreFromStats(s.chrfpp, CHRF_PP),
    bleu: computeBleu(s.bleu, { effectiveOrder: true }).score,
  };
}

/** Every sentence metric for one segment pair. */
export function scorePair(hyp: string, ref: string): PairScores {
  return pairScoresFrom(pairStats(hyp, ref));
}

/** Sentence scores for every pair and the corpus scores over all of them. */
export function scorePairs(hyps: readonly string[], refs: readonly string[]): { pairs: PairScores[]; corpus: CorpusScores } {
  if (hyps.length !== refs.length) throw new Error(`scorePairs: ${hyps.length} hypotheses but ${refs.length} references`);
  const stats = hyps.map((h, i) => pairStats(h, refs[i]!));
  const acc = new CorpusAccumulator();
  for (const s of stats) acc.addStats(s);
  return { pairs: stats.map(pairScoresFrom), corpus: acc.result() };
}

/** Adds pairs one at a time (e.g. while reading a stream) and gives the corpus scores at the end. */
export class CorpusAccumulator {
  private readonly all: PairStats[] = [];

  /** Scores one pair, remembers its statistics, and returns its sentence scores. */
  add(hyp: string, ref: string): PairScores {
    const s = pairStats(hyp, ref);
    this.all.push(s);
    return pairScoresFrom(s);
  }

  addStats(s: PairStats): void {
    this.all.push(s);
  }

  result(): CorpusScores {
    const ter = sumTerStats(this.all.map((s) => s.ter));
    const chrf = this.all.length ? sumStats(this.all.map((s) => s.chrf)) : new Array<number>(18).fill(0);
    const chrfpp = this.all.length ? sumStats(this.all.map((s) => s.chrfpp)) : new Array<number>(24).fill(0);
    return {
      ter: terScoreFromStats(ter),
      terEdits: ter.edits,
      terRefLength: ter.refLength,
      hter: hterFromStats(ter),
      chrf: chrfScoreFromStats(chrf),
      chrfpp: chrfScoreFromStats(chrfpp, CHRF_PP),
      bleu: computeBleu(sumBleuStats(this.all.map((s) => s.bleu))).score,
      signatures: metricSignatures(),
    };
  }
}
