// MQM-based scoring of findings (call it "MQM-based", not "MQM"). Two presets:
//  - 'mqm-core': severity multipliers neutral 0, minor 1, major 5, critical 25 (× an optional category weight);
//    APT = Σ penalties; PWPT = APT / evaluated MT words; per-1000 = PWPT × 1000; score = 100 × (1 − PWPT);
//    pass = score ≥ threshold (default 95) and no critical error.
//  - 'wmt-google' (Freitag et al. 2021, as used at WMT): major 5, minor 1, minor fluency/punctuation 0.1;
//    untranslated words weigh by their severity like any error (accuracy/untranslated is not Google's
//    "Non-translation!": that 25 marks a whole segment that is not a translation, so 25 is what a segment weighs
//    at most, and a critical finding — Google has no such level — weighs it);
//    score = mean penalty per segment, LOWER is better;
//    pass = score ≤ threshold (default 1: on ~20-word segments about the same bar as 95 in mqm-core).
// A reviewer's decision counts: 'rejected' findings drop out, and a decision's category/severity replace the
// finding's own.

import { effectiveCategory, effectiveSeverity, isRejected } from '../decisions.js';
import type { Category, Finding, MqmScore, Severity } from '../model.js';
import { pySplit } from './whitespace.js';

export type MqmPreset = MqmScore['preset'];

export interface MqmOptions {
  preset?: MqmPreset;
  /** Pass threshold: minimum score for 'mqm-core' (default 95), maximum for 'wmt-google' (default 1). */
  threshold?: number;
  /** Category weights, by full category ('fluency/spelling') or by dimension ('fluency'); default 1. */
  weights?: Partial<Record<Category | string, number>>;
}

export const MQM_CORE_MULTIPLIERS: Readonly<Record<Severity, number>> = { neutral: 0, minor: 1, major: 5, critical: 25 };
/** Google's weight for a segment that is not a translation at all: the most one segment can weigh. */
export const NON_TRANSLATION = 25;

export const DEFAULT_THRESHOLDS: Readonly<Record<MqmPreset, number>> = { 'mqm-core': 95, 'wmt-google': 1 };

/** Words as the metrics count them: whitespace-separated tokens (Python's whitespace set). */
export function countWords(text: string): number {
  return pySplit(text).length;
}

/** The category and severity that count for a finding, or undefined if a reviewer rejected it. */
export function effectiveClassification(f: Finding): { category: Category; severity: Severity } | undefined {
  if (isRejected(f)) return undefined;
  return { category: effectiveCategory(f), severity: effectiveSeverity(f) };
}

function weightOf(category: Category, weights: MqmOptions['weights']): number {
  if (!weights) return 1;
  return weights[category] ?? weights[category.split('/')[0]!] ?? 1;
}

/** The penalty one finding adds under a preset (0 for a rejected finding). */
export function findingPenalty(f: Finding, opts: MqmOptions = {}): number {
  const c = effectiveClassification(f);
  if (!c) return 0;
  const preset = opts.preset ?? 'mqm-core';
  return severityPenalty(c.category, c.severity, preset) * weightOf(c.category, opts.weights);
}

function severityPenalty(category: Category, severity: Severity, preset: MqmPreset): number {
  if (preset === 'mqm-core') return MQM_CORE_MULTIPLIERS[severity];
  // wmt-google: no 'critical' level there; its heaviest weight (25, a non-translated segment) stands in for it.
  if (severity === 'neutral') return 0;
  if (severity === 'critical') return NON_TRANSLATION;
  if (severity === 'major') return 5;
  return category === 'fluency/punctuation' ? 0.1 : 1;
}

/**
 * Scores a document's findings. `mtWords` is the number of evaluated MT words (see countWords) and `segments`
 * the number of segments (used by 'wmt-google'). An empty MT counts as 1 word and 1 segment, so that any
 * penalty fails it rather than dividing by zero.
 */
export function mqmScore(findings: readonly Finding[], mtWords: number, segments: number, opts: MqmOptions = {}): MqmScore {
  const sum = new MqmSum(opts);
  for (const f of findings) sum.add(f);
  return sum.score(mtWords, segments);
}

/** mqmScore one finding at a time, for findings that are not all held at once (a streamed audit, src/stream):
 *  the same additions in the same order, so the same score bit for bit. */
export class MqmSum {
  private penalty = 0;
  private critical = false;
  private readonly perSegment = new Map<number, number>();
  constructor(private readonly opts: MqmOptions = {}) {}

  add(f: Finding): void {
    const preset = this.opts.preset ?? 'mqm-core';
    const c = effectiveClassification(f);
    if (!c) return;
    if (c.severity === 'critical') this.critical = true;
    const p = severityPenalty(c.category, c.severity, preset) * weightOf(c.category, this.opts.weights);
    if (preset === 'mqm-core') this.penalty += p;
    else this.perSegment.set(f.segment, (this.perSegment.get(f.segment) ?? 0) + p);
  }

  score(mtWords: number, segments: number): MqmScore {
    const preset = this.opts.preset ?? 'mqm-core';
    const threshold = this.opts.threshold ?? DEFAULT_THRESHOLDS[preset];
    let penalty = this.penalty;
    // wmt-google: a segment weighs at most a non-translation.
    for (const p of this.perSegment.values()) penalty += Math.min(NON_TRANSLATION, p);
    const words = Math.max(0, mtWords);
    const perWord = penalty / Math.max(1, words);
    const perThousand = perWord * 1000;
    if (preset === 'mqm-core') {
      const score = 100 * (1 - perWord);
      return { preset, penalty, words, perThousand, score, threshold, pass: score >= threshold && !this.critical };
    }
    const score = penalty / Math.max(1, segments);
    return { preset, penalty, words, perThousand, score, threshold, pass: score <= threshold };
  }
}
