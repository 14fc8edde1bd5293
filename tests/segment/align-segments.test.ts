import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/io/errors.js';
import type { SegmentPair } from '../../src/model.js';
import { alignSegments, lineRanges } from '../../src/segment/align-segments.js';

const pairsText = (mt: string, corrected: string, ps: SegmentPair[]): Array<[string, string]> =>
  ps.map((p) => [mt.slice(p.mt.start, p.mt.end), corrected.slice(p.corrected.start, p.corrected.end)]);

const S1 = 'The leaders gathered on Monday at the White House to talk about the war in Ukraine.';
const S2 = 'Prime Minister Mark Carney participated Tuesday morning in a virtual call conference with the coalition.';
const S3 = 'The White House spokesman Karoline Leavitt said on Tuesday that President Trump would not send soldiers.';
const S4 = 'Ms. Champoux also noted that the absence of Canada is explained by the fact that the meeting was reserved.';

describe('alignSegments auto', () => {
  it('pairs sentences 1:1 when nothing changes structurally', () => {
    const mt = `${S1} ${S2}\n${S3}`;
    const corrected = `${S1.replace('gathered', 'met')} ${S2.replace('call conference', 'conference call')}\n${S3}`;
    expect(pairsText(mt, corrected, alignSegments(mt, corrected, { segmentation: 'auto' }))).toEqual([
      [S1, S1.replace('gathered', 'met')],
      [S2, S2.replace('call conference', 'conference call')],
      [S3, S3],
    ]);
  });

  it('aligns a corrected sentence split in two (1:2) and two MT sentences joined (2:1)', () => {
    const joined = 'The leaders gathered on Monday at the White House, and Prime Minister Mark Carney participated Tuesday.';
    const split = ['The leaders gathered on Monday at the White House.', 'Prime Minister Mark Carney participated Tuesday.'];
    const mtSplit = ['Fen Hampson is a professor at Carleton University.', 'He said on Monday that the absence was remarkable.'];
    const cJoined = 'Fen Hampson, a professor at Carleton University, said on Monday that the absence was remarkable.';
    const mt = `${joined} ${S3} ${mtSplit.join(' ')}`;
    const corrected = `${split.join(' ')} ${S3} ${cJoined}`;
    expect(pairsText(mt, corrected, alignSegments(mt, corrected, { segmentation: 'auto' }))).toEqual([
      [joined, split.join(' ')],
      [S3, S3],
      [mtSplit.join(' '), cJoined],
    ]);
  });

  it('aligns a sentence deleted by the post-editor (1:0) and one added (0:1)', () => {
    const mt = `${S1} ${S2} ${S3}`;
    const corrected = `${S1} ${S3} ${S4}`;
    const ps = alignSegments(mt, corrected, { segmentation: 'auto' });
    expect(pairsText(mt, corrected, ps)).toEqual([
      [S1, S1],
      [S2, ''],
      [S3, S3],
      ['', S4],
    ]);
    // Empty sides sit right after the previous segment.
    expect(ps[1]!.corrected).toEqual({ start: S1.length, end: S1.length });
    expect(ps[3]!.mt).toEqual({ start: mt.length, end: mt.length });
  });

  it('lands the seed’s broken MT lines against their corrected sentences', () => {
    const mt = readFileSync('texts/ukraine-security-guarantees/mt.txt', 'utf8');
    const corrected = readFileSync('texts/ukraine-security-guarantees/corrected.txt', 'utf8');
    const ps = pairsText(mt, corrected, alignSegments(mt, corrected, { segmentation: 'auto' }));
    const find = (mtStart: string): [string, string] => {
      const p = ps.find(([m]) => m.startsWith(mtStart));
      expect(p, mtStart).toBeDefined();
      return p!;
    };
    expect(find('Mr. Carney’s spokesperson')).toEqual([
      'Mr. Carney’s spokesperson Audrey Champoux said that Canada is automatically invited to calls for the volunteer coalition as a member\n.',
      'Mr. Carney’s spokesperson Audrey Champoux said that Canada is automatically invited to calls of the Coalition of the Willing as a member.',
    ]);
    expect(find('And this, despite')[1]).toBe(
      'And this, despite the fact that his calls with the coalition were not published in Mr. Carney’s itineraries or confirmed in advance to the media.',
    );
    expect(find('Fen Hampson')).toEqual([
      'Fen Hampson, principal teacher of international affairs at Carleton University, said on Monday that the absence remarkable\nof Canada was probably due to thespecial aversion\nof Mr. Trump for Canada.',
      'Fen Hampson, professor of international affairs at Carleton University, said on Monday that the remarkable absence of Canada was probably due to the special aversion of Mr. Trump to Canada.',
    ]);
    expect(find('The leaders praised')[1]).toBe(
      '“The leaders praised the openness of the United States to offering security guarantees to promote long-term peace and security in Ukraine and Europe,” wrote Mr. Carney’s office.',
    );
    expect(find('Photo :')[1]).toBe('Photo: Getty Images / ANDREW CABALLERO-REYNOLDS');
    expect(find('No American soldiers')[1]).toBe('No American soldiers in Ukraine');
    expect(find('Last fall')[1]).toMatch(/^Last fall, .* Japan and Australia\.$/u);
    // Every pair has text on both sides: the seed has no added or dropped sentence.
    for (const [m, c] of ps) expect(m !== '' && c !== '').toBe(true);
  });

  it('aligns long documents without anchors (banded DP)', () => {
    // Deterministic pseudo-random sentences (LCG), every one changed in the correction, so no anchor exists.
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const vocab = 'security guarantees coalition leaders meeting Ukraine Canada minister talks peace war summit alliance president office spokesperson troops border treaty'.split(' ');
    const sentence = (): string => `${Array.from({ length: 8 + rnd(8) }, () => vocab[rnd(vocab.length)]).join(' ')} ${rnd(100000)}.`;
    const n = 1500;
    const mtS = Array.from({ length: n }, () => sentence().replace(/^./u, (c) => c.toUpperCase()));
    const change = (s: string): string => s.replace(/ (\w+) /u, ' changed ');
    const cS: string[] = [];
    for (let k = 0; k < n; k++) {
      if (k === 400) continue; // dropped by the post-editor
      if (k === 1000) cS.push('An entirely new sentence was added by the post-editor here.');
      if (k === 700) {
        cS.push(`${change(mtS[700]!).slice(0, -1)}, and ${mtS[701]!.toLowerCase()}`);
        k++;
        continue;
      }
      cS.push(change(mtS[k]!));
    }
    const mt = mtS.join(' ');
    const corrected = cS.join(' ');
    const ps = pairsText(mt, corrected, alignSegments(mt, corrected, { segmentation: 'auto' }));
    expect(ps.find(([m]) => m === mtS[400])).toEqual([mtS[400], '']);
    expect(ps.find(([, c]) => c.startsWith('An entirely new'))?.[0]).toBe('');
    expect(ps.find(([m]) => m.startsWith(mtS[700]!))?.[0]).toBe(`${mtS[700]} ${mtS[701]}`);
    for (const k of [0, 399, 401, 999, 1000, 1234, n - 1]) expect(ps.find(([m]) => m === mtS[k])?.[1], `sentence ${k}`).toBe(change(mtS[k]!));
    expect(ps.length).toBe(n);
  });

  it('tokenises both sides of each pair with absolute offsets', () => {
    const mt = 'One two. Three, four.';
    const ps = alignSegments(mt, mt, { segmentation: 'auto' });
    expect(ps[1]!.mtTokens.map((t) => [t.text, t.start])).toEqual([
      ['Three', 9],
      [',', 14],
      ['four', 16],
      ['.', 20],
    ]);
    expect(ps[1]!.correctedTokens).toEqual(ps[1]!.mtTokens);
  });
});

describe('alignSegments lines', () => {
  it('pairs line k with line k, each line one segment (CRLF and a final newline allowed)', () => {
    const mt = 'Title\r\nFirst line. Second sentence.\r\n\r\nLast';
    const corrected = 'Title!\nFirst line, second sentence.\n\nLast\n';
    expect(pairsText(mt, corrected, alignSegments(mt, corrected, { segmentation: 'lines' }))).toEqual([
      ['Title', 'Title!'],
      ['First line. Second sentence.', 'First line, second sentence.'],
      ['', ''],
      ['Last', 'Last'],
    ]);
  });

  it('refuses texts with different line counts, naming both counts', () => {
    expect(() => alignSegments('a\nb\nc', 'a\nb', { segmentation: 'lines' })).toThrow(InputError);
    expect(() => alignSegments('a\nb\nc', 'a\nb', { segmentation: 'lines' })).toThrow(/3 lines.*2/u);
  });

  it('counts lines as editors do', () => {
    expect(lineRanges('')).toEqual([{ start: 0, end: 0 }]);
    expect(lineRanges('a\n')).toEqual([{ start: 0, end: 1 }]);
    expect(lineRanges('a\r\n\nb')).toEqual([
      { start: 0, end: 1 },
      { start: 3, end: 3 },
      { start: 4, end: 5 },
    ]);
  });
});

describe('dice', () => {
  it('is the string-similarity package’s Dice coefficient, case-insensitive', async () => {
    const { compareTwoStrings } = (await import('string-similarity')).default;
    const { dice } = await import('../../src/segment/dice.js');
    for (const [a, b] of [
      ['The leaders met on Monday.', 'The leaders gathered on Monday.'],
      ['Stable safety guarantees', 'robust security guarantees'],
      ['abc', 'xyz'],
      ['aaaa', 'aa a'],
      ['Volodyr Zelensky', 'volodymyr zelensky'],
    ] as const) {
      expect(dice(a, b)).toBeCloseTo(compareTwoStrings(a.toLowerCase(), b.toLowerCase()), 10);
    }
  });
});

describe('bigramProfiles', () => {
  it('gives for each range what bigramProfile gives for its text', async () => {
    const { bigramProfile, bigramProfiles } = await import('../../src/segment/dice.js');
    const text = 'The Leaders MET on Monday.  Ünïcode ÉTÉ 😀 end.\nİstanbul is big.';
    const ranges = [
      { start: 0, end: 26 },
      { start: 28, end: 46 },
      { start: 47, end: text.length },
      { start: 5, end: 5 },
    ];
    const got = bigramProfiles(text, ranges);
    ranges.forEach((r, k) => {
      const want = bigramProfile(text.slice(r.start, r.end).replace(/İ/gu, 'I'));
      if (!text.slice(r.start, r.end).includes('İ')) expect([...got[k]!]).toEqual([...want]);
      else expect(got[k]!.length).toBe(want.length);
    });
  });
});

describe('alignSegments auto on real post-edits', () => {
  it('pairs the sentences of heavily post-edited MLQE-PE lines with those of the same line', () => {
    const read = (p: string): string => readFileSync(`tests/fixtures/mlqe-pe/${p}`, 'utf8');
    const mt = read('ro-en-dev/dev.mt') + read('et-en-dev/dev.mt');
    const pe = read('ro-en-dev/dev.pe') + read('et-en-dev/dev.pe');
    const pairs = alignSegments(mt, pe, { segmentation: 'auto' });
    const lineStarts = (t: string): number[] => [0, ...[...t.matchAll(/\n/gu)].map((m) => m.index + 1)];
    const lineOf = (starts: number[], offset: number): number => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const a = lineStarts(mt);
    const b = lineStarts(pe);
    const both = pairs.filter((p) => p.mt.end > p.mt.start && p.corrected.end > p.corrected.start);
    expect(both.length).toBeGreaterThan(1800);
    for (const p of both) expect(lineOf(a, p.mt.start), `pair ${p.id}`).toBe(lineOf(b, p.corrected.start));
  });
});
