// jieba (@node-rs/jieba, jieba-rs) for Chinese words and their POS (ICTCLAS tags: n v a m …), built on first use
// (the default dictionary, ~350 ms).
import { createRequire } from 'node:module';
import type { MorphToken, Morphology } from '../types.js';

const require = createRequire(import.meta.url);
interface Jieba {
  tag(s: string, hmm?: boolean): Array<{ word: string; tag: string }>;
}
let jieba: Jieba | undefined;
function load(): Jieba {
  if (!jieba) {
    const { Jieba: J } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): Jieba } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = J.withDict(dict);
  }
  return jieba;
}

export const jiebaMorphology: Morphology = {
  name: 'jieba',
  load: async () => void load(),
  tag(text, from = 0, to = text.length) {
    const out: MorphToken[] = [];
    let at = from;
    for (const { word, tag } of load().tag(text.slice(from, to), true)) {
      out.push({ text: word, start: at, end: at + word.length, pos: tag, lemma: word });
      at += word.length;
    }
    return out;
  },
};

/** jieba's words that hold a letter (punctuation, spaces and numbers are not words). */
export function jiebaWords(text: string, from = 0, to = text.length) {
  return (jiebaMorphology.tag(text, from, to) ?? []).filter((t) => /\p{L}/u.test(t.text) && t.pos !== 'x' && t.pos !== 'm').map(({ text: t, start, end }) => ({ text: t, start, end }));
}
