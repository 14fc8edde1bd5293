import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/sentences.js';

const texts = (t: string): string[] => splitSentences(t).map((r) => t.slice(r.start, r.end));

describe('splitSentences', () => {
  it('splits at sentence punctuation followed by a new sentence', () => {
    expect(texts('The war goes on. Leaders met! Why? Because… Nobody knows.')).toEqual([
      'The war goes on.',
      'Leaders met!',
      'Why?',
      'Because…',
      'Nobody knows.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence', () => {
    expect(texts('He said “no.” Then he left. (It was late.) Fine.')).toEqual([
      'He said “no.”',
      'Then he left.',
      '(It was late.)',
      'Fine.',
    ]);
  });

  it.each([
    'Mr. Carney spoke.',
    'Ms. Anand spoke.',
    'Mrs. Smith spoke.',
    'Dr. Who spoke.',
    'Prof. Hampson spoke.',
    'St. Petersburg is far.',
    'The U.S. President spoke.',
    'The U.K. Government spoke.',
    'The U.N. Council met.',
    'Some, e.g. Canada, spoke.',
    'Some, i.e. Canada, spoke.',
    'Apples, pears, etc. Were sold.',
    'Ali vs. Frazier was a fight.',
    'Room No. 5 is free.',
    'Between MM. Zelensky and Putin.',
    'M. Zelensky arrived.',
    'Mme. Curie arrived.',
    'J. R. R. Tolkien wrote it.',
    'It grew by 3.14 percent.',
  ])('does not split after an abbreviation, initial or decimal: %s', (s) => {
    expect(texts(`${s} Next sentence here.`)).toEqual([s, 'Next sentence here.']);
  });

  it('does not split before a lowercase continuation', () => {
    expect(texts('He arrived at 5 p.m. and left.')).toEqual(['He arrived at 5 p.m. and left.']);
  });

  it('keeps an MT sentence broken across lines together (seed: "as a member" / ". And this")', () => {
    const t =
      'Canada is automatically invited to calls for the volunteer coalition as a member\n. And this, despite the fact that his calls were not published.';
    expect(texts(t)).toEqual([
      'Canada is automatically invited to calls for the volunteer coalition as a member\n.',
      'And this, despite the fact that his calls were not published.',
    ]);
  });

  it('keeps the three-line Hampson sentence of the seed together', () => {
    const t =
      'Fen Hampson, principal teacher of international affairs at Carleton University, said on Monday that the absence remarkable\nof Canada was probably due to thespecial aversion\nof Mr. Trump for Canada.\nNo American soldiers in Ukraine\nThe White House spokesman said so.';
    expect(texts(t)).toEqual([
      'Fen Hampson, principal teacher of international affairs at Carleton University, said on Monday that the absence remarkable\nof Canada was probably due to thespecial aversion\nof Mr. Trump for Canada.',
      'No American soldiers in Ukraine',
      'The White House spokesman said so.',
    ]);
  });

  it('makes a headline or caption without final punctuation its own segment', () => {
    expect(texts('Photo : Getty Images / ANDREW CABALLERO-REYNOLDS\nPrime Minister Mark Carney participated.')).toEqual([
      'Photo : Getty Images / ANDREW CABALLERO-REYNOLDS',
      'Prime Minister Mark Carney participated.',
    ]);
  });

  it('joins a line that ends with a comma or continues in lowercase', () => {
    expect(texts('peace in Ukraine and Europe\nwrote Mr. Carney’s office.')).toEqual(['peace in Ukraine and Europe\nwrote Mr. Carney’s office.']);
    expect(texts('Canada, Japan,\nAustralia and others.')).toEqual(['Canada, Japan,\nAustralia and others.']);
  });

  it('always splits at a blank line, and at a line break after a full stop', () => {
    expect(texts('Title\n\nthe text starts here.\r\nNext line.')).toEqual(['Title', 'the text starts here.', 'Next line.']);
  });

  it('works on a range of the text with absolute offsets', () => {
    const t = 'xx One. Two. yy';
    const rs = splitSentences(t, { start: 3, end: 12 });
    expect(rs).toEqual([
      { start: 3, end: 7 },
      { start: 8, end: 12 },
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t\r\n')).toEqual([]);
  });

  it('gives trimmed, ordered ranges that cover every non-whitespace character', () => {
    const piece = fc.constantFrom('Mr.', 'word', 'Word', '.', '?', '!', ',', '“', '”', 'U.S.', '3.14', 'é', '😀', 'And');
    const sep = fc.constantFrom(' ', ' ', '\n', '\r\n', '\n\n', '  ', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, sep), { maxLength: 40 }), (parts) => {
        const t = parts.map(([p, s]) => p + s).join('');
        const rs = splitSentences(t);
        let covered = '';
        let last = 0;
        for (const r of rs) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeGreaterThan(r.start);
          const s = t.slice(r.start, r.end);
          expect(s.trim()).toBe(s);
          covered += t.slice(last, r.start).trim();
          last = r.end;
        }
        covered += t.slice(last).trim();
        // Nothing outside the ranges but whitespace.
        expect(covered).toBe('');
      }),
      { numRuns: 500 },
    );
  });
});
