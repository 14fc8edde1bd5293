/** The outcome of `tqa check`'s gate, for formats that can show it (all but csv, mqm-tsv and m2, whose
 *  readers expect findings only). `lines` are one-line reasons, e.g. "HTER 0.31 > max 0.25". */
export interface GateSummary {
  pass: boolean;
  lines: string[];
}

export interface FormatOptions {
  /** Adds the gate's verdict: json gets a top-level `gate`, md/html a "Gate" section, junit a `gate` testsuite,
   *  sarif `invocations[0].properties.gate` (and executionSuccessful stays true: the tool ran), github a final
   *  ::error/::notice line. */
  gate?: GateSummary;
  /** github only: most annotations to print (default 50, GitHub's per-job display limit); the rest are counted
   *  in the summary line. Worst severities are printed first. */
  maxAnnotations?: number;
  /** Lower bounds of the post-editing effort bands (default 100, 95, 85, 75, 50; see src/metrics/effort.ts). */
  effortBands?: number[];
}
