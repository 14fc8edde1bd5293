import type { CheckRule, CheckHit } from '../types.js';
import { contextWords } from '../text.js';
import { findPhrase } from './glossary.js';

// Words too common to make a term. A "term" here is two content words in a row ("volunteer coalition").
const STOP = new Set(
  ('the a an of to in on at by for from with and or but as is was are were be been has have had it its this that these ' +
    'those their his her our your my not no he she we they you which who whom whose than then there here into onto ' +
    'upon over under about after before also only very more most such some any all each other can could will would ' +
    'shall should may might must do does did new mr mrs ms dr')
    .split(' '),
);

/** The same two-word term written two ways in one text: a case variant ("Volunteer coalition" / "volunteer
 *  coalition") or the "of" form ("coalition of volunteers"). The most frequent form (the first on a tie) is taken
 *  as the text's own; the other forms are flagged. Terms covered by the glossary are left to the glossary checks. */
export const inconsistentTerm: CheckRule = {
  id: 'check/inconsistent-term',
  category: 'terminology/inconsistent',
  type: 'R:ORTH',
  severity: 'minor',
  description: 'A two-word term written two ways in the text ("Volunteer coalition" / "volunteer coalition" / "coalition of volunteers")',
  // English: its stop words, its capitalisation (nouns in lower case) and its "X of Y" form.
  appliesTo: (pack) => pack.code === 'en',
  run(ctx) {
    // A tokenised corpus is a set of independent segments (often from different documents): consistency across
    // them is not a property of one text.
    if (ctx.tokenized) return [];
    const t = ctx.text;
    const ws = contextWords(ctx);
    const glossaryCovered: Array<[number, number]> = [];
    for (const e of ctx.glossary ?? []) {
      for (const phrase of [e.term, ...e.forbidden]) for (const m of findPhrase(t, phrase)) glossaryCovered.push([m.start, m.end]);
    }
    const covered = (s: number, e: number) => glossaryCovered.some(([a, b]) => s < b && a < e);

    // Bigrams of content words, not at a sentence start (where capitals are expected), by lower-cased key.
    const forms = new Map<string, Array<{ form: string; start: number; end: number }>>();
    for (let i = 0; i + 1 < ws.length; i++) {
      const a = ws[i]!;
      const b = ws[i + 1]!;
      if (t.slice(a.end, b.start) !== ' ' || a.text.length < 3 || b.text.length < 3) continue;
      if (STOP.has(a.text.toLowerCase()) || STOP.has(b.text.toLowerCase()) || /['’-]/.test(a.text + b.text)) continue;
      if (sentenceStart(t, a.start) || a.text === a.text.toUpperCase() || b.text === b.text.toUpperCase()) continue;
      const key = `${a.text.toLowerCase()} ${b.text.toLowerCase()}`;
      const list = forms.get(key) ?? [];
      list.push({ form: `${a.text} ${b.text}`, start: a.start, end: b.end });
      forms.set(key, list);
    }
    // Every "X of Y" in the text, by lower-cased form, found once: looking each bigram's "of" form up in the
    // whole text made the check quadratic (minutes on a 1 MB PO file).
    const ofForms = new Map<string, Array<{ start: number; end: number; text: string }>>();
    for (let i = 0; i + 2 < ws.length; i++) {
      const of = ws[i + 1]!;
      if (of.text.toLowerCase() !== 'of') continue;
      const a = ws[i]!;
      const c = ws[i + 2]!;
      if (!/^\s+$/.test(t.slice(a.end, of.start)) || !/^\s+$/.test(t.slice(of.end, c.start))) continue;
      if (/[\p{N}]/u.test(t[a.start - 1] ?? '') || /[\p{N}]/u.test(t[c.end] ?? '')) continue;
      const k = `${a.text.toLowerCase()} of ${c.text.toLowerCase()}`;
      const list = ofForms.get(k) ?? [];
      list.push({ start: a.start, end: c.end, text: t.slice(a.start, c.end) });
      ofForms.set(k, list);
    }
    const hits: CheckHit[] = [];
    for (const [key, list] of forms) {
      // The text's own form: the most frequent one, the first used on a tie.
      const counts = new Map<string, number>();
      for (const o of list) counts.set(o.form, (counts.get(o.form) ?? 0) + 1);
      let first = list.reduce((best, o) => (counts.get(o.form)! > counts.get(best.form)! ? o : best), list[0]!);
      // A title before a name is capitalised ("President Donald Trump"), whichever form is more frequent.
      const beforeName = list.every((o) => /^\p{Lu}/u.test(o.form.split(' ')[1]!));
      if (beforeName) first = list.find((o) => /^\p{Lu}/u.test(o.form)) ?? first;
      // Case variants: the pair appears with different capitals (outside sentence starts).
      for (const o of list) {
        if (o.form === first.form || covered(o.start, o.end) || ctx.allow.has(o.form)) continue;
        const where = list.find((x) => x.form === first.form)!;
        hits.push({
          start: o.start,
          end: o.end,
          suggestion: first.form,
          message: `"${o.form}" is written "${first.form}" elsewhere in the text (line ${ctx.lines.position(where.start).line})`,
        });
      }
      // The "of" form of the same term: "volunteer coalition" ↔ "coalition of volunteers".
      const [mod, head] = key.split(' ') as [string, string];
      for (const variant of [`${head} of ${mod}`, `${head} of ${mod}s`, `${head} of ${mod}es`]) {
        for (const m of ofForms.get(variant) ?? []) {
          // "Minister of Foreign Affairs" is not the "of" form of "Foreign Minister": the name goes on.
          if (covered(m.start, m.end) || ctx.allow.has(m.text) || /^\s+\p{Lu}/u.test(t.slice(m.end, m.end + 3))) continue;
          if (/^\s+\p{Lu}/u.test(t.slice(first.end, first.end + 3))) continue;
          const after = m.start > first.start;
          hits.push(
            after
              ? { start: m.start, end: m.end, suggestion: first.form, message: `"${m.text}" is called "${first.form}" elsewhere in the text (line ${ctx.lines.position(first.start).line})` }
              : { start: first.start, end: first.end, suggestion: m.text, message: `"${first.form}" is called "${m.text}" elsewhere in the text (line ${ctx.lines.position(m.start).line})` },
          );
        }
      }
    }
    // One hit per span (a span may be reached through several keys).
    const seen = new Set<string>();
    return hits
      .filter((h) => {
        const k = `${h.start}:${h.end}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .sort((a, b) => a.start - b.start);
  },
};

function sentenceStart(t: string, at: number): boolean {
  const before = t.slice(Math.max(0, at - 6), at);
  return at === 0 || /(?:^|[.!?:]["”’)\]]*\s+|\n\s*|["“(]\s*)$/u.test(before);
}
