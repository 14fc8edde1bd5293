// The classifier: every edit gets an MQM-based category, an ERRANT type, a severity and the id of the rule that
// decided. Rules form an ordered table per target language; the first rule that returns a verdict wins.
import type { Classification, Edit, SegmentPair, Token } from '../model.js';
import { InputError } from '../io/errors.js';
import { AnalysisCache, EditView } from './edit-view.js';
import { english, ENGLISH_RULES } from './en/index.js';
import type { ClassifyContext, Language, Rule } from './types.js';

export type { ClassifyContext, Rule, TokenInfo, Verdict, Language } from './types.js';

/** Rule tables and language packs by target-language code (a new language is a new folder and one entry). */
const LANGUAGES: Record<string, { language: Language; rules: readonly Rule[] }> = {
  en: { language: english, rules: ENGLISH_RULES },
};

/** The default (English) rule table, in decision order. */
export const RULES: readonly Rule[] = ENGLISH_RULES;

export function rulesFor(lang = 'en'): readonly Rule[] {
  return languageEntry(lang).rules;
}

function languageEntry(lang: string) {
  const entry = LANGUAGES[lang.toLowerCase().split(/[-_]/)[0]!];
  // A target language is user input (an option, a file's metadata): refuse it the way bad input is refused.
  if (!entry) throw new InputError(`no classifier for language "${lang}" (available: ${Object.keys(LANGUAGES).join(', ')})`);
  return entry;
}

/** Classifies every edit (same order as `edits`). Each segment side is analysed at most once. */
export function classifyEdits(edits: Edit[], ctx: ClassifyContext): Classification[] {
  const { language, rules } = languageEntry(ctx.lang ?? 'en');
  return classifyWith(edits, ctx, language, rules);
}

/** The engine behind classifyEdits, for an explicit language pack and rule table: the first rule whose
 *  guard passes and that returns a verdict decides. */
export function classifyWith(edits: Edit[], ctx: ClassifyContext, language: Language, rules: readonly Rule[]): Classification[] {
  const cache = new AnalysisCache(ctx, language);
  const pairs = new Map<number, SegmentPair>(ctx.pairs.map((p) => [p.id, p]));
  return edits.map((edit) => {
    const pair = pairs.get(edit.segment);
    const view = pair ? new EditView(edit, ctx, language, pair, cache) : standalone(edit, ctx, language);
    for (const rule of rules) {
      if (rule.applies && !rule.applies(view)) continue;
      const verdict = rule.classify(view);
      if (verdict) return { ...verdict, rule: rule.id };
    }
    // Unreachable while every table ends with the fallback rule; kept so a table without it still answers.
    return { category: 'other', type: view.type, severity: 'minor', rule: 'none', message: 'unclassified change' };
  });
}

const WORD_OR_MARK = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|\S/gu;

function tokensOf(text: string, start: number, end: number): Token[] {
  return [...text.slice(start, end).matchAll(WORD_OR_MARK)].map((m) => ({
    text: m[0],
    start: start + m.index,
    end: start + m.index + m[0].length,
  }));
}

/** An edit whose segment is not among the pairs (a caller's slip, or text between segments) is classified on
 *  its own spans, tokenised here, as a one-edit segment. */
function standalone(edit: Edit, ctx: ClassifyContext, language: Language): EditView {
  const mtTokens = tokensOf(ctx.mt, edit.mt.start, edit.mt.end);
  const correctedTokens = tokensOf(ctx.corrected, edit.corrected.start, edit.corrected.end);
  const pair: SegmentPair = { id: edit.segment, mt: edit.mt, corrected: edit.corrected, mtTokens, correctedTokens };
  const own = { ...edit, mtTokens: [0, mtTokens.length] as [number, number], correctedTokens: [0, correctedTokens.length] as [number, number] };
  return new EditView(own, ctx, language, pair, new AnalysisCache(ctx, language));
}
