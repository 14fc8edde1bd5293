import type { Finding, Glossary } from '../model.js';
import { LineIndex } from '../io/lines.js';
import type { CheckContext, CheckRule } from './types.js';
import { packFor, type LanguagePack } from '../lang/index.js';
import { toFinding, assignCheckIds } from './finding.js';
import { mergedToken } from './rules/merged-token.js';
import { spaceInHyphen } from './rules/space-in-hyphen.js';
import { frenchTypography } from './rules/french-typography.js';
import { spaceBeforePunctuation } from './rules/space-before-punctuation.js';
import { leadingPunctuation } from './rules/leading-punctuation.js';
import { doubledWord } from './rules/doubled-word.js';
import { unbalancedQuotes } from './rules/unbalanced-quotes.js';
import { brokenSentence } from './rules/broken-sentence.js';
import { lowercaseStart } from './rules/lowercase-start.js';
import { glossaryForbidden, glossaryInconsistent } from './rules/glossary.js';
import { inconsistentTerm } from './rules/inconsistent-term.js';
import { numberMismatch } from './rules/number-mismatch.js';
import { untranslated } from './rules/untranslated.js';

import type { UnitRule } from './units.js';
import { nameVariant } from './rules/name-variant.js';
import { mergedName } from './rules/merged-name.js';
import { garbledToken } from './rules/garbled-token.js';
import { formatString } from './rules/format-string.js';
import { inlineTags, markup } from './rules/inline-tags.js';
import { urls } from './rules/urls.js';
import { escapes } from './rules/escapes.js';
import { newlines } from './rules/newlines.js';
import { doubleSpace, edgeSpaces } from './rules/spacing.js';
import { zeroWidth } from './rules/zero-width.js';
import { endPunctuation } from './rules/end-punctuation.js';
import { brackets } from './rules/brackets.js';
import { accelerators } from './rules/accelerators.js';
import { pluralForms } from './rules/plural-forms.js';
import { maxLength } from './rules/max-length.js';
import { emptyTarget } from './rules/empty-target.js';
import { unchanged } from './rules/unchanged.js';
import { inconsistentTranslation, reusedTranslation } from './rules/inconsistent-translation.js';
import { sourceNames } from './rules/source-names.js';

export type { CheckRule, CheckHit, CheckContext } from './types.js';

/** Every unit check (per translation unit, against its own source: the pofilter / Weblate catalogue). */
export const UNIT_CHECKS: readonly UnitRule[] = [
  emptyTarget,
  formatString,
  inlineTags,
  markup,
  escapes,
  urls,
  newlines,
  edgeSpaces,
  doubleSpace,
  zeroWidth,
  endPunctuation,
  brackets,
  accelerators,
  pluralForms,
  maxLength,
  unchanged,
  sourceNames,
  inconsistentTranslation,
  reusedTranslation,
];

/** Every reference-free check, in reporting order. */
export const CHECKS: readonly CheckRule[] = [
  mergedToken,
  spaceInHyphen,
  frenchTypography,
  spaceBeforePunctuation,
  leadingPunctuation,
  doubledWord,
  unbalancedQuotes,
  brokenSentence,
  lowercaseStart,
  glossaryForbidden,
  glossaryInconsistent,
  inconsistentTerm,
  numberMismatch,
  untranslated,
  nameVariant,
  mergedName,
  garbledToken,
];

/** A finding of the first rule replaces one of the others' lying within its span (it says more): a merged name
 *  is a merged token; a glossary term written wrong ("Volodyr Zelensky" for the glossary's "Volodymyr Zelensky")
 *  holds the name written two ways, and the glossary names the right form. */
const SUPERSEDES: Record<string, readonly string[]> = {
  'check/merged-name': ['check/merged-token'],
  'check/glossary-forbidden': ['check/name-variant'],
  'check/glossary-inconsistent': ['check/name-variant'],
};

export interface CheckOptions {
  source?: string;
  glossary?: Glossary;
  allow?: Iterable<string>;
  tokenized?: boolean;
  /** Check ids to skip. */
  disable?: Iterable<string>;
  /** Maps an MT offset to its segment id (the audit's segments); default: the 0-based line number. */
  segmentOf?: (offset: number) => number;
  /** The MT's language pack (default English) and the source's, when known. */
  pack?: LanguagePack;
  sourcePack?: LanguagePack;
}

/** Runs every reference-free check on an MT text. Pure; findings sorted by position, ids content-based. */
export function runChecks(mt: string, opts: CheckOptions = {}): Finding[] {
  const lines = new LineIndex(mt);
  const ctx: CheckContext = {
    text: mt,
    lines,
    source: opts.source,
    glossary: opts.glossary,
    allow: new Set(opts.allow ?? []),
    tokenized: opts.tokenized ?? false,
    pack: opts.pack ?? packFor('en'),
    ...(opts.sourcePack ? { sourcePack: opts.sourcePack } : {}),
  };
  const disabled = new Set(opts.disable ?? []);
  const segmentOf = opts.segmentOf ?? ((offset: number) => lines.position(offset).line - 1);
  const findings: Finding[] = [];
  for (const rule of CHECKS) {
    if (disabled.has(rule.id)) continue;
    if (rule.appliesTo && !rule.appliesTo(ctx.pack)) continue;
    for (const hit of rule.run(ctx)) findings.push(toFinding(rule, hit, mt, lines, segmentOf(hit.start), 'check'));
  }
  const covering = findings.filter((f) => SUPERSEDES[f.rule]);
  const kept = covering.length
    ? findings.filter((f) => !covering.some((c) => SUPERSEDES[c.rule]!.includes(f.rule) && c.mt.start <= f.mt.start && f.mt.end <= c.mt.end))
    : findings;
  kept.sort((a, b) => a.mt.start - b.mt.start || a.mt.end - b.mt.end || a.rule.localeCompare(b.rule));
  return assignCheckIds(kept, mt);
}
