// Properties: whatever edits the engine hands over — any token ranges, any text — the classifier answers for
// each, in the taxonomy, without throwing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyEdits, RULES } from '../../src/classify/index.js';
import { CATEGORIES, SEVERITIES } from '../../src/model.js';
import { diffEdits, makeEdits, tokenize } from './make-edit.js';

const VOCAB = [
  'the', 'a', 'Coalition', 'of', 'volunteers', 'Willing', 'NATO', 'theTake', 'Volodyr', 'Volodymyr', 'not', 'never',
  '1,500', '1 500', 'three', 'three-way', 'talks', 'is', 'are', 'have', 'been', 'discussing', 'safety', 'security',
  ',', '.', ':', '«', '»', '“', '”', "'s", 'MM.', 'Messrs.', 'large', '-scale', 'large-scale', '\n', 'increase',
  'decrease', 'illegal', 'legal', 'Photo', 'gramamtical', 'grammatical', 'café', 'dreaptā', '{0}', '<b>', '%s',
];
const text = fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' ').replace(/ \n /g, '\n'));
const ids = new Set(RULES.map((r) => r.id));

function valid(r: { category: string; severity: string; type: string; rule: string; message: string }): boolean {
  return (
    (CATEGORIES as readonly string[]).includes(r.category) &&
    (SEVERITIES as readonly string[]).includes(r.severity) &&
    (/^[MRU]:[A-Z]+(:[A-Z]+)?$/.test(r.type) || (r.type === 'UNK' && r.rule === 'no-change')) &&
    ids.has(r.rule) &&
    r.message.length > 0 &&
    !r.message.includes('\n')
  );
}

describe('classifier properties', () => {
  it('diff edits between random texts: one valid classification per edit', () => {
    fc.assert(
      fc.property(text, text, (mt, cor) => {
        const c = diffEdits(mt, cor);
        const res = classifyEdits(c.edits, c.ctx);
        expect(res.length).toBe(c.edits.length);
        for (const r of res) expect(valid(r)).toBe(true);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('arbitrary token ranges (even overlapping or empty ones) never throw', () => {
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (mt, cor, a, b, c, d) => {
        const n = tokenize(mt).length;
        const m = tokenize(cor).length;
        const [ms, me] = [a % (n + 1), b % (n + 1)].sort((x, y) => x - y) as [number, number];
        const [cs, ce] = [c % (m + 1), d % (m + 1)].sort((x, y) => x - y) as [number, number];
        const k = makeEdits(mt, cor, [[ms, me, cs, ce]]);
        const [r] = classifyEdits(k.edits, k.ctx);
        expect(valid(r!)).toBe(true);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('auditing a text against itself with forced whitespace-only edits gives typography, never content errors', () => {
    fc.assert(
      fc.property(text, (mt) => {
        const cor = mt.replace(/\n/g, ' ');
        if (cor === mt) return;
        const k = makeEdits(mt, cor, [[0, tokenize(mt).length, 0, tokenize(cor).length]]);
        const [r] = classifyEdits(k.edits, k.ctx);
        // (whitespace outside the first/last token is outside the edit: then the edit reads the same)
        expect(['fluency/typography', 'locale-convention/typography', 'other']).toContain(r!.category);
        if (r!.category === 'other') expect([r!.rule, r!.severity]).toEqual(['no-change', 'neutral']);
      }),
      { numRuns: 60, seed: 3 },
    );
  });
});

describe('analysis robustness', () => {
  it('any unicode text analyses to one TokenInfo per token without throwing', async () => {
    const { analyzeEnglish } = await import('../../src/classify/en/analyze.js');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const toks = tokenize(s);
        const infos = analyzeEnglish(s, toks);
        expect(infos.map((t) => t.text)).toEqual(toks.map((t) => t.text));
      }),
      { numRuns: 300, seed: 5 },
    );
    const tricky = 'See https://example.com/a?b=c&d=e #tags @user 😀👍🏽 l’OTAN’s 3½ “quotes” — dashes… e-mail: x@y.org';
    expect(analyzeEnglish(tricky, tokenize(tricky)).length).toBe(tokenize(tricky).length);
  });
});
