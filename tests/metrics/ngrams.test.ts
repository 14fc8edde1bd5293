import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charNgramCounts, ngramMatchCountsByString, spanNgramCounts, wordNgramCounts } from '../../src/metrics/ngrams.js';
import { spans13a, tokensByRegex, unescape13a } from '../../src/metrics/tokenizer-13a.js';
import { chrfSentenceStats } from '../../src/metrics/index.js';

// Plain counting with string-keyed maps, as sacrebleu's Counter intersection.
function naive(h: string[], r: string[], maxOrder: number): Array<{ hyp: number; ref: number; match: number }> {
  const out = [];
  for (let n = 1; n <= maxOrder; n++) {
    const count = (xs: string[]): Map<string, number> => {
      const m = new Map<string, number>();
      for (let i = 0; i + n <= xs.length; i++) {
        const k = JSON.stringify(xs.slice(i, i + n));
        m.set(k, (m.get(k) ?? 0) + 1);
      }
      return m;
    };
    const hc = count(h);
    const rc = count(r);
    let match = 0;
    for (const [k, c] of hc) match += Math.min(c, rc.get(k) ?? 0);
    out.push({ hyp: Math.max(0, h.length - n + 1), ref: Math.max(0, r.length - n + 1), match });
  }
  return out;
}

describe('n-gram match counts', () => {
  const seq = fc.array(fc.constantFrom('a', 'b', 'c', 'ab', ' ', '😀'), { maxLength: 30 });

  it('numeric keys and string keys both equal plain counting', () => {
    fc.assert(
      fc.property(seq, seq, fc.integer({ min: 1, max: 6 }), (h, r, order) => {
        const want = naive(h, r, order);
        expect(wordNgramCounts(h, r, order)).toEqual(want);
        expect(charNgramCounts(h.join(''), r.join(''), order)).toEqual(naive(Array.from(h.join('')), Array.from(r.join('')), order));
        expect(ngramMatchCountsByString(h, r, order)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it("BLEU's counts from 13a spans (no token strings) equal plain counting of the regex tokens", () => {
    // Pieces that send a line down each path: the one scan, the char-code passes (adjacent . and ,), and
    // words that recur across sides and paths (their hashes must agree).
    const piece = fc.constantFrom('a', 'ab', 'Ab', 'b', '1', '9', '.', ',', '.,', '-', ' ', '  ', '(', '&amp;', '😀', '\u00a0', 'é', '3.5', '\ud800');
    const line = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
    const tokens = (l: string): string[] => tokensByRegex(unescape13a(l));
    fc.assert(
      fc.property(line, line, fc.integer({ min: 1, max: 5 }), (h, r, order) => {
        const got = spanNgramCounts(h, r, spans13a, order);
        expect(got.orders).toEqual(naive(tokens(h), tokens(r), order));
        expect([got.nh, got.nr]).toEqual([tokens(h).length, tokens(r).length]);
      }),
      { numRuns: 3000 },
    );
    // A line too long for the passes (the regexes' tokens, re-joined) against one the one scan takes.
    const long = 'It costs 3.14, e-mail (U.S.) 2-3 ok. '.repeat(1000);
    const short = 'It costs 3.14 e-mail (U.S) 2-3 ok'.repeat(3);
    expect(spanNgramCounts(long, short, spans13a, 4).orders).toEqual(naive(tokens(long), tokens(short), 4));
    expect(spanNgramCounts(short, long, spans13a, 4).orders).toEqual(naive(tokens(short), tokens(long), 4));
  });

  it('keys past 2^31 (a Map of numbers) and items past the direct table (string keys) give the same chrF statistics', () => {
    // 50,000 distinct code points: order-2 keys (classes × base) exceed 2^31.
    const chars = Array.from({ length: 50_000 }, (_, i) => String.fromCodePoint(0x20000 + i));
    const hyp = chars.join('');
    const ref = chars.slice(100).concat(chars.slice(0, 100)).join('');
    const stats = chrfSentenceStats(hyp, ref);
    const want = naive(Array.from(hyp), Array.from(ref), 6).flatMap((c) => [c.hyp, c.ref, c.match]);
    expect(stats).toEqual(want);
    // Code points from U+100000 on are past the direct-addressed items: the string-key counting.
    const high = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x100000 + (i % 40)));
    const h2 = high.join('');
    const r2 = high.slice(7).concat(high.slice(0, 7)).reverse().join('');
    expect(chrfSentenceStats(h2, r2)).toEqual(naive(Array.from(h2), Array.from(r2), 6).flatMap((c) => [c.hyp, c.ref, c.match]));
  });
});
