import { phraseRegExp } from '../text.js';
import type { CheckRule, CheckHit } from '../types.js';

/** Word-boundary, case-insensitive matches of a phrase (spaces in the phrase match any run of whitespace). */
export function findPhrase(text: string, phrase: string): Array<{ start: number; end: number; text: string }> {
  if (phrase.trim() === '') return [];
  return [...text.matchAll(phraseRegExp(phrase, { ignoreCase: true }))].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** A variant the glossary forbids ("coalition of volunteers" where the term is "Coalition of the Willing"). */
export const glossaryForbidden: CheckRule = {
  id: 'check/glossary-forbidden',
  category: 'terminology/wrong-term',
  type: 'R:NOUN',
  severity: 'major',
  description: 'A variant of a glossary term that the glossary forbids',
  run(ctx) {
    const hits: CheckHit[] = [];
    for (const entry of ctx.glossary ?? []) {
      for (const variant of entry.forbidden) {
        for (const m of findPhrase(ctx.text, variant)) {
          if (ctx.allow.has(m.text)) continue;
          hits.push({ start: m.start, end: m.end, suggestion: entry.term, message: `"${m.text}": the glossary term is "${entry.term}"` });
        }
      }
    }
    return dropContained(hits);
  },
};

/** A glossary term written in another form than the glossary's within the text ("coalition of the willing"). */
export const glossaryInconsistent: CheckRule = {
  id: 'check/glossary-inconsistent',
  category: 'terminology/inconsistent',
  type: 'R:ORTH',
  severity: 'minor',
  description: 'A glossary term written differently from the glossary (case, spacing)',
  run(ctx) {
    const hits: CheckHit[] = [];
    for (const entry of ctx.glossary ?? []) {
      const found = findPhrase(ctx.text, entry.term);
      for (const m of found) {
        if (m.text === entry.term || ctx.allow.has(m.text)) continue;
        // A sentence-initial capital is not an inconsistency ("Peacekeeping force" at the start of a sentence).
        const capitalisedStart = m.text[0] !== entry.term[0] && m.text.slice(1) === entry.term.slice(1);
        if (capitalisedStart && /(?:^|[.!?]["”’)]*\s+|\n\s*)$/u.test(ctx.text.slice(Math.max(0, m.start - 4), m.start))) continue;
        hits.push({
          start: m.start,
          end: m.end,
          suggestion: entry.term,
          message: `"${m.text}" is written "${entry.term}" elsewhere (glossary)`,
        });
      }
    }
    return hits;
  },
};

/** When two forbidden variants overlap ("coalition of volunteers" / "volunteers"), keep the longer one. */
function dropContained(hits: CheckHit[]): CheckHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: CheckHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start >= last.start && h.end <= last.end) continue;
    out.push(h);
  }
  return out;
}
