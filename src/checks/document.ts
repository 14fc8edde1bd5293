import type { DocumentReport, Finding, Glossary, TextFile } from '../model.js';
import { runChecks } from './index.js';
import { applyLearnedRules, type LearnedRule } from './learned.js';
import { countWords, mqmScore } from '../metrics/index.js';
import { lineSegments } from './text.js';
import { documentLanguage, packFor, resolveLanguage } from '../lang/index.js';

export interface CheckInput {
  id: string;
  mt: TextFile;
  source?: TextFile;
  glossary?: Glossary;
  /** The audit of this MT against its correction, when one was given: its findings come first and the checks
   *  only add what the audit did not already flag at the same place. */
  audit?: DocumentReport;
  /** Languages the localization file names (XLIFF target-language, PO Language:, TMX xml:lang). */
  targetLang?: string;
  sourceLang?: string;
}

export interface CheckDocOptions {
  allow?: string[];
  tokenized?: boolean;
  disable?: string[];
  rules?: LearnedRule[];
  mqm?: { preset?: 'mqm-core' | 'wmt-google'; threshold?: number };
  /** --target-lang / --source-lang. */
  targetLang?: string;
  sourceLang?: string;
}

/** The signature that marks a reference-free document's metrics as not measured. */
export const REFERENCE_FREE_SIGNATURE = 'none: reference-free checks on the MT alone (no correction given)';

/** A DocumentReport for `tqa check`: the reference-free checks and learned rules on the MT, merged into the
 *  audit when there is a correction. Pure. */
export function checkDocument(input: CheckInput, opts: CheckDocOptions = {}): DocumentReport {
  const mt = input.mt.text;
  const segs = input.audit?.segments;
  const segmentOf = segs?.length
    ? (offset: number) => (segs.find((s) => offset >= s.mt.start && offset < s.mt.end) ?? segs[segs.length - 1]!).id
    : undefined;
  // The audit decided the language already when there is one; else option, file metadata, detection, English.
  const language =
    input.audit?.language ??
    documentLanguage(
      resolveLanguage({ option: opts.targetLang, file: input.targetLang, text: mt, fallback: 'en' }),
      opts.sourceLang || input.sourceLang || input.source ? sourceLanguage(input, opts) : undefined,
    );
  const checks = runChecks(mt, {
    pack: packFor(language.target),
    ...(language.source ? { sourcePack: packFor(language.source) } : {}),
    source: input.source?.text,
    glossary: input.glossary,
    allow: opts.allow,
    tokenized: opts.tokenized,
    disable: opts.disable,
    segmentOf,
  });
  const learned = opts.rules?.length ? applyLearnedRules(mt, opts.rules, { allow: opts.allow, segmentOf }) : [];
  // A learned rule and a check at the same place: the learned rule is more specific (it names the correction).
  const fromChecks = checks.filter((c) => !learned.some((l) => overlaps(l, c)));
  let findings = [...learned, ...fromChecks].sort((a, b) => a.mt.start - b.mt.start || a.mt.end - b.mt.end);

  if (input.audit) {
    const audited = input.audit.findings.map((f) => ({ ...f, origin: f.origin ?? ('audit' as const) }));
    const extra = findings.filter((c) => !audited.some((a) => overlaps(a, c)));
    findings = [...audited, ...extra].sort((a, b) => a.mt.start - b.mt.start || a.mt.end - b.mt.end);
    const mqm = mqmScore(findings, input.audit.metrics.mqm.words, input.audit.segments.length, {
      preset: opts.mqm?.preset ?? input.audit.metrics.mqm.preset,
      threshold: opts.mqm?.threshold ?? input.audit.metrics.mqm.threshold,
    });
    return { ...input.audit, language, findings, metrics: { ...input.audit.metrics, mqm } };
  }

  const words = countWords(mt);
  return {
    id: input.id,
    mt: { path: input.mt.path, text: mt },
    corrected: { path: '', text: '' },
    ...(input.source ? { source: { path: input.source.path, text: input.source.text } } : {}),
    language,
    segments: [],
    findings,
    metrics: {
      hter: 0,
      ter: 0,
      chrf: 0,
      chrfpp: 0,
      bleu: 0,
      mqm: mqmScore(findings, words, lineSegments(mt), opts.mqm),
      signatures: { reference: REFERENCE_FREE_SIGNATURE },
    },
  };
}

/** Two findings touch the same MT text (an empty range counts at its position). */
function overlaps(a: Finding, b: Finding): boolean {
  if (a.mt.start === a.mt.end || b.mt.start === b.mt.end) return a.mt.start <= b.mt.end && b.mt.start <= a.mt.end;
  return a.mt.start < b.mt.end && b.mt.start < a.mt.end;
}

/** The source's language when one can be named (an unidentified source is left unnamed, not assumed English). */
function sourceLanguage(input: CheckInput, opts: CheckDocOptions) {
  const r = resolveLanguage({ option: opts.sourceLang, file: input.sourceLang, text: input.source?.text });
  return r.source === 'default' ? undefined : r;
}
