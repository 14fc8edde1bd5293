import { describe, expect, it } from 'vitest';
import { alignTokens, substitutionCost, type AlignOp } from '../../src/align/align-tokens.js';
import { tokenize } from '../../src/align/tokenize.js';

const align = (a: string, b: string): AlignOp[] => alignTokens(tokenize(a), tokenize(b));
const kinds = (ops: AlignOp[]): string => ops.map((o) => o.op).join(' ');

describe('substitutionCost (ERRANT weights)', () => {
  it('is 0 for a case change and below 2 (delete + insert) otherwise', () => {
    expect(substitutionCost('With', 'with')).toBe(0);
    for (const [a, b] of [
      ['Volodyr', 'Volodymyr'],
      ['safety', 'security'],
      ['the', ','],
      ['x', 'completely'],
    ] as const) {
      const c = substitutionCost(a, b);
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThan(2);
    }
  });

  it('prefers related words: a misspelling costs less than an unrelated word', () => {
    expect(substitutionCost('Volodyr', 'Volodymyr')).toBeLessThan(substitutionCost('Volodyr', 'Zelensky'));
    expect(substitutionCost('guarantee', 'guarantees')).toBeLessThan(substitutionCost('guarantee', 'security'));
  });
});

describe('alignTokens', () => {
  it('matches identical tokens and substitutes changed ones', () => {
    expect(kinds(align('President Volodyr Zelensky', 'President Volodymyr Zelensky'))).toBe('M S M');
  });

  it('makes an adjacent swap one transposition ("call conference" → "conference call")', () => {
    const ops = align('a virtual call conference with', 'a virtual conference call with');
    expect(kinds(ops)).toBe('M M T M');
    expect(ops[2]).toMatchObject({ op: 'T', i1: 2, i2: 4, j1: 2, j2: 4 });
  });

  it('makes a reordered block one transposition ("absence remarkable" → "remarkable absence")', () => {
    expect(kinds(align('the absence remarkable of Canada', 'the remarkable absence of Canada'))).toBe('M T M M');
  });

  it('pairs a phrase deleted in one place and inserted identically elsewhere into one move', () => {
    const ops = align(
      'the leaders met on Monday in Paris to discuss peace and security',
      'the leaders met in Paris to discuss peace and security on Monday',
    );
    const md = ops.filter((o) => o.op === 'MD');
    const mi = ops.filter((o) => o.op === 'MI');
    expect(md).toHaveLength(1);
    expect(mi).toHaveLength(1);
    expect(md[0]).toMatchObject({ i1: 3, i2: 5 });
    expect(mi[0]).toMatchObject({ j1: 10, j2: 12 });
    expect(md[0]!.move).toBe(mi[0]!.move);
    expect(ops.filter((o) => o.op === 'D' || o.op === 'I')).toEqual([]);
  });

  it('does not call a lone comma or a short function word a move', () => {
    const ops = align('Yes , we can do it now', 'Yes we can do it , now');
    expect(ops.some((o) => o.op === 'MD' || o.op === 'MI')).toBe(false);
  });

  it('covers both token sequences completely and in order', () => {
    const a = tokenize('“There is now an opportunity to put an end to the illegal war,” said Federal Foreign Minister Anita Anand.');
    const b = tokenize('“There is an opportunity now to end the illegal war,” said Foreign Affairs Minister Anita Anand.');
    const ops = alignTokens(a, b);
    let i = 0;
    let j = 0;
    for (const o of ops) {
      if (o.op === 'MD' || o.op === 'MI') {
        // move halves keep their place on their own side
        if (o.op === 'MD') expect(o.i1).toBe(i);
        else expect(o.j1).toBe(j);
      } else {
        expect([o.i1, o.j1]).toEqual([i, j]);
      }
      i = o.i2;
      j = o.j2;
    }
    expect([i, j]).toEqual([a.length, b.length]);
  });

  it('aligns a 20,000-token line by unique-token anchors', () => {
    const words = Array.from({ length: 20000 }, (_, k) => `t${k}`);
    const changed = words.map((w, k) => (k % 20 === 0 ? `${w}x` : w));
    const ops = alignTokens(tokenize(words.join(' ')), tokenize(changed.join(' ')));
    expect(ops.filter((o) => o.op === 'S')).toHaveLength(1000);
    expect(ops.filter((o) => o.op === 'M')).toHaveLength(19000);
  });

  it('gives up on alignment inside two long unrelated blocks instead of searching them (one edit)', () => {
    const a = Array.from({ length: 4000 }, (_, k) => `a${k % 7}`).join(' ');
    const b = Array.from({ length: 4000 }, (_, k) => `b${k % 5}`).join(' ');
    const ops = alignTokens(tokenize(a), tokenize(b));
    expect(ops.filter((o) => o.op === 'D')).toHaveLength(4000);
    expect(ops.filter((o) => o.op === 'I')).toHaveLength(4000);
  });

  it('aligns very long segments in bounded memory (LCS hunks first)', () => {
    const words = Array.from({ length: 3000 }, (_, k) => `w${k % 97}x${k}`);
    const changed = words.map((w, k) => (k % 50 === 0 ? `${w}y` : w));
    const ops = alignTokens(tokenize(words.join(' ')), tokenize(changed.join(' ')));
    expect(ops.filter((o) => o.op === 'S')).toHaveLength(60);
    expect(ops.filter((o) => o.op === 'M')).toHaveLength(2940);
  });
});

describe('move detection', () => {
  it('ignores a lone function word deleted in one place and added in another', () => {
    const ops = align('the coalition of volunteers is adding the structure', 'the coalition of the Willing is adding structure');
    expect(ops.some((o) => o.op === 'MD' || o.op === 'MI')).toBe(false);
  });
});
