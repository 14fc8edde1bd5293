import type { Category, DocumentReport, Finding, Severity } from '../model.js';
import { effectiveCategory, effectiveSeverity, isRejected } from '../report/effective.js';
import { countOccurrences, ruleId, wordClassOf, type LearnedRule, type RulesFile } from './learned.js';
import { packFor } from '../lang/index.js';

export interface LearnOptions {
  /** Keep a rule seen at least this many times (default 2). */
  minSupport?: number;
  /** Keep a rule the post-editors applied at least this often when they met the pattern (default 0.5). */
  minApplied?: number;
  /** Longest pattern, in tokens (default 6): longer corrections are rewrites, not rules. */
  maxTokens?: number;
  /** Whether reviewer decisions were applied to the documents (recorded in the file). */
  decisions?: boolean;
  /** Also learn word rules by stem (the target language pack's stemmer): a word the post-editors changed in
   *  most of its occurrences, whatever its form and whatever they wrote instead, is flagged in every form. */
  stems?: boolean;
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
  if (opts.stems) rules.push(...stemRules(docs, explained, minSupport, minApplied), ...classRules(docs, minSupport, minApplied));
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

/** Word rules by stem: the one-word replace/delete corrections (those no kept phrase rule explains), grouped by
 *  the stem of the MT word in the document's language; kept when the post-editors changed that word, in any
 *  form, often enough (support) and in enough of its occurrences (applied). */
function stemRules(docs: DocumentReport[], explained: ReadonlySet<Finding>, minSupport: number, minApplied: number): LearnedRule[] {
  type Group = { language: string; stem: string; findings: Finding[]; forms: Map<string, number>; to: Map<string, number>; docs: Set<string> };
  const groups = new Map<string, Group>();
  const occurrences = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const doc of docs) {
    const language = doc.language?.target ?? 'en';
    const pack = packFor(language);
    for (const w of pack.words(doc.mt.text)) bump(occurrences, `${language}\u0000${pack.stem(w.text.toLowerCase())}`);
    for (const f of doc.findings) {
      if (isRejected(f) || explained.has(f) || (f.operation !== 'replace' && f.operation !== 'delete')) continue;
      const word = f.mt.text.trim();
      const tokens = pack.words(word);
      if (tokens.length !== 1 || tokens[0]!.text !== word) continue;
      const stem = pack.stem(word.toLowerCase());
      const key = `${language}\u0000${stem}`;
      const g: Group = groups.get(key) ?? { language, stem, findings: [], forms: new Map(), to: new Map(), docs: new Set() };
      g.findings.push(f);
      bump(g.forms, word);
      bump(g.to, f.corrected.text.trim().replace(/\s+/gu, ' '));
      g.docs.add(doc.id);
      groups.set(key, g);
    }
  }
  const most = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  const out: LearnedRule[] = [];
  for (const [key, g] of groups) {
    const support = g.findings.length;
    const occ = Math.max(occurrences.get(key) ?? 0, support);
    const applied = support / occ;
    if (support < minSupport || applied < minApplied) continue;
    const match = most(g.forms);
    const replacement = most(g.to);
    out.push({
      id: ruleId(`${g.language}:${g.stem}`, '\u0000stem'),
      match,
      replacement,
      support,
      occurrences: occ,
      applied: Math.round(applied * 1000) / 1000,
      documents: g.docs.size,
      ...majority(g.findings),
      stem: g.stem,
      language: g.language,
    });
  }
  return out;
}

/** Class rules: the words of a class (src/checks/learned.ts wordClassOf: words the target dictionary does not
 *  know) that the post-editors changed — any replace/delete correction over the word — in most of their
 *  occurrences. */
function classRules(docs: DocumentReport[], minSupport: number, minApplied: number): LearnedRule[] {
  type Group = { language: string; cls: 'unknown-word' | 'unknown-capitalised'; occ: number; findings: Finding[]; forms: Map<string, number>; docs: Set<string> };
  const groups = new Map<string, Group>();
  for (const doc of docs) {
    const language = doc.language?.target ?? 'en';
    const pack = packFor(language);
    if (!pack.hasDictionary) continue;
    const spans = doc.findings
      .filter((f) => !isRejected(f) && (f.operation === 'replace' || f.operation === 'delete') && f.mt.end > f.mt.start)
      .sort((a, b) => a.mt.start - b.mt.start);
    let k = 0;
    for (const w of pack.words(doc.mt.text)) {
      const cls = wordClassOf(w.text, pack);
      if (!cls) continue;
      const key = `${language}\u0000${cls}`;
      const g: Group = groups.get(key) ?? { language, cls, occ: 0, findings: [], forms: new Map(), docs: new Set() };
      groups.set(key, g);
      g.occ++;
      while (k < spans.length && spans[k]!.mt.end <= w.start) k++;
      let f: Finding | undefined;
      for (let j = k; j < spans.length && spans[j]!.mt.start < w.end && !f; j++) if (w.start < spans[j]!.mt.end) f = spans[j];
      if (!f) continue;
      g.findings.push(f);
      g.forms.set(w.text, (g.forms.get(w.text) ?? 0) + 1);
      g.docs.add(doc.id);
    }
  }
  const out: LearnedRule[] = [];
  for (const g of groups.values()) {
    const support = g.findings.length;
    const applied = support / Math.max(g.occ, 1);
    if (support < minSupport || applied < minApplied) continue;
    out.push({
      id: ruleId(`${g.language}:${g.cls}`, '\u0000class'),
      match: [...g.forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
      replacement: '',
      support,
      occurrences: g.occ,
      applied: Math.round(applied * 1000) / 1000,
      documents: g.docs.size,
      ...majority(g.findings),
      language: g.language,
      wordClass: g.cls,
    });
  }
  return out;
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
