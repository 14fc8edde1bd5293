// kuromoji for Japanese: tokens, POS (IPADIC: 名詞 動詞 …) and base forms. Its dictionary loads asynchronously
// (node_modules/kuromoji/dict, ~1 s): load() builds it once; until then tag() answers undefined and the words
// come from Intl.Segmenter's dictionary.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MorphToken, Morphology } from '../types.js';

const require = createRequire(import.meta.url);
interface KToken {
  surface_form: string;
  pos: string;
  basic_form: string;
  word_position: number;
}
interface Tokenizer {
  tokenize(text: string): KToken[];
}
let tokenizer: Tokenizer | undefined;
let loading: Promise<void> | undefined;

export const kuromojiMorphology: Morphology = {
  name: 'kuromoji',
  load() {
    loading ??= new Promise<void>((resolve, reject) => {
      const kuromoji = require('kuromoji') as { builder(o: { dicPath: string }): { build(cb: (e: unknown, t: Tokenizer) => void): void } };
      const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
      kuromoji.builder({ dicPath }).build((err, t) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else {
          tokenizer = t;
          resolve();
        }
      });
    });
    return loading;
  },
  tag(text, from = 0, to = text.length) {
    if (!tokenizer) return undefined;
    const out: MorphToken[] = [];
    let at = from;
    for (const t of tokenizer.tokenize(text.slice(from, to))) {
      const start = from + t.word_position - 1;
      at = start + t.surface_form.length;
      out.push({ text: t.surface_form, start, end: at, pos: t.pos, lemma: t.basic_form === '*' ? t.surface_form : t.basic_form });
    }
    return out;
  },
};
