import type { Category, DocumentReport, Finding, Severity } from '../model.js';
import { effectiveCategory, effectiveSeverity, isRejected } from '../report/effective.js';
import { countOccurrences, ruleId, type LearnedRule, type RulesFile } from './learned.js';

export interface LearnOptions {
  /** Keep a rule seen at least this many times (default 2). */
  minSupport?: number;
  /** Keep a rule the post-editors applied at least this often when they met the pattern (default 0.5). */
  minApplied?: number;
  /** Longest pattern, in tokens (default 6): longer corrections are rewrites, not rules. */
  maxTokens?: number;
  /** Whether reviewer decisions were applied to the documents (recorded in the file). */
  decisions?: boolean;
}

/** Learns substitution rules from audited documents: every replace/delete finding that a reviewer did not reject
 *  is a candidate `mt.text → corrected.text`; a rule needs enough support and a high enough rate of application
 *  (post-editors corrected the pattern in most of the places they met it). Pure. */
export function learnRules(docs: DocumentReport[], opts: LearnOptions = {}): RulesFile {
  const minSupport = opts.minSupport ?? 2;
  const minApplied = opts.minApplied ?? 0.5;
  const maxTokens = opts.maxTokens ?? 6;
  const norm = (s: string) => s.trim().replace(/\s+/gu, ' ');
  type Candidate = { match: string; replacement: string; findings: Finding[]; docs: Set<string> };
  const phrases = new Map<string, Candidate>();
  const singles = new Map<string, Candidate>();
  const add = (map: Map<string, Candidate>, match: string, replacement: string, fs: Finding[], doc: string) => {
    if (match === '' || match === replacement || !/[\p{L}\p{N}]/u.test(match)) return;
    if (match.split(' ').length > maxTokens || replacement.split(' ').length > maxTokens) return;
    const key = `${match}\u0000${replacement}`;
    const c = map.get(key) ?? { match, replacement, findings: [], docs: new Set<string>() };
    c.findings.push(...fs);
    c.docs.add(doc);
    map.set(key, c);
  };
  const phraseRuns = new Map<string, Finding[][]>();
  let used = 0;
  for (const doc of docs) {
    const kept = doc.findings.filter((f) => !isRejected(f) && f.operation !== 'move');
    used += kept.filter((f) => f.operation !== 'insert').length;
    for (const f of kept) {
      if (f.operation === 'replace' || f.operation === 'delete') add(singles, norm(f.mt.text), norm(f.corrected.text), [f], doc.id);
    }
    // Neighbouring corrections form one phrase ("coalition of volunteers" → "Coalition of the Willing"): findings of
    // a segment separated by at most two unchanged words.
    for (const run of runsOf(kept, doc.mt.text, doc.corrected.text)) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const match = norm(doc.mt.text.slice(first.mt.start, last.mt.end));
      const replacement = norm(doc.corrected.text.slice(first.corrected.start, last.corrected.end));
      const key = `${match}\u0000${replacement}`;
      add(phrases, match, replacement, [], doc.id);
      if (phrases.has(key)) phraseRuns.set(key, [...(phraseRuns.get(key) ?? []), run]);
    }
  }
  for (const [key, runs] of phraseRuns) phrases.get(key)!.findings = runs.map((r) => r[0]!);
  const candidatesInOrder = [
    ...[...phrases.values()].sort((a, b) => b.match.length - a.match.length),
    ...singles.values(),
  ];
  const occurrenceCache = new Map<string, number>();
  const occurrences = (match: string) => {
    let n = occurrenceCache.get(match);
    if (n === undefined) {
      n = docs.reduce((s, d) => s + countOccurrences(d.mt.text, match), 0);
      occurrenceCache.set(match, n);
    }
    return n;
  };
  const rules: LearnedRule[] = [];
  // Phrases first: the corrections a kept phrase rule explains do not count again for its single words.
  const explained = new Set<Finding>();
  for (const c of candidatesInOrder) {
    const isPhrase = phrases.get(`${c.match}\u0000${c.replacement}`) === c;
    const findings = isPhrase ? c.findings : c.findings.filter((f) => !explained.has(f));
    const support = findings.length;
    if (support < minSupport) continue;
    const occ = Math.max(occurrences(c.match), support);
    const applied = support / occ;
    if (applied < minApplied) continue;
    if (isPhrase) for (const run of phraseRuns.get(`${c.match}\u0000${c.replacement}`) ?? []) for (const f of run) explained.add(f);
    const cls = majority(isPhrase ? (phraseRuns.get(`${c.match}\u0000${c.replacement}`) ?? []).flat() : findings);
    rules.push({
      id: ruleId(c.match, c.replacement),
      match: c.match,
      replacement: c.replacement,
      support,
      occurrences: occ,
      applied: Math.round(applied * 1000) / 1000,
      documents: c.docs.size,
      ...cls,
    });
  }
  rules.sort((a, b) => b.support - a.support || b.applied - a.applied || a.match.localeCompare(b.match));
  return {
    tool: 'tqa',
    kind: 'learned-rules',
    version: 1,
    learnedFrom: { documents: docs.length, findings: used, decisions: opts.decisions ?? false },
    options: { minSupport, minApplied },
    rules,
  };
}

/** Runs of two or more findings of one segment whose gaps are at most two unchanged words (the same in the MT
 *  and in the correction). */
function runsOf(findings: Finding[], mt: string, corrected: string): Finding[][] {
  const sorted = [...findings].sort((a, b) => a.mt.start - b.mt.start || a.mt.end - b.mt.end);
  const runs: Finding[][] = [];
  let run: Finding[] = [];
  for (const f of sorted) {
    const prev = run[run.length - 1];
    const gapMt = prev ? mt.slice(prev.mt.end, f.mt.start) : '';
    const gapCorrected = prev ? corrected.slice(prev.corrected.end, f.corrected.start) : '';
    const joins =
      prev !== undefined &&
      prev.segment === f.segment &&
      f.mt.start >= prev.mt.end &&
      f.corrected.start >= prev.corrected.end &&
      gapMt.trim().replace(/\s+/gu, ' ') === gapCorrected.trim().replace(/\s+/gu, ' ') &&
      !/[.!?;\n]/u.test(gapMt) &&
      gapMt.trim().split(/\s+/u).filter(Boolean).length <= 2;
    if (joins) run.push(f);
    else {
      if (run.length > 1) runs.push(run);
      run = [f];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/** The most frequent classification of a rule's findings (a reviewer's recategorisation wins over the audit's). */
function majority(findings: Finding[]): { category: Category; type: string; severity: Severity } {
  const counts = new Map<string, { n: number; v: { category: Category; type: string; severity: Severity } }>();
  for (const f of findings) {
    const v = { category: effectiveCategory(f), type: f.type, severity: effectiveSeverity(f) };
    const k = `${v.category}|${v.type}|${v.severity}`;
    const e = counts.get(k) ?? { n: 0, v };
    e.n++;
    counts.set(k, e);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]!.v;
}
