import type { CheckRule, CheckHit } from '../types.js';
import type { LanguagePack } from '../../lang/index.js';
import type { Token } from '../../model.js';
import { words } from '../text.js';
import { isWord } from '../spell.js';
import { sourceUnits } from './source-pairs.js';

/** Source-language words copied into the MT (needs --source).
 *
 *  A copied word is one of the unit's source words that the target language's dictionary does not know, that is
 *  not code (a placeholder's name, an option, a quoted command, a path), not an acronym and not a name (written
 *  with a capital elsewhere in the text: "git" / "Git"). What is reported depends on the source language:
 *  - from English, one copied word is no evidence: software and technical text in every language keeps English
 *    terms and literals ("Dieser Wert sollte false sein.", "ein Remote-Repository", "git notes"); a run of three
 *    source words or more, two of them copied, is a phrase left in English ("We recommend adding an additional")
 *    and is major;
 *  - from another language (an MT into English from Romanian…), a single copied word is already major: those
 *    languages lend no vocabulary to the target ("The dischetele are called floppy disks").
 *  A unit whose whole target is its source is check/unchanged's finding (once), not one finding per word. */
export const untranslated: CheckRule = {
  id: 'check/untranslated',
  category: 'accuracy/untranslated',
  type: 'R:OTHER',
  severity: 'major',
  description: 'Source-language words left untranslated (with --source): a phrase of three words from English, one word from other languages',
  // Without a dictionary for the target, nothing tells a copied word from a word of the language.
  appliesTo: (pack) => pack.hasDictionary,
  run(ctx) {
    if (ctx.source === undefined) return [];
    const hits: CheckHit[] = [];
    const fromEnglish = ctx.sourcePack?.code === 'en';
    const names = capitalisedForms(ctx.text, ctx.pack);
    for (const unit of sourceUnits(ctx.text, ctx.source)) {
      if (ctx.text.slice(unit.mt.start, unit.mt.end).trim() === unit.source.trim()) continue;
      const src = new Set(words(unit.source).map((w) => w.text.toLowerCase()));
      const ws = words(ctx.text, unit.mt.start, unit.mt.end).filter((w) => w.end <= unit.mt.end);
      const copied = ws.map((w, i) => isCopied(ws, i, src, names, ctx));
      if (!fromEnglish) {
        ws.forEach((w, i) => {
          if (copied[i] && /^\p{Ll}/u.test(w.text)) hits.push({ start: w.start, end: w.end, message: `"${w.text}" is copied from the source, not translated` });
        });
        continue;
      }
      // Runs of source words, adjacent in the MT: the copied ones and the source words between and around them
      // that the target's dictionary happens to accept ("an", "we"; German Hunspell takes "additional"). A name
      // ("git" in "git bisect start") or code does not join a run: a command line is not a phrase.
      const sourceWord = (k: number) => src.has(ws[k]!.text.toLowerCase()) && !names.has(ws[k]!.text.toLowerCase()) && !inCode(ctx.text, ws[k]!.start, ws[k]!.end, ctx.pack);
      let i = 0;
      while (i < ws.length) {
        const member = (k: number) => copied[k] || sourceWord(k);
        if (!member(i)) {
          i++;
          continue;
        }
        let j = i;
        // Only spaces between them: "traditional, matching, no" is a list of option values, not a phrase.
        while (j + 1 < ws.length && member(j + 1) && /^\s+$/u.test(ctx.text.slice(ws[j]!.end, ws[j + 1]!.start))) j++;
        const run = ws.slice(i, j + 1);
        const nCopied = run.filter((_, k) => copied[i + k]).length;
        // A usage line ("test-helper simple-ipc send   [<Name>] [<Token>]"): lower-case words before arguments.
        const end = run[run.length - 1]!.end;
        const usage = run.every((w) => w.text === w.text.toLowerCase()) && /^\s*(?:\[|<|--?\p{L})/u.test(ctx.text.slice(end, end + 40));
        if (run.length >= 3 && nCopied >= 2 && !usage) {
          const text = ctx.text.slice(run[0]!.start, run[run.length - 1]!.end);
          hits.push({ start: run[0]!.start, end: run[run.length - 1]!.end, message: `"${text}" is copied from the source, not translated` });
        }
        i = j + 1;
      }
    }
    return hits;
  },
};

/** Is word i a source word copied as it is, and not a word of the target language, code, an acronym or a name? */
function isCopied(ws: Token[], i: number, src: ReadonlySet<string>, names: ReadonlySet<string>, ctx: Parameters<CheckRule['run']>[0]): boolean {
  // Every test below is a pure "no"; the cheap ones come first so that dictionary look-ups (German compounds
  // are split into known parts, ~n² look-ups a word) run only for the few words that pass them.
  const w = ws[i]!.text;
  if (w.length < 3 || ctx.allow.has(w) || !src.has(w.toLowerCase())) return false;
  if (LOANWORDS.has(w.toLowerCase())) return false;
  // An acronym or a product written in capitals ("HTTP", "ISBN"): the same in every language.
  if (w === w.toUpperCase()) return false;
  // A name: capitalised where it is not a sentence start elsewhere ("Git" beside "git clone").
  if (/^\p{Ll}/u.test(w) && names.has(w.toLowerCase())) return false;
  // A placeholder's or markup's name ("{{ limit }}", "%(count)s", "<code>", "--force") is code, kept on purpose.
  if (inCode(ctx.text, ws[i]!.start, ws[i]!.end, ctx.pack)) return false;
  // A word the source language does not know is no source word (when its dictionary can tell). Asked before
  // the target's dictionary: git's "rebase", "refspec" stop here without a German compound split.
  if (ctx.sourcePack?.isWord(w) === false) return false;
  if (isWord(w, ctx.pack)) return false;
  // Part of a name or title kept in the original ("Elephas falconeri", "Păcuiul lui Soare").
  return !foreignNeighbour(ws, i, ctx.pack);
}

// Latin and other loanwords English keeps as they are (and that the en-US dictionary lacks).
const LOANWORDS = new Set([
  'facto', 'jure', 'versa', 'alia', 'situ', 'vitro', 'vivo', 'priori', 'posteriori', 'bona', 'fide', 'quo',
  'hoc', 'se', 'mortem', 'absentia', 'extremis', 'memoriam', 'loco', 'passim', 'sic', 'infra', 'supra',
]);

/** Lower-cased words the text writes with a capital after another word (not at a sentence start): names and, in
 *  a language that capitalises nouns, nouns ("Remote-Repository"). Word-initial capitals only, not acronyms. */
function capitalisedForms(text: string, pack: LanguagePack): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:)] )(\p{Lu}\p{Ll}[\p{L}-]*)/gu)) {
    const w = m[1]!;
    out.add(w.toLowerCase());
    if (pack.capitalisesNouns) for (const part of w.split('-')) out.add(part.toLowerCase());
  }
  return out;
}

function foreignNeighbour(ws: Array<{ text: string }>, i: number, pack: LanguagePack): boolean {
  for (const j of [i - 2, i - 1, i + 1, i + 2]) {
    const n = ws[j]?.text;
    if (n && /^\p{Lu}/u.test(n) && !isWord(n, pack)) return true;
  }
  return false;
}

/** Is the word part of a placeholder, option, variable, dotted identifier or quoted command ('git apply')
 *  rather than prose? */
function inCode(text: string, start: number, end: number, pack?: LanguagePack): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  const after = text.slice(end, end + 3);
  if (/(?:[{%$<\\/_=`.]|--?|\{\s*|%\()$/u.test(before) || /^(?:\s*\}|[%>_=`(.]\S|\)s)/u.test(after)) return true;
  // Inside quotes or backticks on its line (ASCII, or the target's CLDR quotation marks): a command, option or literal.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const line = { before: text.slice(lineStart, start), after: text.slice(end, nl === -1 ? text.length : nl) };
  for (const q of ["'", '`', '"']) {
    const open = line.before.split(q).length - 1;
    if (open % 2 === 1 && line.after.includes(q)) return true;
  }
  if (pack) {
    const q = pack.typography.quotes;
    for (const [o, c] of [[q.start, q.end], [q.alternateStart, q.alternateEnd]] as const) {
      if (o && c && o !== c && line.before.lastIndexOf(o) > line.before.lastIndexOf(c) && line.after.includes(c)) return true;
    }
  }
  return false;
}
