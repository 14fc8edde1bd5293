import type { Finding, MqmScore } from '../model.js';
import { countWords, mqmScore } from '../metrics/mqm.js';

// The gate scores with the metrics' MQM-based scorer, so that the audit and the gate cannot disagree.
export { countWords };

export function scoreFindings(
  findings: Finding[],
  words: number,
  segments: number,
  opts: { preset?: 'mqm-core' | 'wmt-google'; threshold?: number } = {},
): MqmScore {
  return mqmScore(findings, words, segments, opts);
}

/** Segments of a text checked without a correction: its non-empty lines (for the wmt-google preset's mean). */
export function lineSegments(text: string): number {
  return text.split('\n').filter((l) => l.trim() !== '').length;
}
