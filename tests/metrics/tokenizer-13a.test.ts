import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokens13a, tokensByRegex, unescape13a } from '../../src/metrics/tokenizer-13a.js';

// tokens13a runs sacrebleu's four 13a substitutions as passes over char codes; tokensByRegex is the same
// substitutions as JS regexes (sacrebleu's own patterns). They must agree on everything.
describe('13a: the char-code passes equal the four regexes', () => {
  const piece = fc.constantFrom('a', 'Z', '1', '9', '.', ',', '-', ' ', '  ', '(', ')', '&', '&amp;', '&lt;', '<skipped>', '\n', '-\n', '\t', '😀', '\u00a0', '\u0085', '\u3000', 'é', "'", '/', '$', '"', 'ab', '9.', ',5', '-3', '\ud800');
  it('on random lines of the characters that matter', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const line = parts.join('');
        expect(tokens13a(line)).toEqual(tokensByRegex(unescape13a(line)));
      }),
      { numRuns: 20000 },
    );
  });

  it('on a line too long for the packed passes (falls back to the regexes)', () => {
    const line = 'It costs 3.14, e-mail (U.S.) 2-3 ok. '.repeat(1200);
    expect(line.length).toBeGreaterThan(32000);
    expect(tokens13a(line)).toEqual(tokensByRegex(line));
    expect(tokens13a(line).slice(0, 16)).toEqual('It costs 3.14 , e-mail ( U . S . ) 2 - 3 ok .'.split(' '));
    expect(tokens13a(line).length).toBe(1200 * 16);
  });
});
