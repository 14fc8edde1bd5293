import type { CheckRule, CheckHit } from '../types.js';
import type { LanguagePack } from '../../lang/index.js';
import { words } from '../text.js';
import { isWord } from '../spell.js';
import { sourceUnits } from './source-pairs.js';

/** A source-language word copied into the MT (needs --source): lower-case, not an English word, and present in the
 *  corresponding source text. Capitalised words are left alone: names are rightly copied. */
export const untranslated: CheckRule = {
  id: 'check/untranslated',
  category: 'accuracy/untranslated',
  type: 'R:OTHER',
  severity: 'major',
  description: 'A source-language word left untranslated (with --source)',
  // Without a dictionary for the target, nothing tells a copied word from a word of the language.
  appliesTo: (pack) => pack.hasDictionary,
  run(ctx) {
    if (ctx.source === undefined) return [];
    const hits: CheckHit[] = [];
    for (const unit of sourceUnits(ctx.text, ctx.source)) {
      const src = new Set(words(unit.source).map((w) => w.text.toLowerCase()));
      const ws = words(ctx.text, unit.mt.start, unit.mt.end);
      ws.forEach((w, i) => {
        if (w.end > unit.mt.end || w.text.length < 3 || !/^\p{Ll}/u.test(w.text) || ctx.allow.has(w.text)) return;
        if (!src.has(w.text.toLowerCase()) || isWord(w.text, ctx.pack) || LOANWORDS.has(w.text)) return;
        // A word the source language does not know is no source word (when its dictionary can tell).
        if (ctx.sourcePack?.isWord(w.text) === false) return;
        // Part of a name or title kept in the original ("Elephas falconeri", "Păcuiul lui Soare"): a neighbour
        // that is a capitalised non-English word.
        if (foreignNeighbour(ws, i, ctx.pack)) return;
        // A placeholder's or markup's name ("{{ limit }}", "%(count)s", "<code>", "--force") is code, kept on purpose.
        if (inCode(ctx.text, w.start, w.end)) return;
        hits.push({ start: w.start, end: w.end, message: `"${w.text}" is copied from the source, not translated` });
      });
    }
    return hits;
  },
};

// Latin and other loanwords English keeps as they are (and that the en-US dictionary lacks).
const LOANWORDS = new Set([
  'facto', 'jure', 'versa', 'alia', 'situ', 'vitro', 'vivo', 'priori', 'posteriori', 'bona', 'fide', 'quo',
  'hoc', 'se', 'mortem', 'absentia', 'extremis', 'memoriam', 'loco', 'passim', 'sic', 'infra', 'supra',
]);

function foreignNeighbour(ws: Array<{ text: string }>, i: number, pack: LanguagePack): boolean {
  for (const j of [i - 2, i - 1, i + 1, i + 2]) {
    const n = ws[j]?.text;
    if (n && /^\p{Lu}/u.test(n) && !isWord(n, pack)) return true;
  }
  return false;
}

/** Is the word part of a placeholder, option, variable, dotted identifier or quoted command ('git apply')
 *  rather than prose? */
function inCode(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  const after = text.slice(end, end + 3);
  if (/(?:[{%$<\\/_=`.]|--?|\{\s*|%\()$/u.test(before) || /^(?:\s*\}|[%>_=`(.]\S|\)s)/u.test(after)) return true;
  // Inside ASCII quotes or backticks on its line (typographic text uses its own marks): a command or option name.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
  for (const q of ["'", '`', '"']) {
    const open = text.slice(lineStart, start).split(q).length - 1;
    if (open % 2 === 1 && text.slice(end, lineEnd).includes(q)) return true;
  }
  return false;
}
