// Negation added or removed: the sentence now says the opposite. Critical.
import { change } from '../../describe.js';
import type { EditView, SideView } from '../../edit-view.js';
import type { Rule } from '../../types.js';
import { NEGATING_PREFIXES, NEGATORS } from '../lexicon.js';
import { isEnglishWord } from '../spell.js';
import { severityOf } from '../../severity.js';

const isNegator = (w: string, next: string | undefined) => {
  const l = w.toLowerCase().replace(/’/g, "'");
  // "No." / "No 5" abbreviates "number".
  if (l === 'no' && next !== undefined && /^(\.|\d)/.test(next)) return false;
  return NEGATORS.has(l) || /n't$/.test(l);
};

/** A word negative by its prefix ("mistrust", "unable", "disagree"): its base is a word of at least 4 letters. */
const isPrefixNegative = (w: string) => {
  const l = w.toLowerCase();
  return [...NEGATING_PREFIXES, 'mis'].some((p) => l.startsWith(p) && l.length - p.length >= 4 && isEnglishWord(l.slice(p.length))) && isEnglishWord(l);
};

function negations(side: SideView, [from, to]: [number, number]): { count: number; words: string[] } {
  const toks = side.segTokens;
  const words: string[] = [];
  let count = 0;
  for (let i = from; i < to; i++) {
    const w = toks[i]!.text;
    if (isNegator(w, toks[i + 1]?.text)) count++;
    else words.push(w.toLowerCase().replace(/n['’]t$/, ''));
  }
  return { count, words };
}

/** Beyond the negation the two sides must say much the same: in a wholesale rewrite a "no" is not a reversal. */
export const MAX_OTHER_CHANGES = 2;

function otherChanges(x: string[], y: string[]): number {
  const pool = [...y];
  let unmatched = 0;
  for (const w of x) {
    const k = pool.indexOf(w);
    if (k === -1) unmatched++;
    else pool.splice(k, 1);
  }
  return unmatched + pool.length;
}

export const negationRule: Rule = {
  id: 'en/negation',
  describe: "a negation (not, no, never, without, -n't...) added or removed → accuracy/mistranslation, critical",
  classify(v: EditView) {
    const a = negations(v.mt, v.core.mt);
    const b = negations(v.cor, v.core.cor);
    if (a.count === b.count || otherChanges(a.words, b.words) > MAX_OTHER_CHANGES) return undefined;
    // The sentence as a whole keeps its negations: this edit is one piece of a reworded negation ("but not
    // attracted" → "without being attracted" cut into two edits).
    const whole = (side: SideView) => negations(side, [0, side.segTokens.length]).count;
    if (whole(v.mt) === whole(v.cor)) return undefined;
    // A negative word on the other side ("mistrust" → "no confidence") keeps the polarity.
    const fewer = a.count < b.count ? a : b;
    if (fewer.words.some(isPrefixNegative)) return undefined;
    return {
      category: 'accuracy/mistranslation',
      type: v.type,
      severity: severityOf('misleading', v.ctx.correctedKind),
      message: `${change(v)}: negation ${b.count > a.count ? 'added' : 'removed'} (meaning reversed)`,
    };
  },
};
