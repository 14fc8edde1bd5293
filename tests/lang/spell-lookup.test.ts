// HunspellLookup must answer correct() exactly as nspell does on the same dictionary: nspell is the oracle.
// Samples: word forms of nspell's own expanded dictionary (every Nth key of its word table; by default the table of
// every 20th .dic line, see compare), words of real text
// (the MLQE-PE en-de fixture, the Symfony/ORCID/git localization fixtures), and variants of both (upper case,
// capitalised, lower case, a letter dropped, a letter doubled), which are mostly non-words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nspell from 'nspell';
import { describe, expect, it, vi } from 'vitest';
import { HunspellLookup } from '../../src/lang/hunspell-lookup.js';
import { dictionaryFiles } from '../../src/lang/spell.js';

// nspell needs 10–30 s to build the French dictionary on a loaded 2-core machine.
vi.setConfig({ testTimeout: 300_000 });
// TQA_SPELL_ORACLE=all: larger samples and the slower dictionaries (nl, ru); the default keeps the suite short.
const all = process.env.TQA_SPELL_ORACLE === 'all';
const FORMS = all ? 8000 : 1500;
const REAL_WORDS = all ? Infinity : 1500;

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const real = {
  mlqeSrc: 'mlqe-pe/en-de-dev/dev.src',
  mlqeDe: 'mlqe-pe/en-de-dev/dev.pe',
  mlqeMt: 'mlqe-pe/en-de-dev/dev.mt',
  gitDe: 'checks/real/git-de.po',
  fr: 'checks/real/symfony-validators.fr.xlf',
  orcidFr: 'checks/real/orcid-angular-messages.fr.excerpt.xlf',
  es: 'checks/real/symfony-validators.es.xlf',
  ru: 'checks/real/symfony-validators.ru.xlf',
};
const realText: Record<string, string[]> = {
  en: [real.mlqeSrc],
  de: [real.mlqeDe, real.mlqeMt, real.gitDe],
  fr: [real.fr, real.orcidFr],
  es: [real.es],
  ru: [real.ru],
  // No Italian/Portuguese/Polish/Dutch fixture: the Romance texts still give real accented forms to reject or accept.
  it: [real.fr, real.es],
  pt: [real.es, real.fr],
  pl: [real.fr],
  nl: [real.mlqeDe],
};

function variants(w: string): string[] {
  const out = [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1), w.toLowerCase()];
  if (w.length > 3) out.push(w.slice(0, 2) + w.slice(3), w.slice(0, 2) + w.charAt(2) + w.slice(2));
  return out;
}

/** Every `keep`-th line of the .dic (with its count line): nspell can build that for the dictionaries it cannot
 *  build whole in usable time (it, pt, pl: over 16 million forms), and the affix rules stay the real ones. */
function thinned(dic: Buffer, keep: number): Buffer {
  const lines = dic.toString('utf8').split('\n');
  return Buffer.from([lines[0], ...lines.slice(1).filter((_, i) => i % keep === 0)].join('\n'));
}

const formsOf = (spell: ReturnType<typeof nspell>): string[] => Object.keys((spell as unknown as { data: Record<string, unknown> }).data);

function compare(lang: string, keep = 1) {
  const files = dictionaryFiles(`dictionary-${lang}`);
  const dic = keep > 1 ? thinned(files.dic, keep) : files.dic;
  const oracle = nspell({ aff: files.aff, dic });
  const mine = new HunspellLookup(files.aff, dic);
  // The forms to sample: listing a whole dictionary's word table takes seconds (French: 3 million keys, longer
  // than building it), so by default the list comes from nspell's expansion of every 20th .dic line of the same
  // dictionary (the same affix rules, a twentieth of the forms), and the whole oracle answers for them;
  // TQA_SPELL_ORACLE=all lists the whole table.
  const forms = all || keep > 1 ? formsOf(oracle) : formsOf(nspell({ aff: files.aff, dic: thinned(files.dic, 20) }));
  const step = Math.max(1, Math.floor(forms.length / FORMS));
  const sample = new Set<string>();
  for (let i = 0; i < forms.length; i += step) for (const v of variants(forms[i]!)) sample.add(v);
  const text = new Set<string>();
  for (const f of realText[lang] ?? []) for (const m of readFileSync(join(fixtures, f), 'utf8').matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) text.add(m[0]);
  for (const w of [...text].slice(0, REAL_WORDS)) for (const v of variants(w)) sample.add(v);
  const words = [...sample];
  const wrong = words.filter((w) => mine.correct(w) !== oracle.correct(w)).map((w) => `${w}: nspell ${oracle.correct(w)}`);
  expect(wrong.slice(0, 20)).toEqual([]);
  // The samples hold both answers in number (neither all words nor all non-words).
  const accepted = words.filter((w) => oracle.correct(w)).length;
  expect(accepted).toBeGreaterThan(words.length / 10);
  expect(accepted).toBeLessThan(words.length * 0.95);
}

describe('HunspellLookup.correct = nspell correct()', () => {
  for (const lang of ['en', 'de', 'es', 'fr']) it(`dictionary-${lang} (whole)`, () => compare(lang));
  // nspell cannot build these whole in usable time: the real .aff with every 100th (all: 40th) .dic line.
  for (const lang of ['it', 'pt', 'pl']) it(`dictionary-${lang} (thinned .dic)`, () => compare(lang, all ? 40 : 100));
  // Slower oracles, run on demand (TQA_SPELL_ORACLE=all; figures in BENCHMARKS.md).
  for (const lang of ['nl', 'ru']) it.runIf(all)(`dictionary-${lang} (whole)`, () => compare(lang));
});

describe('HunspellLookup on known answers', () => {
  it('follows the dictionary: forms, case rules, non-words', () => {
    const { aff, dic } = dictionaryFiles('dictionary-de');
    const de = new HunspellLookup(aff, dic);
    // Inflected forms come from affix rules, not from .dic lines.
    expect(['Häuser', 'Regierungen', 'beschlossen', 'neues', 'HÄUSER'].map((w) => de.correct(w))).toEqual([true, true, true, true, true]);
    expect(['Hauser', 'beschlosen', 'neuees', ''].map((w) => de.correct(w))).toEqual([false, false, false, false]);
  });
});
