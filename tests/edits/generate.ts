import fc from 'fast-check';

// Random texts from a small vocabulary (abbreviations, hyphens, apostrophes, numbers, unicode, emoji, punctuation,
// spaces, tabs, line breaks, CRLF) and random word-level changes of them (replace, insert, delete, move, swap,
// respacing, joining), for the property tests.

const WORDS = [
  'the', 'a', 'of', 'Ukraine', 'security', 'guarantees', 'Mr.', 'U.S.', 'large-scale', 'Carney’s', "Canada's",
  '1,500', '3.14', 'coalition', 'conference', 'call', 'Zelensky', 'Volodyr', 'thespecial', 'é', 'naïve', '😀',
  '👍🏽', '“quoted”', '(note)', 'face-to-face', 'e.g.', 'MM.', 'said', 'on', 'Monday', 'leaders', 'Ω',
];
const PUNCT = ['.', ',', ';', ':', '!', '?', ' .', ' ,', '…', '’', '"'];
const SPACES = [' ', ' ', ' ', ' ', '  ', '\n', '\r\n', '\n\n', '\t', ' \n'];

/** A text: words with random punctuation and whitespace. */
export const textArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.option(fc.constantFrom(...PUNCT), { freq: 3 }), fc.constantFrom(...SPACES)), {
    maxLength: 40,
  })
  .chain((parts) =>
    fc.tuple(fc.constant(parts), fc.boolean(), fc.constantFrom('', ' ', '\n', '  \n')).map(([ps, capital, lead]) => {
      const body = ps.map(([w, p, s]) => w + (p ?? '') + s).join('');
      const t = lead + (capital ? body.charAt(0).toUpperCase() + body.slice(1) : body);
      return t;
    }),
  );

export type Change =
  | { kind: 'replace'; at: number; word: string }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; word: string }
  | { kind: 'move'; at: number; len: number; to: number }
  | { kind: 'swap'; at: number }
  | { kind: 'space'; at: number; space: string }
  | { kind: 'join'; at: number };

export const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(60), word: fc.constantFrom(...WORDS, ...PUNCT) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(60), len: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(60), word: fc.constantFrom(...WORDS, ...PUNCT) }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(60), len: fc.integer({ min: 1, max: 4 }), to: fc.nat(60) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(60) }),
  fc.record({ kind: fc.constant('space' as const), at: fc.nat(60), space: fc.constantFrom(...SPACES, '') }),
  fc.record({ kind: fc.constant('join' as const), at: fc.nat(60) }),
);

/** Apply word-level changes to a text split into (word, following whitespace) pieces. Keeps line count when
 *  `keepLines` (for the lines mode), by never touching line breaks. */
export function edit(text: string, changes: Change[], keepLines: boolean): string {
  const pieces = [...text.matchAll(/(\S+)(\s*)/gu)].map((m) => [m[1]!, m[2]!] as [string, string]);
  const lead = /^\s*/u.exec(text)![0];
  const hasBreak = (k: number): boolean => /\n/u.test(pieces[k]?.[1] ?? '');
  for (const c of changes) {
    if (pieces.length === 0) {
      if (c.kind === 'insert') pieces.push([c.word, '']);
      continue;
    }
    const at = c.at % pieces.length;
    switch (c.kind) {
      case 'replace':
        pieces[at]![0] = c.word.trim() || ',';
        break;
      case 'insert':
        pieces.splice(at, 0, [c.word.trim() || ',', ' ']);
        break;
      case 'delete': {
        let len = Math.min(c.len, pieces.length - at);
        if (keepLines) while (len > 0 && pieces.slice(at, at + len).some((_, k) => hasBreak(at + k))) len--;
        pieces.splice(at, len);
        break;
      }
      case 'move': {
        let len = Math.min(c.len, pieces.length - at);
        if (keepLines) while (len > 0 && pieces.slice(at, at + len).some((_, k) => hasBreak(at + k))) len--;
        const moved = pieces.splice(at, len).map(([w]) => [w, ' '] as [string, string]);
        const to = pieces.length === 0 ? 0 : c.to % (pieces.length + 1);
        pieces.splice(to, 0, ...moved);
        break;
      }
      case 'swap':
        if (at + 1 < pieces.length) {
          const w = pieces[at]![0];
          pieces[at]![0] = pieces[at + 1]![0];
          pieces[at + 1]![0] = w;
        }
        break;
      case 'space':
        if (!keepLines || !hasBreak(at)) pieces[at]![1] = keepLines ? c.space.replace(/\r?\n/gu, ' ') : c.space;
        break;
      case 'join':
        if (at + 1 < pieces.length && (!keepLines || !hasBreak(at))) pieces[at]![1] = '';
        break;
    }
  }
  return lead + pieces.map(([w, s]) => w + s).join('');
}

