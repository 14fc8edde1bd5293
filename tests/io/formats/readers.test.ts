// The readers of each format on the real-shaped fixtures: which units they find, their keys, states and MT,
// the placeholders inline tags become, and that every character maps back to its exact place in the file.
import { describe, expect, it } from 'vitest';
import { po as gettextPo } from 'gettext-parser';
import { readPo } from '../../../src/io/formats/po.js';
import { TagChars } from '../../../src/io/formats/piece.js';
import { readTable } from '../../../src/io/formats/table.js';
import { readTmx } from '../../../src/io/formats/tmx.js';
import type { FileUnit, Piece } from '../../../src/io/formats/types.js';
import { readXliff } from '../../../src/io/formats/xliff.js';
import { plainXml, readFixture, withoutPlaceholders } from './helpers.js';

const PUA = /[\uE000-\uF8FF]/;

/** Every character starts where the map says: its own character, an entity or escape for it, or its tag. */
function expectExactMap(text: string, p: Piece, decodeOne: (slice: string) => string): void {
  expect(p.map).toHaveLength(p.text.length + 1);
  for (let k = 0; k < p.text.length; k++) {
    const ch = p.text[k]!;
    const from = p.map[k]!;
    const to = p.map[k + 1]!;
    expect(to).toBeGreaterThanOrEqual(from);
    if (PUA.test(ch)) {
      const tag = p.tags.get(ch)!;
      expect(text.slice(from, from + tag.raw.length)).toBe(tag.raw);
    } else {
      // Only the first half of a surrogate pair written as one character reference has no bytes of its own.
      if (to === from && /[\uD800-\uDBFF]/.test(ch)) continue;
      expect(to, `char ${k} ${JSON.stringify(ch)} has no bytes`).toBeGreaterThan(from);
      const slice = text.slice(from, to);
      const where = `char ${k} ${JSON.stringify(ch)} at ${from}: ${JSON.stringify(slice)}`;
      if (ch === ' ') expect(/^[ \t\r\n]|^&#(32|x20|10|xA|13|xD);|^\\n/.test(slice), where).toBe(true);
      else expect(decodeOne(slice).startsWith(ch), where).toBe(true);
    }
  }
}

const xmlOne = (slice: string) => {
  const entity = /^&(#x[0-9a-fA-F]+|#\d+|\w+);/.exec(slice);
  return entity ? plainXml(entity[0]) : slice[0] === '\n' || slice[0] === '\r' ? ' ' : slice;
};

function byKey(units: FileUnit[]): Map<string, FileUnit> {
  return new Map(units.map((u) => [u.key, u]));
}

describe('XLIFF 1.2', () => {
  const text = readFixture('xliff12-review.xlf');
  const { version, units } = readXliff(text, 'xliff12-review.xlf', new TagChars());

  it('finds every trans-unit, in groups too, with its target state and the MT alt-trans', () => {
    expect(version).toBe('1.2');
    expect(units.map((u) => u.key)).toEqual(['1', '2', '3', '4', '5', '6']);
    const u = byKey(units);
    expect(u.get('1')!.state).toBe('translated');
    expect(u.get('2')!.state).toBe('needs-review-translation');
    expect(u.get('3')!.state).toBeUndefined();
    // unit 2 has a previous-version alt-trans first: the MT is the one whose origin says MT.
    expect(withoutPlaceholders(u.get('2')!.mt!.text)).toBe('Ms. Anand said in a press briefing in Finland that Canada and her allies discuss Stable safety guarantees .');
    expect(u.get('1')!.mt!.text).toContain('Federal Foreign Minister');
  });

  it('decodes entities, character references and CDATA; line breaks in a target become spaces', () => {
    const u = byKey(units);
    expect(u.get('2')!.target!.text).toContain('Canada & its allies');
    expect(u.get('5')!.target!.text).toContain('took an  important place on Monday — at the White House.');
    expect(u.get('5')!.mt!.text).toBe('The issue of security guarantees occupied an important place on Monday & at the White House.');
  });

  it('turns g, x, ph, bpt/ept, it and mrk into placeholders shared by source, MT and target', () => {
    const u = byKey(units);
    const keys = (p: Piece) => [...p.text].filter((c) => PUA.test(c)).map((c) => p.tags.get(c)!.key);
    expect(keys(u.get('2')!.source!)).toEqual(['g#1', '/g#1', 'x#2']);
    expect(keys(u.get('2')!.target!)).toEqual(['g#1', '/g#1', 'x#2']);
    expect(keys(u.get('3')!.source!)).toEqual(['ph#1', 'ph#2']);
    expect(keys(u.get('3')!.target!)).toEqual(['ph#1']);
    expect(keys(u.get('4')!.target!)).toEqual(['bpt#1', 'ept#1', 'it#2']);
    expect(keys(u.get('5')!.source!)).toEqual(['mrk@1', '/mrk@1']);
    expect(keys(u.get('6')!.source!)).toEqual(['g#1', 'g#2', '/g#2', '/g#1']);
    // the same tag is the same character wherever it appears
    const src = u.get('2')!.source!;
    const tgt = u.get('2')!.target!;
    expect([...src.text].filter((c) => PUA.test(c))).toEqual([...tgt.text].filter((c) => PUA.test(c)));
    // the native code inside <ph> is not text
    expect(u.get('3')!.source!.text).not.toContain('abbr');
    expect(u.get('3')!.source!.tags.get([...u.get('3')!.source!.text].find((c) => PUA.test(c))!)!.raw).toBe('<ph id="1">&lt;abbr&gt;</ph>');
  });

  it('maps every character of every source, target and MT to its place in the file', () => {
    for (const u of units) for (const p of [u.source, u.target, u.mt]) if (p) expectExactMap(text, p, xmlOne);
    for (const u of units) expect(text.startsWith('</target>', u.target!.map[u.target!.text.length]!)).toBe(true);
  });

  it('reads the two-file set-up, including a self-closing empty target', () => {
    const mt = readXliff(readFixture('xliff12-mt.xlf'), 'mt', new TagChars()).units;
    expect(mt.map((u) => u.key)).toEqual(['intro', 'alaska', 'empty']);
    const empty = mt[2]!;
    expect(empty.target!.text).toBe('');
    expect(empty.targetElement!.selfClosing).toBe(true);
  });
});

describe('XLIFF 2.x', () => {
  const text = readFixture('xliff2-review.xlf');
  const { version, units } = readXliff(text, 'xliff2-review.xlf', new TagChars());

  it('makes one unit per segment (several per unit), skips ignorables, keeps the segment state', () => {
    expect(version).toBe('2');
    expect(units.map((u) => u.key)).toEqual(['u1#s1', 'u1#s2', 'u2', 'u3']);
    expect(units.map((u) => u.state)).toEqual(['translated', 'reviewed', 'translated', undefined]);
  });

  it('takes the MT from the mtc:match whose ref names the segment', () => {
    expect(units[0]!.mt!.text).toBe('There is now an opportunity to put an end to the illegal war of Russia in Ukraine.');
    expect(withoutPlaceholders(units[1]!.mt!.text)).toBe('Federal Foreign Minister Anita Anand spoke after Monday meeting.');
    expect(withoutPlaceholders(units[3]!.mt!.text)).toBe('Leaders gathered on Monday <at> the White House.');
  });

  it('turns pc, ph, sc/ec, sm and mrk into placeholders; ec pairs with its sc by startRef', () => {
    const keys = (p: Piece) => [...p.text].filter((c) => PUA.test(c)).map((c) => p.tags.get(c)!.key);
    expect(keys(units[1]!.source!)).toEqual(['pc#1', '/pc#1']);
    expect(keys(units[2]!.source!)).toEqual(['sm#m1', 'ph#1', 'sc#2', 'ec#2']);
    expect(keys(units[2]!.target!)).toEqual(['sc#2', 'ec#2']);
    expect(keys(units[3]!.target!)).toEqual(['mrk#m2', '/mrk#m2']);
    expect(units[0]!.target!.text).toBe("There is now an opportunity to end Russia's illegal war in Ukraine.");
    expect(units[1]!.target!.text).toContain('Monday’s meeting');
  });

  it('maps every character to its place in the file', () => {
    for (const u of units) for (const p of [u.source, u.target, u.mt]) if (p) expectExactMap(text, p, xmlOne);
  });
});

describe('gettext PO', () => {
  const text = readFixture('mt.po');
  const units = readPo(text, 'mt.po');

  it('agrees with gettext-parser on every msgid/msgstr (header and obsolete entries left out)', () => {
    const parsed = gettextPo.parse(text);
    const expected: Array<[string, string]> = [];
    for (const [ctx, table] of Object.entries(parsed.translations)) {
      for (const [id, entry] of Object.entries(table)) {
        if (id === '' && ctx === '') continue;
        entry.msgstr.forEach((s, n) => expected.push([(ctx ? `${ctx}\u0004` : '') + id + (entry.msgid_plural ? `[${n}]` : ''), s.replace(/\n/g, ' ')]));
      }
    }
    expect(units.map((u) => [u.key, u.target!.text]).sort()).toEqual(expected.sort());
    expect(units.some((u) => u.target!.text === 'Old string')).toBe(false);
  });

  it('keys by msgctxt + msgid, one unit per plural form with msgid_plural as its source, fuzzy as state', () => {
    expect(units.map((u) => u.key.replace('\u0004', '|'))).toEqual([
      'Il y a maintenant une occasion de mettre fin à la guerre.',
      'headline|Garanties de sécurité',
      'body|Garanties de sécurité',
      '%d pays a proposé de contribuer.[0]',
      '%d pays a proposé de contribuer.[1]',
      'La question des garanties de sécurité a occupé une place importante lundi à la "Maison-Blanche".',
    ]);
    expect(units[0]!.state).toBe('fuzzy');
    expect(units[1]!.state).toBeUndefined();
    expect(units[3]!.source!.text).toBe('%d pays a proposé de contribuer.');
    expect(units[4]!.source!.text).toBe('%d pays ont proposé de contribuer.');
  });

  it('maps each character (escapes to their backslash) across continuation lines', () => {
    const poOne = (slice: string) => (slice.startsWith('\\') ? { n: ' ', t: '\t', '"': '"', '\\': '\\' }[slice[1]!]! : slice);
    for (const u of units) expectExactMap(text, u.target!, poOne);
    const last = units[5]!.target!;
    const q = last.text.indexOf('"');
    expect(text.slice(last.map[q]!, last.map[q]! + 2)).toBe('\\"');
    expect(text.slice(last.map[0]!, last.map[0]! + 9)).toBe('The issue');
  });
});

describe('TMX', () => {
  it('tells MT and corrected apart by <prop>, whatever the tuv order', () => {
    const units = readTmx(readFixture('review.tmx'), 'review.tmx', new TagChars()).units;
    expect(units.map((u) => u.key)).toEqual(['1', '2', '3']);
    expect(units[0]!.mt!.text).toBe('Canada and her allies discuss Stable safety guarantees.');
    expect(units[0]!.target!.text).toBe('Canada and its allies have been discussing robust security guarantees.');
    expect(withoutPlaceholders(units[1]!.mt!.text)).toBe('At the summit of theTake in 2023.');
    expect(units[0]!.source!.text).toBe('Le Canada et ses alliés discutent de garanties solides.');
    const keys = (p: Piece) => [...p.text].filter((c) => PUA.test(c)).map((c) => p.tags.get(c)!.key);
    expect(keys(units[1]!.source!)).toEqual(['bpt#1', 'ept#1']);
    expect(keys(units[2]!.target!)).toEqual(['hi@1', '/hi@1', 'ph#1']);
  });

  it('tells them apart by language codes (--mt-lang / --target-lang)', () => {
    const units = readTmx(readFixture('review-langs.tmx'), 'r.tmx', new TagChars(), { mtLang: 'en-x-mt', targetLang: 'en-CA' }).units;
    expect(units.map((u) => [u.mt!.text, u.target!.text])).toEqual([
      ['The Volunteer coalition.', 'The Coalition of the Willing.'],
      ['A peace keeping force.', 'A peacekeeping force.'],
    ]);
  });

  it('maps every character to its place', () => {
    const text = readFixture('review.tmx');
    for (const u of readTmx(text, 'review.tmx', new TagChars()).units) for (const p of [u.source, u.target, u.mt]) expectExactMap(text, p!, xmlOne);
  });
});

describe('CSV / TSV', () => {
  it('reads columns by header name with RFC 4180 quoting (doubled quotes, a line break inside quotes, CRLF)', () => {
    const text = readFixture('review.csv');
    const units = readTable(text, 'review.csv', ',');
    expect(units.map((u) => u.key)).toEqual(['u1', 'u2', 'u3']);
    expect(units[0]!.mt!.text).toBe('Canada and her allies discuss "Stable" guarantees');
    expect(units[1]!.target!.text).toBe('A peacekeeping force,  on Ukrainian territory');
    expect(units[1]!.line).toBe(3);
    expect(units[2]!.line).toBe(5);
    const csvOne = (slice: string) => (slice.startsWith('""') ? '"' : slice[0] === '\r' || slice[0] === '\n' ? ' ' : slice);
    for (const u of units) for (const p of [u.source, u.target, u.mt]) expectExactMap(text, p!, csvOne);
  });

  it('chooses columns given by --columns and says which exist when one is missing', () => {
    const text = readFixture('review.csv');
    const units = readTable(text, 'review.csv', ',', { mt: 'source', corrected: 'mt' });
    expect(units[0]!.mt!.text).toBe('Le Canada et ses alliés');
    expect(() => readTable(text, 'review.csv', ',', { corrected: 'post' })).toThrow(/review\.csv:1: no corrected column \(looked for: post; the header has: id, source, mt, pe\)/);
  });

  it('reads TSV with quotes', () => {
    const units = readTable(readFixture('review.tsv'), 'review.tsv', '\t');
    expect(units.map((u) => [u.source!.text, u.mt!.text, u.target!.text])[1]).toEqual(['Les garanties de sécurité.', 'The safety guarantees.', 'The "security" guarantees.']);
    expect(units[0]!.key).toBe('row 2');
  });
});
