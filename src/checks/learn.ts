import type { Category, DocumentReport, Finding, Severity } from '../model.js';
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
  const candidates = new Map<string, { match: string; replacement: string; findings: Finding[]; docs: Set<string> }>();
  let used = 0;
  for (const doc of docs) {
    for (const f of doc.findings) {
      if (f.decision?.status === 'rejected' || (f.operation !== 'replace' && f.operation !== 'delete')) continue;
      const match = norm(f.mt.text);
      const replacement = norm(f.corrected.text);
      if (match === '' || match === replacement || !/[\p{L}\p{N}]/u.test(match)) continue;
      if (match.split(' ').length > maxTokens || replacement.split(' ').length > maxTokens) continue;
      used++;
      const key = `${match}\u0000${replacement}`;
      const c = candidates.get(key) ?? { match, replacement, findings: [], docs: new Set<string>() };
      c.findings.push(f);
      c.docs.add(doc.id);
      candidates.set(key, c);
    }
  }
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
  for (const c of candidates.values()) {
    const support = c.findings.length;
    if (support < minSupport) continue;
    const occ = Math.max(occurrences(c.match), support);
    const applied = support / occ;
    if (applied < minApplied) continue;
    const cls = majority(c.findings);
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

/** The most frequent classification of a rule's findings (a reviewer's recategorisation wins over the audit's). */
function majority(findings: Finding[]): { category: Category; type: string; severity: Severity } {
  const counts = new Map<string, { n: number; v: { category: Category; type: string; severity: Severity } }>();
  for (const f of findings) {
    const v = { category: f.decision?.category ?? f.category, type: f.type, severity: f.decision?.severity ?? f.severity };
    const k = `${v.category}|${v.type}|${v.severity}`;
    const e = counts.get(k) ?? { n: 0, v };
    e.n++;
    counts.set(k, e);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]!.v;
}
