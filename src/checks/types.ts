import type { Category, Glossary, Operation, Severity } from '../model.js';
import type { LineIndex } from '../io/lines.js';
import type { LanguagePack } from '../lang/types.js';

/** What a reference-free check sees: the MT text alone, plus what the user gave (source, glossary, allow-list). */
export interface CheckContext {
  text: string;
  lines: LineIndex;
  /** The source text, when given (number and untranslated-word checks need it). */
  source?: string;
  glossary?: Glossary;
  /** Words the user accepts as written (exact match on the flagged text). */
  allow: ReadonlySet<string>;
  /** A tokenised corpus of independent segments (tokens separated by single spaces): spacing-around-punctuation,
   *  broken-sentence and consistency checks stay silent. */
  tokenized: boolean;
  /** The MT's (target) language pack: words, abbreviations, numbers, quotation marks, typography, spelling. */
  pack: LanguagePack;
  /** The source's language pack, when the source language is known (numbers, untranslated words). */
  sourcePack?: LanguagePack;
}

/** One hit of a check: a range of the MT text and the fix, if the check can propose one. */
export interface CheckHit {
  start: number;
  end: number;
  /** The text that should replace [start, end); '' for a deletion; undefined when no fix can be proposed. */
  suggestion?: string;
  message: string;
  /** Override the rule's defaults for this hit. */
  severity?: Severity;
  type?: string;
  category?: Category;
}

/** A reference-free check: a small rule with an id, a category, an ERRANT-style type and a default severity. */
export interface CheckRule {
  id: string;
  category: Category;
  type: string;
  severity: Severity;
  /** One line for docs and `--list-checks`. */
  description: string;
  /** Does the check apply to a target language? Absent: every language. (E.g. an English-only rule returns
   *  pack.code === 'en'; a spelling check needs pack.hasDictionary.) */
  appliesTo?(pack: LanguagePack): boolean;
  run(ctx: CheckContext): CheckHit[];
}

/** The operation a fix performs on the MT span. */
export function operationFor(mtText: string, suggestion: string | undefined): Operation {
  if (suggestion === undefined) return 'replace';
  if (mtText === '') return 'insert';
  if (suggestion === '') return 'delete';
  return 'replace';
}
