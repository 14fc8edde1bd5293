import { isPlaceholderChar } from '../../io/formats/piece.js';
import type { LanguagePack } from '../../lang/types.js';
import type { UnitHit, UnitRule } from '../units.js';

// The punctuation that ends a unit, by class (full stop, colon, question, exclamation, ellipsis): a question
// that becomes a statement, a label's colon that is lost. Each class has its forms in every script (。 is a full
// stop, ？ a question, ؟ the Arabic question mark, ; the Greek one); which of them the target language writes is
// what the target's pack says (typography.punctuation, CLDR's punctuation exemplars), so a Spanish
// question must also open with ¿ and a Greek one may end with ;.

type Klass = 'stop' | 'colon' | 'question' | 'exclamation' | 'ellipsis';

const CLASS: Record<string, Klass> = {
  '.': 'stop', '。': 'stop', '｡': 'stop', '।': 'stop', '۔': 'stop', '።': 'stop', '︒': 'stop', '．': 'stop',
  ':': 'colon', '：': 'colon', '︓': 'colon',
  '?': 'question', '？': 'question', '؟': 'question', '՞': 'question', ';': 'question',
  '!': 'exclamation', '！': 'exclamation', '՜': 'exclamation',
  '…': 'ellipsis', '⋯': 'ellipsis',
};
const NAME: Record<Klass, string> = { stop: 'a full stop', colon: 'a colon', question: 'a question mark', exclamation: 'an exclamation mark', ellipsis: 'an ellipsis' };

/** The class of the unit's last punctuation (closing quotes, brackets, spaces and tags skipped), and its offset. */
function endOf(s: string, pack?: LanguagePack): { klass?: Klass; at: number } {
  let k = s.length;
  while (k > 0 && (/[\s"'”’»«“)\]}*]/u.test(s[k - 1]!) || isPlaceholderChar(s[k - 1]!))) k--;
  if (s.slice(Math.max(0, k - 3), k) === '...') return { klass: 'ellipsis', at: k - 3 };
  const ch = s[k - 1] ?? '';
  // ";" is a question mark only where the language writes it so (Greek); elsewhere it ends a clause.
  const punct = pack?.typography.punctuation ?? '';
  if (ch === ';' && !(punct.includes(';') && !punct.includes('?'))) return { at: k };
  const klass = CLASS[ch];
  return klass ? { klass, at: k - 1 } : { at: k };
}

export const endPunctuation: UnitRule = {
  id: 'check/end-punctuation',
  category: 'fluency/punctuation',
  type: 'R:PUNCT',
  severity: 'minor',
  description: 'The unit ends with another class of punctuation than its source (full stop, colon, question, exclamation, ellipsis), in the target language\'s forms (。 ？ ¿…?)',
  equivalent: { pofilter: 'endpunc, sentencecount', weblate: 'end-stop, end-colon, end-question, end-exclamation, end-ellipsis' },
  scope: 'all languages; forms and the opening ¿ ¡ from CLDR punctuation exemplars of the target language',
  needsSource: true,
  run(unit, ctx) {
    const src = endOf(unit.source!, ctx.sourcePack);
    const tgt = endOf(unit.target, ctx.pack);
    const hits: UnitHit[] = [];
    // A one-word label or a number has no sentence punctuation to keep.
    if (!/\p{L}/u.test(unit.source!) || !/\p{L}/u.test(unit.target)) return [];
    // Ellipsis and full stop are the same end to a reader when one side abbreviates ("etc." / "usw.").
    if (src.klass !== tgt.klass && !(src.klass === 'ellipsis' && tgt.klass === 'stop' && unit.target.slice(tgt.at - 2, tgt.at + 1) === '...')) {
      // A Japanese/Chinese UI string often drops the final 。 of a short label; a full stop is not required there.
      const optionalStop = src.klass === 'stop' && tgt.klass === undefined && ctx.pack.typography.fullWidthPunctuation;
      // A full stop added to a message the source leaves open is a translator's style (git's German ends its
      // messages so), not a change of meaning; a lost or changed end is.
      // So is a full stop dropped from a message (Bulgarian git leaves them off): a lost or changed question,
      // colon, exclamation or ellipsis changes what the reader is told.
      const addedStop = (src.klass === undefined && tgt.klass === 'stop') || (src.klass === 'stop' && tgt.klass === undefined);
      // A usage line's repeated argument: "[ОПЦИЯ…]", "ФАЙЛ…" for "[<options>]", "<file>..." (git's Bulgarian
      // writes argument names so): the source ends in an argument placeholder, the ellipsis is no sentence end.
      const argumentEllipsis = src.klass === undefined && tgt.klass === 'ellipsis' && /[>\]]\s*$/u.test(unit.source!) && /\p{L}(?:…|\.\.\.)[\]\s]*$/u.test(unit.target);
      if (!optionalStop && !addedStop && !argumentEllipsis) {
        hits.push({
          start: tgt.klass ? tgt.at : tgt.at,
          end: tgt.klass ? tgt.at + (tgt.klass === 'ellipsis' && unit.target[tgt.at] === '.' ? 3 : 1) : tgt.at,
          message: src.klass ? `the source ends with ${NAME[src.klass]}, the target ${tgt.klass ? `with ${NAME[tgt.klass]}` : 'without one'}` : `ends with ${NAME[tgt.klass!]}; the source has no end punctuation`,
        });
      }
    }
    // Inverted opening marks where the language writes them (Spanish ¿ ¡).
    const punct = ctx.pack.typography.punctuation;
    for (const [open, klass] of [['¿', 'question'], ['¡', 'exclamation']] as const) {
      if (tgt.klass === klass && punct.includes(open) && !unit.target.includes(open) && unit.target.length > 12) {
        hits.push({ start: 0, end: 0, suggestion: open, message: `a ${ctx.pack.name} ${klass === 'question' ? 'question' : 'exclamation'} opens with "${open}"` });
      }
    }
    return hits;
  },
};
