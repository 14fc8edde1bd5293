import type { Finding, MqmScore, Severity } from '../model.js';

// MQM-based score of a set of findings (design.md): MQM Core multipliers, penalty per evaluated MT word.
// TODO(switch): src/metrics/mqm.ts once it lands, so that the audit and the gate cannot disagree.
const MULTIPLIER: Record<Severity, number> = { neutral: 0, minor: 1, major: 5, critical: 25 };

export function countWords(text: string): number {
  return text.split(/\s+/u).filter((w) => w !== '').length;
}

export function scoreFindings(
  findings: Finding[],
  words: number,
  _segments: number,
  opts: { preset?: 'mqm-core' | 'wmt-google'; threshold?: number } = {},
): MqmScore {
  const kept = findings.filter((f) => f.decision?.status !== 'rejected');
  const penalty = kept.reduce((s, f) => s + MULTIPLIER[f.decision?.severity ?? f.severity], 0);
  const pwpt = words === 0 ? 0 : penalty / words;
  const threshold = opts.threshold ?? 95;
  const score = 100 * (1 - pwpt);
  const critical = kept.some((f) => (f.decision?.severity ?? f.severity) === 'critical');
  return { preset: 'mqm-core', penalty, words, perThousand: pwpt * 1000, score, threshold, pass: score >= threshold && !critical };
}
