import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CATEGORIES, SEVERITIES, type Finding } from '../model.js';
import { InputError } from '../io/errors.js';
import { LineIndex } from '../io/lines.js';
import { toFinding, assignCheckIds } from './finding.js';
import { phraseRegExp } from './text.js';

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
  const ordered = [...rules].sort((a, b) => b.match.length - a.match.length || b.support - a.support || b.applied - a.applied);
  const taken: Array<[number, number]> = [];
  const findings: Finding[] = [];
  for (const rule of ordered) {
    for (const m of mt.matchAll(phraseRegExp(rule.match))) {
      const start = m.index;
      const end = start + m[0].length;
      if (allow.has(m[0]) || taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      const pct = Math.round(rule.applied * 100);
      findings.push(
        toFinding(
          rule,
          {
            start,
            end,
            suggestion: rule.replacement,
            message:
              `"${m[0]}" → ${rule.replacement === '' ? 'deleted' : `"${rule.replacement}"`}: post-editors made this correction ` +
              `${rule.support} time${rule.support === 1 ? '' : 's'} (${pct}% of ${rule.occurrences} occurrence${rule.occurrences === 1 ? '' : 's'})`,
          },
          mt,
          lines,
          segmentOf(start),
          'learned',
        ),
      );
    }
  }
  findings.sort((a, b) => a.mt.start - b.mt.start);
  return assignCheckIds(findings, mt);
}
