import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPreTokenised, tokenize } from '../../src/align/tokenize.js';
import { alignSegments } from '../../src/segment/align-segments.js';

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('splits punctuation from words and keeps offsets absolute', () => {
    const s = 'xx “Ukraine,” he said.';
    const toks = tokenize(s, { start: 3, end: s.length });
    expect(toks.map((t) => t.text)).toEqual(['“', 'Ukraine', ',', '”', 'he', 'said', '.']);
    for (const t of toks) expect(s.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps hyphenated words, abbreviations, numbers and possessives whole', () => {
    expect(texts('the large-scale face-to-face talks in the U.S. and U.K., e.g. 1,500 troops, 3.14 and 10:30')).toEqual([
      'the', 'large-scale', 'face-to-face', 'talks', 'in', 'the', 'U.S.', 'and', 'U.K.', ',', 'e.g.', '1,500', 'troops', ',',
      '3.14', 'and', '10:30',
    ]);
    // Possessives stay inside the word (a span then always covers the whole word): documented choice.
    expect(texts('Carney’s office and Carney\'s spokesperson, the leaders’ call')).toEqual([
      'Carney’s', 'office', 'and', "Carney's", 'spokesperson', ',', 'the', 'leaders', '’', 'call',
    ]);
    expect(texts('Mr. Carney, Ms. Anand, Dr. No, MM. Zelensky and Putin, M. Macron, J. R. R. Tolkien')).toEqual([
      'Mr.', 'Carney', ',', 'Ms.', 'Anand', ',', 'Dr.', 'No', ',', 'MM.', 'Zelensky', 'and', 'Putin', ',', 'M.', 'Macron', ',',
      'J.', 'R.', 'R.', 'Tolkien',
    ]);
  });

  it('separates merged-token errors only where the text does', () => {
    expect(texts('of theTake in thespecial large -scale')).toEqual(['of', 'theTake', 'in', 'thespecial', 'large', '-', 'scale']);
  });

  it('keeps runs of the same punctuation, emoji with modifiers, and URLs together', () => {
    expect(texts('Wait... -- really?! ok👍🏽👍 see https://example.org/a?b=c.')).toEqual([
      'Wait', '...', '--', 'really', '?', '!', 'ok', '👍🏽', '👍', 'see', 'https://example.org/a?b=c', '.',
    ]);
  });

  it('recognises already tokenised text and then keeps exactly the space-separated tokens', () => {
    expect(isPreTokenised('On 17 June , Pétain declared it , I will say today .')).toBe(true);
    expect(isPreTokenised('On 17 June, Pétain declared it. I will say today.')).toBe(false);
    expect(texts("It 's the U.S. army 's \" best \" unit .")).toEqual(['It', "'s", 'the', 'U.S.', 'army', "'s", '"', 'best', '"', 'unit', '.']);
  });

  it.each(['ro-en-dev', 'et-en-dev'])('gives exactly the space-separated tokens on the MLQE-PE %s corpus', (dir) => {
    const mt = readFileSync(`tests/fixtures/mlqe-pe/${dir}/dev.mt`, 'utf8');
    const pe = readFileSync(`tests/fixtures/mlqe-pe/${dir}/dev.pe`, 'utf8');
    const pairs = alignSegments(mt, pe, { segmentation: 'lines' });
    expect(pairs.length).toBe(1000);
    for (const p of pairs) {
      expect(p.mtTokens.map((t) => t.text)).toEqual(mt.slice(p.mt.start, p.mt.end).split(' ').filter(Boolean));
      expect(p.correctedTokens.map((t) => t.text)).toEqual(pe.slice(p.corrected.start, p.corrected.end).split(' ').filter(Boolean));
    }
  });

  it('covers every non-whitespace character exactly once', () => {
    const s = 'A “quoted” text — with 😀, naïve café, 3.5%, (brackets) [and] {braces}… end.\tTab\r\nline';
    const toks = tokenize(s);
    let rebuilt = '';
    let at = 0;
    for (const t of toks) {
      expect(s.slice(at, t.start).trim()).toBe('');
      rebuilt += t.text;
      at = t.end;
    }
    expect(rebuilt).toBe(s.replace(/\s+/gu, ''));
  });
});
