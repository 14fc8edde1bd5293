import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/align/tokenize.js';

// Interning token texts (a memory saving on long documents) must not change a single token.
describe('tokenize with an intern table', () => {
  const texts = [
    'The U.S. and Mr. Smith met on 10:30, e.g. in the large-scale hall... "Carney’s" 3.14 👍🏽 -- (yes)!',
    'the the The THE the. the, the',
    'Hello   world\nhello world',
  ];
  it.each(texts)('gives the same tokens as without one: %s', (text) => {
    const intern = new Map<string, string>();
    expect(tokenize(text, undefined, { intern })).toEqual(tokenize(text));
    expect(tokenize(text, undefined, { intern, preTokenised: true })).toEqual(tokenize(text, undefined, { preTokenised: true }));
  });

  it('keeps one entry per distinct token text, shared across calls', () => {
    const intern = new Map<string, string>();
    tokenize('the cat and the dog.', undefined, { intern });
    tokenize('The cat, the end.', undefined, { intern });
    expect([...intern.keys()].sort()).toEqual([',', '.', 'The', 'and', 'cat', 'dog', 'end', 'the']);
    for (const [k, v] of intern) expect(v).toBe(k);
  });
});
