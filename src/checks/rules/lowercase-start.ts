import type { CheckRule, CheckHit } from '../types.js';
import { lineRanges } from '../text.js';
import { isInitialOrDotted } from '../../lang/boundaries.js';
import { sourceLineAt } from './source-pairs.js';

// Ends a sentence: . ! ? (an ellipsis does not: the sentence may go on in lower case).
const TERMINAL = /(?<!\.)[.!?]["'”’»)\]]*$/u;
// A sentence end inside a line, then a lower-case word. `?`/`!` before a closing quote are left out: “Why?” he asked.
const INLINE = /(?<![.…])([.!?])(?!\.)(?: *["”’»)\]])* +(?=\p{Ll})/gu;
const WORD_AT = /^\p{Ll}[\p{L}\p{M}'’-]*/u;

/** A sentence that starts with a lower-case letter (after a full stop, or at the start of a paragraph). */
export const lowercaseStart: CheckRule = {
  id: 'check/lowercase-start',
  category: 'fluency/spelling',
  type: 'R:ORTH',
  severity: 'minor',
  description: 'A sentence that starts with a lower-case letter',
  run(ctx) {
    const hits: CheckHit[] = [];
    const t = ctx.text;
    const add = (at: number) => {
      const m = WORD_AT.exec(t.slice(at, at + 60));
      if (!m) return;
      const word = m[0];
      // "iPhone", "eBay", "mRNA": brand and technical words keep their lower-case start.
      if (/\p{Lu}/u.test(word) || ctx.allow.has(word)) return;
      // A Latin word at the start of a sentence in a caseless script ("falseでなければなりません。") is a literal.
      if (ctx.pack.unspaced) return;
      // A word the source writes in lower case too, as it stands ("git bisect", "squash!"), is a command or a name.
      const src = ctx.source !== undefined ? sourceLineAt(t, ctx.source, at) : undefined;
      if (src !== undefined && new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(src)) return;
      const fixed = word[0]!.toUpperCase() + word.slice(1);
      hits.push({ start: at, end: at + word.length, suggestion: fixed, message: `The sentence starts in lower case: "${fixed}"` });
    };
    const lines = lineRanges(t);
    let prevEndsSentence = true; // the start of the text starts a sentence
    for (const line of lines) {
      const text = t.slice(line.start, line.end);
      const trimmed = text.trim();
      if (trimmed === '') {
        prevEndsSentence = true;
        continue;
      }
      const lead = text.length - text.trimStart().length;
      // Without closing punctuation on the previous line, a lower-case line is a broken sentence, not this rule's.
      // A segment whose source also starts in lower case is a fragment (corpora cut from longer text); one whose
      // source starts with code — an option, a placeholder, a tag ("--author '%s' is not…") — may start its
      // translation in lower case before it ("опцията „--author…“": git's Bulgarian).
      const src = sourceLineAt(t, ctx.source, line.start)?.trimStart();
      if (prevEndsSentence && !(src && /^(?:\p{Ll}|--?\p{L}|[%$<{`])/u.test(src))) add(line.start + lead);
      for (const m of text.matchAll(INLINE)) {
        const before = text.slice(0, m.index).trimEnd();
        const prevWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
        if (m[1] !== '.' && /["”’»]/u.test(m[0])) continue; // “Why?” he asked.
        if (m[1] === '.' && (ctx.pack.isAbbreviation(prevWord) || isInitialOrDotted(prevWord) || /^\p{L}$/u.test(prevWord) || /\.\p{L}$/u.test(prevWord))) continue;
        add(line.start + m.index + m[0].length);
      }
      prevEndsSentence = TERMINAL.test(trimmed);
    }
    return hits;
  },
};
