import type { DocumentReport, Finding, Report } from '../model.js';
import type { ResolvedSettings } from './config.js';
import { countWords, mqmScore } from '../metrics/index.js';
import { effectiveCategory, effectiveSeverity, isReferenceFree, isRejected, severityRank } from '../report/effective.js';
import { lineSegments } from './text.js';

export interface DocumentVerdict {
  document: string;
  path: string;
  pass: boolean;
  reasons: string[];
  /** Findings the gate judged (not ignored, not in the baseline). */
  judged: number;
  /** In the baseline: accepted earlier, not judged, not shown. */
  known: number;
  /** Dropped by ignoreCategories / ignoreRules / allow / a reviewer's rejection. */
  ignored: number;
  referenceFree: boolean;
}

export interface GateResult {
  pass: boolean;
  documents: DocumentVerdict[];
  /** The report as the gate sees it: ignored and baselined findings removed, the MQM-based score recomputed. */
  report: Report;
  /** One line per failure reason (or one line for a pass), for formatReport's `gate` option and the text output. */
  lines: string[];
}

/** Evaluates the CI gate: per document, its settings' thresholds on the findings that are neither ignored nor in
 *  the baseline (the baseline makes the gate fail only on new findings). Pure. */
export function evaluateGate(
  report: Report,
  settingsOf: (doc: DocumentReport) => ResolvedSettings,
  baseline?: Map<string, Set<string>>,
): GateResult {
  const verdicts: DocumentVerdict[] = [];
  const documents = report.documents.map((doc) => {
    const s = settingsOf(doc);
    const known = baseline?.get(doc.id) ?? new Set<string>();
    const allow = new Set(s.allow);
    let ignored = 0;
    let knownCount = 0;
    const judged: Finding[] = [];
    for (const f of doc.findings) {
      if (isRejected(f) || s.ignoreCategories.has(effectiveCategory(f)) || s.ignoreRules.has(f.rule) || allow.has(f.mt.text)) ignored++;
      else if (known.has(f.id)) knownCount++;
      else judged.push(f);
    }
    // The audit's own scorer on the judged findings: the gate and the audit cannot disagree about a score.
    const mqm = mqmScore(judged, doc.metrics.mqm.words || countWords(doc.mt.text), doc.segments.length || lineSegments(doc.mt.text), {
      preset: s.mqm?.preset ?? doc.metrics.mqm.preset,
      threshold: s.mqm?.threshold ?? (s.mqm?.preset && s.mqm.preset !== doc.metrics.mqm.preset ? undefined : doc.metrics.mqm.threshold),
    });
    const reasons: string[] = [];
    const where = doc.mt.path || doc.id;
    if (s.failOn !== 'none') {
      const failOn = severityRank(s.failOn);
      const bad = judged.filter((f) => severityRank(effectiveSeverity(f)) >= failOn);
      if (bad.length) {
        const first = bad[0]!;
        // The next few by their text, so that a reader sees what failed without opening the report.
        const more = bad.slice(1, 4).map((f) => `${f.mt.line}:${f.mt.col} "${f.mt.text.length > 30 ? `${f.mt.text.slice(0, 30)}…` : f.mt.text}" ${f.rule}`);
        reasons.push(
          `${where}: ${bad.length} ${baseline ? 'new ' : ''}finding${bad.length === 1 ? '' : 's'} at or above ${s.failOn} ` +
            `(first: ${first.mt.line}:${first.mt.col} ${first.rule}: ${first.message}${more.length ? `; then ${more.join(', ')}${bad.length > 4 ? ', …' : ''}` : ''})`,
        );
      }
    }
    if (s.minScore !== undefined && mqm.score < s.minScore) {
      reasons.push(`${where}: MQM-based score ${mqm.score.toFixed(2)} < min ${s.minScore}`);
    }
    if (s.mqmPass && !mqm.pass) {
      const cmp = mqm.preset === 'mqm-core' ? `< threshold ${mqm.threshold}` : `> threshold ${mqm.threshold} (lower is better)`;
      reasons.push(`${where}: MQM-based score (${mqm.preset}) ${mqm.score.toFixed(2)} ${cmp}${mqm.preset === 'mqm-core' && mqm.score >= mqm.threshold ? ' or a critical error' : ''}`);
    }
    // A reference-free document's HTER is a meaningless zero (its signatures say so): maxHter does not apply.
    const referenceFree = isReferenceFree(doc);
    if (s.maxHter !== undefined && !referenceFree && doc.metrics.hter > s.maxHter) {
      reasons.push(`${where}: HTER ${doc.metrics.hter.toFixed(3)} > max ${s.maxHter}`);
    }
    verdicts.push({
      document: doc.id,
      path: doc.mt.path,
      pass: reasons.length === 0,
      reasons,
      judged: judged.length,
      known: knownCount,
      ignored,
      referenceFree,
    });
    return { ...doc, findings: judged, metrics: { ...doc.metrics, mqm } };
  });
  const pass = verdicts.every((v) => v.pass);
  const failed = verdicts.flatMap((v) => v.reasons);
  const judgedTotal = verdicts.reduce((n, v) => n + v.judged, 0);
  const knownTotal = verdicts.reduce((n, v) => n + v.known, 0);
  const lines = pass
    ? [
        `gate passed: ${verdicts.length} document${verdicts.length === 1 ? '' : 's'}, ${judgedTotal} finding${judgedTotal === 1 ? '' : 's'}` +
          (baseline ? ` not in the baseline (${knownTotal} known)` : ''),
      ]
    : failed;
  return { pass, documents: verdicts, report: { ...report, documents }, lines };
}
