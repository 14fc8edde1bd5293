// Public API of src/metrics: pure functions, no I/O. Numbers match sacrebleu 2.6.0 (TER, chrF, chrF++ bit for
// bit; BLEU to ~1e-14) and the MLQE-PE / WMT QE word tags.

// One pair / one document, all metrics at once (what the audit pipeline needs).
export { scorePair, scorePairs, CorpusAccumulator, metricSignatures, addCorpusTotals, corpusScoresFromTotals, documentMetrics } from './scores.js';
export type { PairScores, CorpusScores, CorpusTotals, MetricSignatures, ScoreOptions, ReportMetric } from './scores.js';
export { REPORT_METRICS } from './scores.js';

// TER / HTER (sacrebleu defaults: case-insensitive, shifts) and the alignment behind it.
export {
  terSentence,
  terSentenceStats,
  terCorpus,
  terScoreFromStats,
  sumTerStats,
  hterFromStats,
  terAlignment,
  terAlignTokens,
  terTokens,
  terSignature,
} from './ter.js';
export type { TerOptions, TerStats, TerScore, TerAlignment, TerOpLetter } from './ter.js';

// chrF (wordOrder 0) and chrF++ (CHRF_PP = { wordOrder: 2 }).
export { chrfSentence, chrfSentenceStats, chrfCorpus, chrfScoreFromStats, chrfSignature, chrfWords, CHRF_PP, sumStats } from './chrf.js';
export type { ChrfOptions } from './chrf.js';

// BLEU (13a by default): sentence = effective order, corpus = not.
export { bleuSentence, bleuSentenceStats, bleuCorpus, computeBleu, sumBleuStats, bleuSignature, bleuTokens, SMOOTH_DEFAULTS } from './bleu.js';
export type { BleuOptions, BleuStats, BleuScore, BleuSmoothing } from './bleu.js';
export { tokenize13a } from './tokenizer-13a.js';
// sacrebleu's tokenizers by name, and its default for a target language (zh → zh).
export { BLEU_TOKENIZERS, BLEU_TOKENIZER_NAMES, checkBleuTokenizer, defaultTokenizer, reportTokenizer } from './bleu-tokenizers.js';
export type { BleuTokenizerName } from './bleu-tokenizers.js';
// sacrebleu keyword arguments (Python names) → options, checked.
export { bleuOptionsFromPy, chrfOptionsFromPy, terOptionsFromPy, METRIC_NAMES } from './py-options.js';
export type { MetricName } from './py-options.js';

// WMT word-level QE tags and MLQE-PE HTER.
export { qeTags, hter } from './qe-tags.js';
export type { QeTag, QeTags } from './qe-tags.js';
export { tercomAlign } from './tercom-align.js';
export type { TercomAlignment, TercomOp } from './tercom-align.js';

// MQM-based scoring.
export { mqmScore, MqmSum, countWords, findingPenalty, effectiveClassification, MQM_CORE_MULTIPLIERS, DEFAULT_THRESHOLDS } from './mqm.js';
export type { MqmOptions, MqmPreset } from './mqm.js';

export { SACREBLEU_VERSION } from './signature.js';
