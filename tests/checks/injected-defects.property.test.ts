// Defects injected into real units (git's German po/de.po, ORCID's French XLIFF excerpt) by fast-check: drop,
// swap or add a placeholder, break a tag, change a number, leave a unit untranslated, lose an escape (a PO
// string's trailing \n). A defect counts as found when the mutated unit gets a finding the original unit did
// not have. The rate per kind must be ≥ 95%.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNIT_CHECKS, runChecks } from '../../src/checks/index.js';
import { placeholders } from '../../src/checks/rules/format-string.js';
import { runUnitChecks, unitsFromLocalized, type CheckUnit } from '../../src/checks/units.js';
import { readLocalized } from '../../src/io/formats/index.js';
import { packFor } from '../../src/lang/index.js';

const REAL = new URL('../fixtures/checks/real/', import.meta.url).pathname;
const load = (name: string) => unitsFromLocalized(readLocalized({ mt: join(REAL, name) }, { mtOnly: true }));
const git = load('git-de.po');
const orcid = load('orcid-angular-messages.fr.excerpt.xlf');

/** Every finding on one unit (unit checks, and the text checks on the unit with its source), as rule+message. */
function findingsOf(u: CheckUnit, lang: string, numbers: boolean): Set<string> {
  const unit = { ...u, start: 0, end: u.target.length };
  const ctx = { units: [unit], pack: packFor(lang), sourcePack: packFor('en'), allow: new Set<string>(), ...(lang === 'de' ? { decodedEscapes: true } : {}) };
  const out = new Set(runUnitChecks(u.target, UNIT_CHECKS, ctx).map((f) => `${f.rule} ${f.message}`));
  // The number check is a text check (check/number-mismatch): one unit, its source alongside.
  if (!numbers) return out;
  for (const f of runChecks(u.target.replace(/\n/g, ' '), { source: u.source!.replace(/\n/g, ' '), pack: packFor(lang), sourcePack: packFor('en') })) {
    if (f.rule === 'check/number-mismatch') out.add(`${f.rule} ${f.message}`);
  }
  return out;
}

const NUMBER = /(?<![\p{L}\d%$.,<-])\d+(?![\p{L}\d$.,>])/u;

type Mutation = (u: CheckUnit, r: number) => string | undefined;

const C = new Set(['c'] as const);
const printf = (s: string) => placeholders(s, C, true);

const MUTATIONS: Record<string, { pool: CheckUnit[]; lang: string; mutate: Mutation }> = {
  'drop a placeholder': {
    pool: git.filter((u) => printf(u.target).length > 0),
    lang: 'de',
    mutate: (u, r) => {
      const ps = printf(u.target);
      const p = ps[Math.floor(r * ps.length)]!;
      return u.target.slice(0, p.start) + u.target.slice(p.end);
    },
  },
  'swap two placeholders': {
    pool: git.filter((u) => {
      const ps = printf(u.target);
      return ps.length >= 2 && new Set(ps.map((p) => p.key)).size >= 2 && ps.every((p) => !/\$/.test(p.key));
    }),
    lang: 'de',
    mutate: (u) => {
      const ps = printf(u.target);
      const a = ps[0]!;
      const b = ps.find((p) => p.key !== a.key)!;
      const t = u.target;
      return t.slice(0, a.start) + t.slice(b.start, b.end) + t.slice(a.end, b.start) + t.slice(a.start, a.end) + t.slice(b.end);
    },
  },
  'add a placeholder': {
    pool: git.filter((u) => /\s/.test(u.target.trim())),
    lang: 'de',
    mutate: (u, r) => {
      const spaces = [...u.target.trim().matchAll(/ /g)].map((m) => m.index);
      const at = spaces[Math.floor(r * spaces.length)]!;
      return `${u.target.slice(0, at)} %s${u.target.slice(at)}`;
    },
  },
  'break a tag': {
    pool: orcid.filter((u) => /[\uE000-\uF8FF]/.test(u.target)),
    lang: 'fr',
    mutate: (u, r) => {
      const at = [...u.target.matchAll(/[\uE000-\uF8FF]/g)].map((m) => m.index);
      const k = at[Math.floor(r * at.length)]!;
      return u.target.slice(0, k) + u.target.slice(k + 1);
    },
  },
  'change a number': {
    // A number standing as a number (not the 1 of "sha1" or of "%<PRIu64>").
    pool: git.filter((u) => NUMBER.test(u.source!) && NUMBER.test(u.target)),
    lang: 'de',
    mutate: (u, r) => {
      const ms = [...u.target.matchAll(new RegExp(NUMBER.source, 'gu'))];
      if (ms.length === 0) return undefined;
      const m = ms[Math.floor(r * ms.length)]!;
      return u.target.slice(0, m.index) + String(Number(m[0]) + 1 + Math.floor(r * 7)) + u.target.slice(m.index + m[0].length);
    },
  },
  'leave a unit untranslated': {
    pool: git.filter((u) => /\p{L}/u.test(u.source!)),
    lang: 'de',
    mutate: () => '',
  },
  'lose an escape (trailing \\n)': {
    pool: git.filter((u) => u.source!.endsWith('\n') && u.target.endsWith('\n')),
    lang: 'de',
    mutate: (u) => u.target.replace(/\n$/, ''),
  },
};

describe('injected defects in real units are found ≥ 95% of the time', () => {
  for (const [kind, { pool, lang, mutate }] of Object.entries(MUTATIONS)) {
    it(kind, () => {
      expect(pool.length).toBeGreaterThan(0);
      const cases = fc.sample(fc.tuple(fc.nat({ max: pool.length - 1 }), fc.double({ min: 0, max: 0.999, noNaN: true })), { numRuns: 150, seed: 8 });
      let tried = 0;
      let found = 0;
      const missed: string[] = [];
      for (const [i, r] of cases) {
        const u = pool[i]!;
        const target = mutate(u, r);
        if (target === undefined || target === u.target) continue;
        tried++;
        const before = findingsOf(u, lang, kind === 'change a number');
        const after = findingsOf({ ...u, target, end: u.start + target.length }, lang, kind === 'change a number');
        if ([...after].some((f) => !before.has(f))) found++;
        else missed.push(`${JSON.stringify(u.source)} → ${JSON.stringify(target)}`);
      }
      const rate = found / tried;
      // The figure is printed for the report (docs/checks.md).
      console.log(`${kind}: ${found}/${tried} = ${(100 * rate).toFixed(1)}%`);
      expect(tried).toBeGreaterThan(20);
      expect(rate, missed.slice(0, 5).join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});
