import { describe, expect, it } from 'vitest';
import { packFor } from '../../src/lang/index.js';
import { splitSentences } from '../../src/segment/sentences.js';
import { tokenize } from '../../src/align/tokenize.js';

const sentences = (code: string, t: string) => splitSentences(t, undefined, packFor(code)).map((r) => t.slice(r.start, r.end));
const tokens = (code: string, t: string) => tokenize(t, undefined, { pack: packFor(code) }).map((x) => x.text);

describe('sentences per language', () => {
  it('German: a date ordinal and CLDR abbreviations do not end a sentence; „…“ closes one', () => {
    expect(sentences('de', 'Der Vertrag wird am 15. Mai unterzeichnet. Das ist z. B. wichtig. Vgl. Abs. 3 hierzu.')).toEqual([
      'Der Vertrag wird am 15. Mai unterzeichnet.',
      'Das ist z. B. wichtig.',
      'Vgl. Abs. 3 hierzu.',
    ]);
    expect(sentences('de', 'Sie sagte: „Wir sind bereit.“\nDer Vertrag folgt.')).toEqual(['Sie sagte: „Wir sind bereit.“', 'Der Vertrag folgt.']);
    // In English a number's full stop before a month name ends the sentence (no ordinal dots).
    expect(sentences('en', 'The team won in 2015. May was hot.')).toEqual(['The team won in 2015.', 'May was hot.']);
  });
  it('French: M. and MM. are titles', () => {
    expect(sentences('fr', 'M. Dupont est arrivé. MM. Martin et Durand aussi.')).toEqual(['M. Dupont est arrivé.', 'MM. Martin et Durand aussi.']);
  });
  it('Spanish: Sra. and Dr. are CLDR abbreviations', () => {
    expect(sentences('es', 'La Sra. García habló con el Dr. López. Después se fue.')).toEqual(['La Sra. García habló con el Dr. López.', 'Después se fue.']);
  });
  it('Chinese and Japanese: 。！？ end a sentence without a space after them', () => {
    expect(sentences('zh', '他来了。她走了！你呢？')).toEqual(['他来了。', '她走了！', '你呢？']);
    expect(sentences('ja', '東京に行きました。「楽しかった。」と言った。')).toEqual(['東京に行きました。', '「楽しかった。」', 'と言った。']);
  });
});

describe('tokens per language', () => {
  it('keeps a pack abbreviation with its full stop', () => {
    expect(tokens('de', 'Vgl. Nr. 5.')).toEqual(['Vgl.', 'Nr.', '5', '.']);
    expect(tokens('fr', 'MM. Martin.')).toEqual(['MM.', 'Martin', '.']);
    expect(tokens('en', 'Mr. Smith left.')).toEqual(['Mr.', 'Smith', 'left', '.']);
  });
  it('cuts unspaced Chinese into jieba words, covering every character', () => {
    const t = '我们中出了一个叛徒，高15度。';
    const toks = tokenize(t, undefined, { pack: packFor('zh') });
    expect(toks.map((x) => x.text)).toEqual(['我们', '中出', '了', '一个', '叛徒', '，', '高', '15', '度', '。']);
    expect(toks.map((x) => x.text).join('')).toBe(t);
    for (const x of toks) expect(t.slice(x.start, x.end)).toBe(x.text);
  });
  it('German compounds stay one token', () => {
    expect(tokens('de', 'Die Bundesregierung hat damit Probleme.')).toEqual(['Die', 'Bundesregierung', 'hat', 'damit', 'Probleme', '.']);
  });
});
