import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CATEGORIES, SEVERITIES, type Finding } from '../model.js';
import { InputError } from '../io/errors.js';
import { LineIndex } from '../io/lines.js';
import { toFinding, assignCheckIds } from './finding.js';
import { phraseRegExp } from './text.js';
import { packFor } from '../lang/index.js';

// Correction rules learned from audited pairs (`tqa learn`): "Volodyr" → "Volodymyr", with how often the
// post-editors applied them. `tqa check --rules` flags the pattern in new MT and proposes the correction.
const LearnedRuleSchema = z.object({
  id: z.string().min(1),
  match: z.string().min(1),
  replacement: z.string(),
  /** Corrections seen: how many times the post-editors replaced `match` by `replacement`. */
  support: z.number().int().min(1),
  /** Occurrences of `match` in the MT texts learned from (corrected or not). */
  occurrences: z.number().int().min(1),
  /** support / occurrences: how often the post-editors applied the rule when they met the pattern. */
  applied: z.number().min(0).max(1),
  /** In how many documents the correction was seen. */
  documents: z.number().int().min(1),
  category: z.enum(CATEGORIES),
  type: z.string(),
  severity: z.enum(SEVERITIES),
  /** A word rule (`tqa learn --stems`): the stem, by the language pack of `language`, of the words it matches —
   *  every form of the word ("occupied", "occupies", "occupying"), not only `match` (the form seen most).
   *  `support` then counts the changes of any form to anything, `replacement` is the most frequent one. */
  stem: z.string().min(1).optional(),
  language: z.string().min(1).optional(),
  /** A class rule (`tqa learn --stems`): every word of the class in `language` — "unknown-word", a lower-case
   *  word its dictionary does not know (a source word left in, a garbled form); "unknown-capitalised", such a
   *  word written with a capital (a name, or a copied noun) — because the post-editors changed most of them.
   *  `match` is the example changed most often; there is no replacement to propose. */
  wordClass: z.enum(['unknown-word', 'unknown-capitalised']).optional(),
});
export type LearnedRule = z.infer<typeof LearnedRuleSchema>;

const RulesFileSchema = z.object({
  tool: z.literal('tqa'),
  kind: z.literal('learned-rules'),
  version: z.literal(1),
  learnedFrom: z.object({ documents: z.number().int(), findings: z.number().int(), decisions: z.boolean() }),
  options: z.object({ minSupport: z.number(), minApplied: z.number() }),
  rules: z.array(LearnedRuleSchema),
});
export type RulesFile = z.infer<typeof RulesFileSchema>;

export function ruleId(match: string, replacement: string): string {
  return `learned/${createHash('sha1').update(`${match}\u0000${replacement}`).digest('hex').slice(0, 10)}`;
}

export function parseRulesFile(value: unknown, name: string): RulesFile {
  const r = RulesFileSchema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new InputError(`${name}: not a tqa rules file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
}

export function countOccurrences(text: string, match: string): number {
  return [...text.matchAll(phraseRegExp(match))].length;
}

/** Flags every occurrence of a learned pattern in an MT text, proposing the learned correction. Longer patterns
 *  win over the shorter ones they contain; among rules with the same pattern, the best supported wins. */
export function applyLearnedRules(
  mt: string,
  rules: LearnedRule[],
  opts: { allow?: Iterable<string>; segmentOf?: (offset: number) => number } = {},
): Finding[] {
  const lines = new LineIndex(mt);
  const allow = new Set(opts.allow ?? []);
  const segmentOf = opts.segmentOf ?? ((offset: number) => lines.position(offset).line - 1);
  // Exact patterns first (longest first), then word rules by stem, on the words the patterns left.
  const ordered = rules.filter((r) => r.stem === undefined && r.wordClass === undefined).sort((a, b) => b.match.length - a.match.length || b.support - a.support || b.applied - a.applied);
  const taken: Array<[number, number]> = [];
  const findings: Finding[] = [];
  const times = (n: number) => `${n} time${n === 1 ? '' : 's'}`;
  const flag = (rule: LearnedRule, start: number, end: number, text: string) => {
    taken.push([start, end]);
    const pct = Math.round(rule.applied * 100);
    const of = `(${pct}% of ${rule.occurrences} occurrence${rule.occurrences === 1 ? '' : 's'})`;
    const to = rule.replacement === '' ? 'deleted' : `"${rule.replacement}"`;
    const hit =
      rule.wordClass !== undefined
        ? { start, end, message: `"${text}": ${rule.wordClass === 'unknown-word' ? 'a' : 'a capitalised'} word the ${rule.language ?? 'en'} dictionary does not know; post-editors changed such words ${times(rule.support)} ${of}` }
        : rule.stem === undefined
        ? { start, end, suggestion: rule.replacement, message: `"${text}" → ${to}: post-editors made this correction ${times(rule.support)} ${of}` }
        : {
            start,
            end,
            // The most frequent correction fits the form it was made on; another form gets no suggestion.
            ...(text === rule.match ? { suggestion: rule.replacement } : {}),
            message: `"${text}"${text === rule.match ? '' : ` (a form of "${rule.match}")`}: post-editors changed this word ${times(rule.support)} ${of}, most often → ${to}`,
          };
    findings.push(toFinding(rule, hit, mt, lines, segmentOf(start), 'learned'));
  };
  for (const rule of ordered) {
    for (const m of mt.matchAll(phraseRegExp(rule.match))) {
      const start = m.index;
      const end = start + m[0].length;
      if (allow.has(m[0]) || taken.some(([s, e]) => start < e && s < end)) continue;
      flag(rule, start, end, m[0]);
    }
  }
  const byLanguage = new Map<string, Map<string, LearnedRule>>();
  for (const r of rules) {
    if (r.stem === undefined) continue;
    const lang = r.language ?? 'en';
    const m = byLanguage.get(lang) ?? new Map<string, LearnedRule>();
    const had = m.get(r.stem);
    if (!had || r.support > had.support) m.set(r.stem, r);
    byLanguage.set(lang, m);
  }
  for (const [lang, stems] of byLanguage) {
    const pack = packFor(lang);
    for (const w of pack.words(mt)) {
      const rule = stems.get(pack.stem(w.text.toLowerCase()));
      if (!rule || allow.has(w.text) || taken.some(([s, e]) => w.start < e && s < w.end)) continue;
      flag(rule, w.start, w.end, w.text);
    }
  }
  // Then class rules, on the words still free.
  for (const rule of rules) {
    if (rule.wordClass === undefined) continue;
    const pack = packFor(rule.language ?? 'en');
    for (const w of pack.words(mt)) {
      if (wordClassOf(w.text, pack) !== rule.wordClass || allow.has(w.text) || taken.some(([s, e]) => w.start < e && s < w.end)) continue;
      flag(rule, w.start, w.end, w.text);
    }
  }
  findings.sort((a, b) => a.mt.start - b.mt.start);
  return assignCheckIds(findings, mt);
}

/** The class of a word for class rules: a word of letters the pack's dictionary does not know, lower-case or
 *  capitalised; undefined for known words, non-words, acronyms, and in a language without a dictionary. */
export function wordClassOf(word: string, pack: ReturnType<typeof packFor>): 'unknown-word' | 'unknown-capitalised' | undefined {
  if (!pack.hasDictionary || !/^\p{L}{2,}$/u.test(word) || word === word.toUpperCase()) return undefined;
  if (pack.isWord(word) !== false) return undefined;
  return /^\p{Lu}/u.test(word) ? 'unknown-capitalised' : 'unknown-word';
}
