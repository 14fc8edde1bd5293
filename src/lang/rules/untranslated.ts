// Source words left in the MT, for any target language: MT words of the edit that the target's dictionary does
// not know and that occur in the source (and, when the source language has a dictionary, are words of it).
import { change } from '../../classify/describe.js';
import { severityOf } from '../../classify/severity.js';
import type { Rule } from '../../classify/types.js';
import { packFor } from '../index.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const packUntranslatedRule: Rule = {
  id: 'lang/untranslated',
  describe: 'MT words unknown to the target dictionary that occur in the source (words of the source language) → accuracy/untranslated, major',
  applies: (v) => v.ctx.source !== undefined,
  classify(v) {
    const target = packFor(v.lang.code);
    if (!target.hasDictionary) return undefined;
    const words = v.mtWords.filter((w) => /\p{L}/u.test(w));
    if (words.length === 0 || !words.every((w) => target.isWord(w) === false)) return undefined;
    const source = v.ctx.source!.toLowerCase();
    const sourcePack = v.ctx.sourceLang ? packFor(v.ctx.sourceLang) : undefined;
    const ok = words.every(
      (w) =>
        new RegExp(`(?<!\\p{L})${escape(w.toLowerCase())}(?!\\p{L})`, 'u').test(source) &&
        (sourcePack?.isWord(w) ?? true),
    );
    if (!ok) return undefined;
    return { category: 'accuracy/untranslated', type: v.type, severity: severityOf('meaning-changed', v.ctx.correctedKind), message: `${change(v)}: left untranslated (in the source)` };
  },
};
