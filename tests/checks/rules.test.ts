import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS, runChecks } from '../../src/checks/index.js';
import { parseGlossary } from '../../src/io/glossary.js';
import type { Finding } from '../../src/model.js';

const seed = readFileSync(new URL('../../texts/ukraine-security-guarantees/mt.txt', import.meta.url), 'utf8');
const seedGlossary = parseGlossary(
  readFileSync(new URL('../fixtures/checks/seed-glossary.tsv', import.meta.url), 'utf8'),
  'glossary.tsv',
);
const clean = readFileSync(new URL('../fixtures/checks/clean-en.txt', import.meta.url), 'utf8');

/** The hits of one check as "line:col text → suggestion". */
function hits(rule: string, text: string, opts: Parameters<typeof runChecks>[1] = {}): string[] {
  return runChecks(text, opts)
    .filter((f) => f.rule === rule)
    .map((f) => `${f.mt.line}:${f.mt.col} ${JSON.stringify(f.mt.text)} → ${JSON.stringify(f.suggestion ?? null)}`);
}

/** Applying the proposed fixes to the text (end to start) gives the fixed text. */
function applyFixes(text: string, findings: Finding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.mt.start - a.mt.start)) {
    if (f.suggestion === undefined) continue;
    out = out.slice(0, f.mt.start) + f.suggestion + out.slice(f.mt.end);
  }
  return out;
}

describe('every check', () => {
  it('has a unique id, a category and a description', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) expect(c.id).toMatch(/^check\/[a-z-]+$/);
  });

  it('stays silent on clean English text', () => {
    const glossary = parseGlossary('right to repair\tright-to-repair\n', 'g');
    expect(runChecks(clean, { glossary }).map((f) => `${f.rule} ${f.mt.line}:${f.mt.col} ${f.mt.text}`)).toEqual([]);
  });
});

describe('check/merged-token', () => {
  it('splits "theTake" and "thespecial" on the seed', () => {
    // "theTake" stands where a name was meant: check/merged-name reports it (major), not check/merged-token.
    expect(hits('check/merged-token', seed)).toEqual(['20:31 "thespecial" → "the special"']);
    expect(hits('check/merged-name', seed)).toEqual(['3:67 "theTake" → null']);
  });
  it('leaves words, names, British spellings and brands alone', () => {
    expect(hits('check/merged-token', 'Another colour, the offence of YouTube and McDonald, a theatre of armour.')).toEqual([]);
    expect(hits('check/merged-token', 'It was ofthe essence.')).toEqual(['1:8 "ofthe" → "of the"']);
  });
});

describe('check/space-in-hyphen', () => {
  it('finds "large -scale" on the seed', () => {
    expect(hits('check/space-in-hyphen', seed)).toEqual(['7:182 "large -scale" → "large-scale"']);
  });
  it('finds "long- term" but not a dash or a suspended hyphen', () => {
    expect(hits('check/space-in-hyphen', 'A long- term plan - not a pre- and post-war one.')).toEqual(['1:3 "long- term" → "long-term"']);
  });
});

describe('check/french-typography', () => {
  it('finds "Photo :" and "MM." on the seed', () => {
    expect(hits('check/french-typography', seed)).toEqual(['10:6 " :" → ":"', '24:236 "MM." → "Messrs."']);
  });
  it('finds guillemets and "M." but not an initial', () => {
    expect(hits('check/french-typography', 'He said « yes » to M. Dupont, not John M. Smith !')).toEqual([
      '1:9 "« " → "“"',
      '1:14 " »" → "”"',
      '1:20 "M." → "Mr."',
      '1:48 " !" → "!"',
    ]);
  });
  it('keeps spacing silent on a tokenised corpus but still flags guillemets', () => {
    expect(hits('check/french-typography', 'Photo : Getty « x »', { tokenized: true })).toEqual(['1:15 "« " → "“"', '1:18 " »" → "”"']);
  });
});

describe('check/space-before-punctuation', () => {
  it('finds a space before a comma or period, not on tokenised text', () => {
    expect(hits('check/space-before-punctuation', 'He came , saw and left .')).toEqual(['1:8 " ," → ","', '1:23 " ." → "."']);
    expect(hits('check/space-before-punctuation', 'He came , saw and left .', { tokenized: true })).toEqual([]);
  });
});

describe('check/leading-punctuation', () => {
  it('joins ". And this" and a lone "." to the previous line on the seed', () => {
    expect(hits('check/leading-punctuation', seed)).toEqual(['15:133 "\\n. " → ". "', '17:149 "\\n." → "."']);
  });
  it('lets dashes, bullets and opening quotes start a line', () => {
    expect(hits('check/leading-punctuation', 'Items:\n- one\n“Quoted” line\n(aside)\n')).toEqual([]);
  });
});

describe('check/doubled-word', () => {
  it('finds "the the" and deletes the second', () => {
    expect(hits('check/doubled-word', 'He opened the the door that that man had had.')).toEqual(['1:14 " the" → ""']);
  });
  it('is silent on the seed', () => {
    expect(hits('check/doubled-word', seed)).toEqual([]);
  });
});

describe('check/unbalanced-quotes', () => {
  it('finds an unclosed quote and a stray bracket', () => {
    expect(hits('check/unbalanced-quotes', '“Open quote, never closed. A stray ] here.\n\nFine (balanced) “yes”.')).toEqual([
      '1:1 "“" → null',
      '1:36 "]" → null',
    ]);
  });
  it('counts straight double quotes per paragraph', () => {
    expect(hits('check/unbalanced-quotes', 'He said "yes" and "no.\n\nShe said "fine".')).toEqual(['1:19 "\\"" → null']);
  });
  it('is silent on the seed, whose quotes and brackets pair up', () => {
    expect(hits('check/unbalanced-quotes', seed)).toEqual([]);
  });
  it('accepts a mark the line-aligned source leaves unpaired too', () => {
    const mt = 'A fragment ) with a stray bracket\nAnother line';
    expect(hits('check/unbalanced-quotes', mt, { tokenized: true })).toEqual(['1:12 ")" → null']);
    expect(hits('check/unbalanced-quotes', mt, { tokenized: true, source: 'Un fragment ) cu\nAlt rând' })).toEqual([]);
  });
});

describe('check/broken-sentence', () => {
  it('finds the sentences the seed breaks across lines', () => {
    expect(hits('check/broken-sentence', seed).map((h) => h.split(' ')[0])).toEqual(['2:106', '4:87', '12:144', '19:123', '20:50', '25:153']);
  });
  it('leaves hard-wrapped prose alone', () => {
    const wrapped = 'This paragraph is wrapped\nat a narrow width because\nthe author likes it that\nway in the source file\nof the documentation.\n';
    expect(hits('check/broken-sentence', wrapped)).toEqual([]);
  });
});

describe('check/lowercase-start', () => {
  it('finds lower-case sentence starts, not after abbreviations or inside quotes', () => {
    expect(hits('check/lowercase-start', 'the start. then more. See e.g. this. “Why?” he asked. iPhone sales rose.')).toEqual([
      '1:1 "the" → "The"',
      '1:12 "then" → "Then"',
    ]);
  });
  it('skips a segment whose line-aligned source starts in lower case too', () => {
    expect(hits('check/lowercase-start', 'spread darkness .\nIt rained .', { tokenized: true })).toEqual(['1:1 "spread" → "Spread"']);
    expect(hits('check/lowercase-start', 'spread darkness .\nIt rained .', { tokenized: true, source: 'răspândit întuneric .\nA plouat .' })).toEqual([]);
  });
});

describe('glossary checks', () => {
  it('flags the forbidden variants of the seed glossary', () => {
    expect(hits('check/glossary-forbidden', seed, { glossary: seedGlossary })).toEqual([
      '1:232 "Volodyr Zelensky" → "Volodymyr Zelensky"',
      '2:89 "safety guarantees" → "security guarantees"',
      '4:68 "Volunteer coalition" → "Coalition of the Willing"',
      '6:19 "coalition of volunteers" → "Coalition of the Willing"',
      '15:102 "volunteer coalition" → "Coalition of the Willing"',
      '24:54 "three talks" → "three-way talks"',
      '24:269 "talks to three" → "three-way talks"',
    ]);
  });
  it('flags a term written differently within the text, not at a sentence start', () => {
    const glossary = parseGlossary('Coalition of the Willing\t\nsecurity guarantees\t\n', 'g');
    const text = 'The Coalition of the Willing met. The coalition of the willing agreed.\nSecurity guarantees were discussed.';
    expect(hits('check/glossary-inconsistent', text, { glossary })).toEqual(['1:39 "coalition of the willing" → "Coalition of the Willing"']);
  });
});

describe('check/inconsistent-term', () => {
  it('finds the seed’s three names for the coalition and the lower-case title before a name', () => {
    expect(hits('check/inconsistent-term', seed)).toEqual([
      '1:185 "president Donald" → "President Donald"',
      '6:19 "coalition of volunteers" → "Volunteer coalition"',
      '15:102 "volunteer coalition" → "Volunteer coalition"',
    ]);
  });
  it('leaves terms to the glossary when it covers them, and is silent on a tokenised corpus', () => {
    expect(hits('check/inconsistent-term', seed, { glossary: seedGlossary })).toEqual(['1:185 "president Donald" → "President Donald"']);
    expect(hits('check/inconsistent-term', seed, { tokenized: true })).toEqual([]);
  });
  it('takes the most frequent form as the text’s own and ignores sentence starts and longer names', () => {
    const text = 'The peace plan was signed. Talks on the Peace Plan went on; the peace plan holds.\nPeace plan talks ended. The Minister of Foreign Affairs met the foreign minister.';
    expect(hits('check/inconsistent-term', text)).toEqual(['1:41 "Peace Plan" → "peace plan"']);
  });
});

describe('source checks', () => {
  it('flags numbers that differ from the source, across locales', () => {
    const src = 'Le 17 juin, 2 000 soldats et 3,5 % des 12 chars.\nAu XIVe siècle, 40 navires.';
    const mt = 'On 17 June, 2,000 soldiers and 3.5% of the 21 tanks.\nIn the 14th century, 40 ships.';
    expect(hits('check/number-mismatch', mt, { source: src })).toEqual(['1:44 "21" → "12"']);
  });
  it('reports a source number missing from the translation', () => {
    const f = runChecks('He came in June.', { source: 'Il est venu le 5 juin.' }).filter((x) => x.rule === 'check/number-mismatch');
    expect(f.map((x) => [x.category, x.operation, x.mt.start, x.mt.end])).toEqual([['accuracy/omission', 'replace', 16, 16]]);
  });
  it('is silent without a source', () => {
    expect(hits('check/number-mismatch', 'On 17 June 2025.')).toEqual([]);
    expect(hits('check/untranslated', 'The dischetele are here.')).toEqual([]);
  });
  it('flags a source word copied into the MT, not names or English words', () => {
    const src = 'Dischetele sunt numite dischete de 4 MB la Pétain .';
    const mt = 'The dischetele are called floppy disks at Pétain .';
    expect(hits('check/untranslated', mt, { source: src })).toEqual(['1:5 "dischetele" → null']);
  });
});

describe('findings', () => {
  it('carry the finding model: origin, empty corrected span at the MT position, suggestion, content ids', () => {
    const fs = runChecks(seed, { glossary: seedGlossary });
    for (const f of fs) {
      expect(f.origin).toBe('check');
      expect(f.corrected.start).toBe(f.mt.start);
      expect(f.corrected.end).toBe(f.mt.start);
      expect(f.corrected.line).toBe(f.mt.line);
      if (f.suggestion !== undefined) expect(f.corrected.text).toBe(f.suggestion);
      expect(seed.slice(f.mt.start, f.mt.end)).toBe(f.mt.text);
    }
    expect(new Set(fs.map((f) => f.id)).size).toBe(fs.length);
    // Content ids: a line added at the top changes positions, not ids.
    const shifted = runChecks(`A new first line.\n${seed}`, { glossary: seedGlossary });
    expect(shifted.map((f) => f.id)).toEqual(fs.map((f) => f.id));
  });

  it('fix the seed when applied: no check fires on the fixed text except where no fix was proposed', () => {
    const fs = runChecks(seed, { glossary: seedGlossary });
    const fixed = applyFixes(seed, fs);
    expect(fixed).toContain('theTake in July'); // no fix proposed: the name it stands for is unknown
    expect(fixed).toContain('as a member. And this');
    expect(fixed).toContain('large-scale');
    const again = runChecks(fixed, { glossary: seedGlossary }).map((f) => `${f.rule} ${f.mt.text}`);
    expect(again).toEqual(['check/merged-name theTake']);
  });

  it('respect the allow-list and disabled checks', () => {
    expect(hits('check/merged-token', seed, { allow: ['theTake'] })).toEqual(['20:31 "thespecial" → "the special"']);
    expect(runChecks(seed, { disable: CHECKS.map((c) => c.id) })).toEqual([]);
  });
});

describe('numbers', () => {
  it('reads grouped thousands, decimals and dates as the source writes them', async () => {
    const { numbers } = await import('../../src/checks/rules/number-mismatch.js');
    expect(numbers('3 000 troops, 2,500 mm, 3.14, 16.05.2017 and 05.2017').map((n) => [n.text, n.value])).toEqual([
      ['3 000', '3000'],
      ['2,500', '2500'],
      ['3.14', '3.14'],
      ['16.05.2017', '16.5.2017'],
      ['05.2017', '5.2017'],
    ]);
  });
});
