import type { CheckHit, CheckRule } from '../types.js';
import { contextWords } from '../text.js';

// A name spelled two ways in one document: "Volodyr" and "Volodymyr" (the MT dropped two letters). Two
// capitalised words are the same name misspelt when they differ by one or two letters inside the word — same
// first three and last two letters, neither a prefix of the other (so "Russia"/"Russian", "Trump"/"Trumps" and
// "Ukraine"/"Ukrainian" are derivations, not variants) — and the dictionary does not know one of them. The form
// used more often (the longer one on a tie: MT truncates more than it invents) is taken as the document's own.

function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export const nameVariant: CheckRule = {
  id: 'check/name-variant',
  category: 'locale-convention/name',
  type: 'R:SPELL',
  severity: 'major',
  description: 'A name spelled two ways in one document ("Volodyr" / "Volodymyr"): one or two letters differ inside the word',
  appliesTo: (pack) => !pack.unspaced,
  run(ctx) {
    const forms = new Map<string, Array<{ start: number; end: number }>>();
    for (const w of contextWords(ctx)) {
      if (w.text.length < 5 || !/^\p{Lu}\p{Ll}+$/u.test(w.text)) continue;
      const list = forms.get(w.text);
      if (list) list.push(w);
      else forms.set(w.text, [w]);
    }
    // Candidates meet only within a bucket of the same first three letters.
    const buckets = new Map<string, string[]>();
    for (const f of forms.keys()) {
      const k = f.slice(0, 3);
      const b = buckets.get(k);
      if (b) b.push(f);
      else buckets.set(k, [f]);
    }
    const hits: CheckHit[] = [];
    for (const list of buckets.values()) {
      if (list.length < 2 || list.length > 200) continue;
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          // Letters dropped or added (not replaced: "Stashen"/"Starten" are two words), not an inflection.
          if (a.slice(-2) !== b.slice(-2) || a.startsWith(b) || b.startsWith(a)) continue;
          const d = distance(a, b, 2);
          if (d > 2 || d !== Math.abs(a.length - b.length) || ctx.pack.stem(a) === ctx.pack.stem(b)) continue;
          if (ctx.pack.isWord(a) !== false && ctx.pack.isWord(b) !== false) continue;
          if (ctx.allow.has(a) || ctx.allow.has(b)) continue;
          const na = forms.get(a)!.length;
          const nb = forms.get(b)!.length;
          const [own, other] = na > nb || (na === nb && a.length > b.length) ? [a, b] : [b, a];
          for (const o of forms.get(other)!) {
            // Where every noun is capitalised (German), the pair is a word misspelt, not necessarily a name: minor.
            hits.push({
              start: o.start,
              end: o.end,
              suggestion: own,
              message: `"${other}" is spelled "${own}" elsewhere in the document: ${ctx.pack.capitalisesNouns ? 'one word' : 'one name'} written two ways`,
              ...(ctx.pack.capitalisesNouns ? { severity: 'minor' as const } : {}),
            });
          }
        }
      }
    }
    return hits.sort((x, y) => x.start - y.start);
  },
};
