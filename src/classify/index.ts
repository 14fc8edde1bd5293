// The classifier: every edit gets an MQM-based category, an ERRANT type, a severity and the id of the rule that
// decided. Rules form an ordered table per target language; the first rule that returns a verdict wins.
import type { Classification, Edit, SegmentPair, Token } from '../model.js';
import { AnalysisCache, EditView } from './edit-view.js';
import { english, ENGLISH_RULES } from './en/index.js';
import type { ClassifyContext, Language, Rule } from './types.js';
import { PACKS, packFor, type LanguagePack } from '../lang/index.js';
import { packLanguage } from '../lang/classify.js';
import { frenchTargetTypographyRule } from '../lang/fr/typography-rule.js';
import { packMorphologyRule } from '../lang/rules/morphology.js';
import { packSpellingRule } from '../lang/rules/spelling.js';
import { packUntranslatedRule } from '../lang/rules/untranslated.js';
import { packWordingRule } from '../lang/rules/wording.js';
import { caseRule } from './rules/case.js';
import { fallbackRule } from './rules/fallback.js';
import { glossaryRule } from './rules/glossary.js';
import { markupRule } from './rules/markup.js';
import { noChangeRule } from './rules/no-change.js';
import { numbersRule } from './rules/numbers.js';
import { punctuationRule } from './rules/punctuation.js';
import { tokenBoundaryRule } from './rules/token-boundary.js';
import { unicodeFormRule } from './rules/unicode-form.js';
import { whitespaceRule } from './rules/whitespace.js';
import { moveRule, wordOrderRule } from './rules/word-order.js';

export type { ClassifyContext, Rule, TokenInfo, Verdict, Language } from './types.js';

/** Rules that hold in every language (surface, markup, glossary, numbers, order), in decision order; a pack's
 *  own rules go between them and the fallback. */
const SHARED_SURFACE: readonly Rule[] = [moveRule, noChangeRule, unicodeFormRule, markupRule];
const SHARED_FORM: readonly Rule[] = [tokenBoundaryRule, whitespaceRule, caseRule, punctuationRule, glossaryRule, numbersRule, wordOrderRule];

/** A target language's own rules (beyond the pack-driven spelling, morphology, untranslated and wording rules). */
const OWN_RULES: Record<string, readonly Rule[]> = {
  fr: [frenchTargetTypographyRule],
};

/** The rule table of a pack without an English-style analyser: shared rules, its own, then what its dictionary
 *  and stemmer can decide, then the fallback. */
function packRules(pack: LanguagePack): readonly Rule[] {
  return [
    ...SHARED_SURFACE,
    ...(OWN_RULES[pack.code] ?? []),
    ...SHARED_FORM,
    packUntranslatedRule,
    ...(pack.hasDictionary ? [packSpellingRule] : []),
    packMorphologyRule,
    packWordingRule,
    fallbackRule,
  ];
}

/** Classifier entries keyed from the packs: English keeps its analyser (wink-nlp) and rule table; every other
 *  pack gets its dictionary/stemmer view and the table above. */
const LANGUAGES: Record<string, { language: Language; rules: readonly Rule[] }> = Object.fromEntries(
  Object.values(PACKS).map((pack) => [pack.code, pack.code === 'en' ? { language: english, rules: ENGLISH_RULES } : { language: packLanguage(pack), rules: packRules(pack) }]),
);

/** The default (English) rule table, in decision order. */
export const RULES: readonly Rule[] = ENGLISH_RULES;

export function rulesFor(lang = 'en'): readonly Rule[] {
  return languageEntry(lang).rules;
}

const genericEntries = new Map<string, { language: Language; rules: readonly Rule[] }>();
/** The entry of a target language; a language without a pack gets the generic pack's (never throws). */
function languageEntry(lang: string) {
  const pack = packFor(lang);
  const entry = LANGUAGES[pack.code];
  if (entry) return entry;
  let g = genericEntries.get(pack.code);
  if (!g) {
    g = { language: packLanguage(pack), rules: packRules(pack) };
    genericEntries.set(pack.code, g);
  }
  return g;
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
