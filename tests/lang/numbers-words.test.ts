// Spelled-out numbers of the language packs, read from CLDR's spell-out rules (cldr-rbnf, src/lang/rbnf.ts), and
// what the number check makes of them on real shipped translations (tests/fixtures/checks/real/, licences in its
// README): "erste" for "1st" (git's German), "huit" for "8", "un chiffre" for "1 number" (ORCID's French) are
// the source's numbers, not missing ones; a wrong digit ("2." for "1.") still is one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packFor } from '../../src/lang/index.js';
import { parseRbnf, spellOut } from '../../src/lang/rbnf.js';
import { runChecks } from '../../src/checks/index.js';
import { readLocalized } from '../../src/io/formats/index.js';

const REAL = new URL('../fixtures/checks/real/', import.meta.url).pathname;

describe('number words from CLDR RBNF, per pack', () => {
  const cardinal = (code: string, w: string) => packFor(code).numberWords.get(w);
  const ordinal = (code: string, w: string) => packFor(code).numberLikeWords.get(w);

  it('German: closed compounds and inflected ordinals', () => {
    expect(['eins', 'ein', 'zwölf', 'siebzehn', 'dreiundzwanzig', 'achtzig', 'einhundertdreiundzwanzig', 'zweitausend'].map((w) => cardinal('de', w))).toEqual([1, 1, 12, 17, 23, 80, 123, 2000]);
    expect(['erste', 'ersten', 'dritte', 'siebte', 'zwanzigste', 'einundzwanzigsten'].map((w) => ordinal('de', w))).toEqual([1, 1, 3, 7, 20, 21]);
    // A soft hyphen in the rules (ein­hundert) is no part of the word.
    expect([...packFor('de').numberWords.keys()].some((w) => w.includes('\u00ad'))).toBe(false);
  });

  it('French: hyphenated numbers, quatre-vingts, feminine and ordinal forms', () => {
    expect(['huit', 'dix-sept', 'vingt-trois', 'vingt-et-un', 'soixante-et-onze', 'quatre-vingts', 'quatre-vingt-dix-sept', 'une', 'cent', 'mille'].map((w) => cardinal('fr', w))).toEqual([8, 17, 23, 21, 71, 80, 97, 1, 100, 1000]);
    expect(['premier', 'première', 'deuxième', 'huitième', 'vingt-et-unième'].map((w) => ordinal('fr', w))).toEqual([1, 1, 2, 8, 21]);
    // "unième" exists only inside a compound (a private rule set): not a word of its own.
    expect(ordinal('fr', 'unième')).toBeUndefined();
  });

  it('other packs: Spanish, Italian, Dutch, Portuguese, Polish, Russian', () => {
    expect(cardinal('es', 'veintitrés')).toBe(23);
    expect(ordinal('es', 'tercera')).toBe(3);
    expect(cardinal('it', 'ventitré')).toBe(23);
    expect(cardinal('nl', 'drieëntwintig')).toBe(23);
    expect(cardinal('pt', 'dezessete')).toBe(17);
    expect(cardinal('pl', 'dwanaście')).toBe(12);
    expect(cardinal('ru', 'двенадцать')).toBe(12);
    expect(ordinal('ru', 'первый')).toBe(1);
  });

  it('no number words where no knowledge is claimed: the generic pack, Chinese (Han numerals are read as numbers)', () => {
    expect(packFor('bg').numberWords.size).toBe(0);
    expect(packFor('zh').numberWords.size).toBe(0);
  });

  it('the rule syntax: << quotient, >> remainder, [optional], =%set=, roll-back, [a|b], plural forms', () => {
    const sets = parseRbnf(
      [
        '%main:',
        '0: zero;',
        '1: one;',
        '2: two;',
        '3: three;',
        '10: ten;',
        '20: twenty[->>];',
        '30: =%other=;',
        '100: << hundred[ >>];',
        '1000: [<< thousand >>|a thousand];',
        '2000: << $(cardinal,one{thousand}other{thousands})$;',
        '%other:',
        '0: thirty-ish;',
        '%roll:',
        '0: =#,##0=;',
        '10: ten;',
        '15: fifteen-ish>>;',
      ].join('\n'),
    );
    const say = (set: string, n: number) => spellOut(sets, set, n, 'en');
    expect([say('%main', 3), say('%main', 20), say('%main', 23), say('%main', 30), say('%main', 203), say('%main', 300)]).toEqual(['three', 'twenty', 'twenty-three', 'thirty-ish', 'two hundred three', 'three hundred']);
    expect([say('%main', 1000), say('%main', 1002), say('%main', 2000)]).toEqual(['a thousand', 'one thousand two', 'two thousands']);
    // 15 … 20 take the rule at 15, but 20, a multiple of its divisor (10) that 15 is not, rolls back to the rule before.
    expect([say('%roll', 17), say('%roll', 20)]).toEqual(['fifteen-ish7', 'ten']);
  });
});

describe('check/number-mismatch with spelled-out numbers on real files', () => {
  /** The number check on one real unit (its target and source as the file has them), by its source text. */
  function numbersOf(file: string, source: string): string[] {
    const li = readLocalized({ mt: `${REAL}${file}` }, { mtOnly: true });
    const i = li.units.findIndex((u) => u.source?.text === source);
    expect(i).toBeGreaterThanOrEqual(0);
    const u = li.units[i]!;
    const lang = li.langs.targetLang ?? 'en';
    return runChecks(u.mt.text, { source: u.source!.text, pack: packFor(lang), sourcePack: packFor('en') })
      .filter((f) => f.rule === 'check/number-mismatch')
      .map((f) => f.message);
  }

  it("git's German: \"die erste Commit-Beschreibung\" for \"the 1st commit message\" (po/de.po)", () => {
    expect(readFileSync(`${REAL}git-de.po`, 'utf8')).toContain('msgstr "Das ist die erste Commit-Beschreibung:"');
    expect(numbersOf('git-de.po', 'This is the 1st commit message:')).toEqual([]);
    expect(numbersOf('git-de.po', 'The 1st commit message will be skipped:')).toEqual([]);
  });

  it("ORCID's French: \"entre huit et 256\", \"au moins un chiffre\", \"à deux facteurs\"", () => {
    expect(numbersOf('orcid-angular-messages.fr.excerpt.xlf', 'Password must be between 8 and 256 characters')).toEqual([]);
    expect(numbersOf('orcid-angular-messages.fr.excerpt.xlf', 'At least 1 number')).toEqual([]);
    expect(numbersOf('orcid-angular-messages.fr.excerpt.xlf', 'At least 1 letter or symbol')).toEqual([]);
    expect(numbersOf('orcid-angular-messages.fr.excerpt.xlf', 'Sign in with 2FA')).toEqual([]);
  });

  it('a wrong digit is still one, article or not: ORCID\'s "2. Cliquez … un e-mail" for "1. Click … an email"', () => {
    const src = '1. Click the button below to send a deactivation email to the primary email address associated with this account';
    expect(numbersOf('orcid-angular-messages.fr.excerpt.xlf', src)).toEqual(['"2" where the source has "1"']);
  });

  it('a changed spelled number is not excused by another: "sieben" does not stand for 8', () => {
    const run = (mt: string, source: string) =>
      runChecks(mt, { source, pack: packFor('de'), sourcePack: packFor('en') }).filter((f) => f.rule === 'check/number-mismatch').map((f) => f.message);
    expect(run('Das Passwort braucht acht Zeichen.', 'The password needs 8 characters.')).toEqual([]);
    expect(run('Das Passwort braucht sieben Zeichen.', 'The password needs 8 characters.')).toEqual(['The source\'s number "8" is missing from the translation']);
  });
});

describe('English: CLDR spell-out words beside the pack’s own list', () => {
  it('hyphenated numbers are one number; "hundred", "dozen", "twice" stay from the list', () => {
    const en = packFor('en');
    expect(['twenty-three', 'ninety-nine', 'hundred', 'dozen'].map((w) => en.numberWords.get(w))).toEqual([23, 99, 100, 12]);
    expect(['twenty-first', 'twice', 'first'].map((w) => en.numberLikeWords.get(w))).toEqual([21, 2, 1]);
    const run = (mt: string, source: string) =>
      runChecks(mt, { source, pack: en, sourcePack: packFor('de') }).filter((f) => f.rule === 'check/number-mismatch').map((f) => f.message);
    // "twenty-three" stands for the source's 23 (it was read as 20 and 3 before).
    expect(run('He waited twenty-three days.', 'Er wartete 23 Tage.')).toEqual([]);
    expect(run('He waited twenty-four days.', 'Er wartete 23 Tage.')).toEqual(['The source\'s number "23" is missing from the translation']);
  });
});

describe('the same digits as the source, read differently by two locales', () => {
  it('MLQE-PE ro-en: "55.000" kept from the Romanian source in the English post-edit is the same number', () => {
    const at = (f: string, i: number) => readFileSync(new URL(`../fixtures/mlqe-pe/ro-en-dev/${f}`, import.meta.url), 'utf8').split('\n')[i]!;
    const i = readFileSync(new URL('../fixtures/mlqe-pe/ro-en-dev/dev.pe', import.meta.url), 'utf8').split('\n').findIndex((l) => l.includes('55.000 soldiers'));
    expect(i).toBeGreaterThanOrEqual(0);
    const run = (mt: string, source: string) =>
      runChecks(mt, { source, tokenized: true, pack: packFor('en'), sourcePack: packFor('ro') }).filter((f) => f.rule === 'check/number-mismatch').map((f) => f.message);
    expect(at('dev.src', i)).toContain('55.000 de militari');
    expect(run(at('dev.pe', i), at('dev.src', i))).toEqual([]);
    // A changed number is still one.
    expect(run(at('dev.pe', i).replace('55.000', '56.000'), at('dev.src', i))).toEqual(['"56.000" where the source has "55.000"']);
  });
});
