// Monolingual MT checks (no source, no correction): names spelled two ways, a short word run into a capitalised
// one where a name was meant, lone letters and mixed-script words — and the gate on the bundled seed MT.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.js';
import { packFor } from '../../src/lang/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const hits = (rule: string, text: string, lang = 'en') =>
  runChecks(text, { pack: packFor(lang) })
    .filter((f) => f.rule === rule)
    .map((f) => `${f.mt.text} ${f.severity}`);

describe('check/name-variant', () => {
  it.each([
    ['President Volodymyr Zelensky met Macron. Later Volodyr Zelensky left.', ['Volodyr major']],
    // git po/de.po (real typos): German capitalises nouns, so it is a word misspelt, minor.
    ['Das Protokoll ist alt. Das Protkoll ist unbekannt.', ['Protkoll minor'], 'de'],
  ])('flags %j', (text, expected, lang = 'en') => expect(hits('check/name-variant', text, lang)).toEqual(expected));
  it.each([
    ['Russia and the Russian army; Ukraine and Ukrainian forces; Trump and the Trumps.'],
    ['Macron met Merkel and Marcon was not there.'], // a replaced letter is not flagged (two names may differ so)
  ])('passes %j', (text) => expect(hits('check/name-variant', text)).toEqual([]));
});

describe('check/merged-name', () => {
  it('flags "theTake" (the seed MT, for NATO) and passes camel-case brands', () => {
    expect(hits('check/merged-name', 'Ukraine wants to join theTake before the summit.')).toEqual(['theTake major']);
    expect(hits('check/merged-name', 'She bought an iPhone on eBay and runs macOS with jQuery.')).toEqual([]);
  });
});

describe('check/garbled-token', () => {
  it('flags a Latin e inside a Cyrillic word (git po/bg.po: "вeрсия") and a lone letter', () => {
    expect(runChecks('Нова вeрсия на програмата', { pack: packFor('bg') }).filter((f) => f.rule === 'check/garbled-token').map((f) => f.mt.text)).toEqual(['вeрсия']);
    expect(runChecks('Нова %sверсия', { pack: packFor('bg') }).filter((f) => f.rule === 'check/garbled-token')).toEqual([]);
  });
});

describe('the default gate on the seed MT', () => {
  const check = (file: string) => spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), 'check', file], { encoding: 'utf8', cwd: ROOT, timeout: 120000 });

  it('fails mt.txt with "theTake" and "Volodyr" among the reasons', () => {
    const r = check('texts/ukraine-security-guarantees/mt.txt');
    expect(r.status).toBe(1);
    const verdict = r.stdout.split('\n').find((l) => l.startsWith('gate failed'))!;
    expect(verdict).toContain('"Volodyr"');
    expect(verdict).toContain('"theTake"');
  });

  it('passes the corrected seed', () => {
    const r = check('texts/ukraine-security-guarantees/corrected.txt');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/gate passed/);
  });
});
