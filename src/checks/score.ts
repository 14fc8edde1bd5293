/** Segments of a text checked without a correction: its non-empty lines (the wmt-google preset's mean is per
 *  segment). The gate and the checks score with the metrics' mqmScore, so the audit and the gate cannot disagree. */
export function lineSegments(text: string): number {
  return text.split('\n').filter((l) => l.trim() !== '').length;
}
