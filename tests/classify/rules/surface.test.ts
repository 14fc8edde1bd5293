// Universal surface rules: markup, French typography, token boundaries, whitespace, case, punctuation.
import { describe, expect, it } from 'vitest';
import { classifyBetween } from '../make-edit.js';

const pick = (r: { category: string; type: string; severity: string; rule: string }) => [r.rule, r.category, r.type, r.severity];

describe('markup', () => {
  it('a placeholder lost is a design-markup/tag error, major', () => {
    expect(pick(classifyBetween('Hello {name}, you have %d new messages.', 'Hello, you have %d new messages.'))).toEqual([
      'markup', 'design-markup/tag', 'U:OTHER', 'major',
    ]);
  });
  it('an inline tag changed is caught, the same tag kept is not', () => {
    expect(classifyBetween('Click <b>here</b> now', 'Click <i>here</i> now').rule).toBe('markup');
    expect(classifyBetween('Click <b>here</b> now', 'Click <b>this</b> now').rule).not.toBe('markup');
  });
});

describe('french-typography', () => {
  it('"Photo :" → "Photo:" (the seed) is a locale-convention/typography R:ORTH, minor', () => {
    const r = classifyBetween('Photo : Getty Images / ANDREW CABALLERO-REYNOLDS', 'Photo: Getty Images / ANDREW CABALLERO-REYNOLDS');
    expect(pick(r)).toEqual(['french-typography', 'locale-convention/typography', 'R:ORTH', 'minor']);
    expect(r.message).toBe('"Photo :" → "Photo:": French space before ":"');
  });
  it.each([
    ['Is it true ?', 'Is it true?', 'R:ORTH'],
    ['Beware ; it bites', 'Beware; it bites', 'R:ORTH'],
    ['He said « yes » to it', 'He said “yes” to it', 'R:PUNCT'],
    ['inflation rose by 5 % in May', 'inflation rose by 5% in May', 'R:ORTH'],
  ])('%j → %j', (mt, cor, type) => {
    const r = classifyBetween(mt, cor);
    expect(pick(r)).toEqual(['french-typography', 'locale-convention/typography', type, 'minor']);
  });
  it('"MM." → "Messrs." (the seed) is a French title abbreviation', () => {
    const r = classifyBetween('a face-to-face between MM. Zelensky and Putin', 'a face-to-face between Messrs. Zelensky and Putin');
    expect(pick(r)).toEqual(['french-typography', 'locale-convention/typography', 'R:OTHER', 'minor']);
    expect(r.message).toContain('French abbreviation of a title');
  });
  it('"Mme" → "Ms." is a title too; an English space before a dash is not French typography', () => {
    expect(classifyBetween('We met Mme Anand today', 'We met Ms. Anand today').rule).toBe('french-typography');
    expect(classifyBetween('He left , then', 'He left, then').rule).toBe('whitespace');
  });
});

describe('token-boundary', () => {
  it('"thespecial" → "the special" (the seed) is R:SPLIT, fluency/spelling', () => {
    const r = classifyBetween('was probably due to thespecial aversion', 'was probably due to the special aversion');
    expect(pick(r)).toEqual(['token-boundary', 'fluency/spelling', 'R:SPLIT', 'minor']);
  });
  it('"large -scale" → "large-scale" (the seed) is R:MERGE, fluency/typography', () => {
    const r = classifyBetween('followed by the large -scale invasion of February 2022.', 'followed by the large-scale invasion of February 2022.');
    expect(pick(r)).toEqual(['token-boundary', 'fluency/typography', 'R:MERGE', 'minor']);
    expect(r.message).toContain('hyphenated compound');
  });
  it('"some times" → "sometimes" is R:MERGE, fluency/spelling', () => {
    expect(pick(classifyBetween('we meet some times here', 'we meet sometimes here'))).toEqual([
      'token-boundary', 'fluency/spelling', 'R:MERGE', 'minor',
    ]);
  });
  it('a case change at the boundary still counts ("theTake" → "the Take")', () => {
    expect(classifyBetween('the alliance of theTake in July', 'the alliance of the Take in July').type).toBe('R:SPLIT');
  });
});

describe('whitespace', () => {
  it('the seed\'s stray "." line joined back is fluency/typography R:ORTH with its own message', () => {
    const r = classifyBetween('was reserved for European leaders\n.', 'was reserved for European leaders.');
    expect(pick(r)).toEqual(['whitespace', 'fluency/typography', 'R:ORTH', 'minor']);
    expect(r.message).toContain('stray line break before "."');
  });
  it('a line break in mid-sentence', () => {
    const r = classifyBetween('discuss robust security guarantees\nfor Ukraine since', 'discuss robust security guarantees for Ukraine since');
    expect(pick(r)).toEqual(['whitespace', 'fluency/typography', 'R:ORTH', 'minor']);
    expect(r.message).toContain('line break inside a sentence');
  });
  it('a missing space after a comma and a double space', () => {
    expect(classifyBetween('Canada,Japan and Australia', 'Canada, Japan and Australia').rule).toBe('whitespace');
    expect(classifyBetween('Canada and  Japan', 'Canada and Japan').message).toContain('spacing');
  });
});

describe('case', () => {
  it('"American president" → "American President" is fluency/spelling R:ORTH, minor', () => {
    expect(pick(classifyBetween('American president Donald Trump', 'American President Donald Trump'))).toEqual([
      'case', 'fluency/spelling', 'R:ORTH', 'minor',
    ]);
  });
  it('a case change with a letter change is not case-only', () => {
    expect(classifyBetween('the Presidnet said', 'the president said').rule).not.toBe('case');
  });
});

describe('punctuation', () => {
  it.each([
    ['European leaders yesterday\nnoted Ms. Leavitt', 'European leaders yesterday,” noted Ms. Leavitt', 'M:PUNCT'],
    ['Last fall , these exchanges evolved', 'Last fall these exchanges evolved', 'U:PUNCT'],
    ['Can you see the sea .', 'Can you see the sea ?', 'R:PUNCT'],
    ['I left , since it rained', 'I left . Since it rained', 'R:PUNCT'],
  ])('%j → %j is %s', (mt, cor, type) => {
    expect(pick(classifyBetween(mt, cor))).toEqual(['punctuation', 'fluency/punctuation', type, 'minor']);
  });
  it('periods of an abbreviation are punctuation ("US" → "U.S.")', () => {
    expect(pick(classifyBetween('the US President said', 'the U.S. President said'))).toEqual(['punctuation', 'fluency/punctuation', 'R:PUNCT', 'minor']);
  });
  it('straight → curly quotes are typography, not punctuation', () => {
    expect(pick(classifyBetween('Mr. Carney\'s office', 'Mr. Carney’s office'))).toEqual([
      'punctuation', 'fluency/typography', 'R:PUNCT', 'minor',
    ]);
  });
});
