// git's Bulgarian (tests/fixtures/checks/real/git-bg.po, GPL-2.0, licence beside it): a language with no pack of
// its own (the generic pack) still writes its own quotation marks, from CLDR („…“), and git's names for
// arguments (ФАЙЛ_1 for <file1>) are identifiers, not quantities.
import { describe, expect, it } from 'vitest';
import { readLocalized } from '../../src/io/formats/index.js';
import { runChecks, UNIT_CHECKS } from '../../src/checks/index.js';
import { runUnitChecks, unitsFromLocalized } from '../../src/checks/units.js';
import { packFor } from '../../src/lang/index.js';

const li = readLocalized({ mt: new URL('../fixtures/checks/real/git-bg.po', import.meta.url).pathname }, { mtOnly: true });
const unit = (source: string) => {
  const u = li.units.find((x) => x.source?.text === source);
  if (!u) throw new Error(`no unit "${source}" in git-bg.po`);
  return { mt: u.mt.text, source: u.source!.text };
};
const rules = (mt: string, source: string, rule: string) =>
  runChecks(mt, { source, pack: packFor('bg'), sourcePack: packFor('en') }).filter((f) => f.rule === rule).map((f) => f.message);

describe("git's Bulgarian, generic pack", () => {
  it('is read as Bulgarian, with no pack of its own', () => {
    expect(li.langs.targetLang).toBe('bg');
    expect(packFor('bg').level).toBe('generic');
    expect(packFor('bg').typography.quotes).toMatchObject({ start: '„', end: '“' });
  });

  it('„…“ quotes pair up (they were "unbalanced" when the generic pack took the root\'s “…”)', () => {
    const u = unit('stage should be between 1 and 3 or all');
    expect(u.mt).toBe('етапът трябва да е „1“, „2“, „3“ или „all“ (всички)');
    expect(rules(u.mt, u.source, 'check/unbalanced-quotes')).toEqual([]);
    // Across the whole file's targets that use them, none is left unpaired.
    const quoted = li.units.filter((x) => x.mt.text.includes('„'));
    expect(quoted.length).toBeGreaterThan(500);
    const unpaired = quoted.filter((x) => rules(x.mt.text, x.source?.text ?? '', 'check/unbalanced-quotes').some((m) => /„|“/.test(m)));
    expect(unpaired.length / quoted.length).toBeLessThan(0.01);
  });

  it('ФАЙЛ_1 / ИМЕ_2 are argument names, not numbers the source lacks', () => {
    const u = unit('set labels for file1/orig-file/file2');
    expect(u.mt).toBe('задаване на етикети за ФАЙЛ_1/ОРИГИНАЛ/ФАЙЛ_2');
    expect(rules(u.mt, u.source, 'check/number-mismatch')).toEqual([]);
    // A real quantity next to them still counts.
    expect(rules('задаване на 3 етикета за ФАЙЛ_1', 'set 2 labels for file1', 'check/number-mismatch')).toEqual(['"3" where the source has "2"']);
  });

  it('an ellipsis after an argument name in a usage line ("[ОПЦИЯ…]" for "[<options>]") is no sentence end; a lost question still is', () => {
    const units = unitsFromLocalized(li);
    const end = UNIT_CHECKS.filter((r) => r.id === 'check/end-punctuation');
    const ctx = { units, pack: packFor('bg'), sourcePack: packFor('en'), allow: new Set<string>(), decodedEscapes: true };
    const found = runUnitChecks(li.mt.text, end, ctx);
    const on = (source: string, target: string) => {
      const u = units.find((x) => x.source === source && x.target === target);
      expect(u).toBeDefined();
      return found.filter((f) => f.mt.start >= u!.start && f.mt.end <= u!.end).map((f) => f.message);
    };
    expect(on('git column [<options>]', 'git column [ОПЦИЯ…]')).toEqual([]);
    expect(on('Huh (%s)?\n', 'Неправилен избор (%s).\n')).toEqual(['the source ends with a question mark, the target with a full stop']);
  });

  it('a translation may start in lower case before the option its source starts with ("опцията „--quit“ …")', () => {
    // Two real units, line-aligned with their sources (the text check pairs lines so).
    const a = unit('--quit expects no arguments');
    const b = unit('--reset-author can be used only with -C, -c or --amend.');
    expect(a.mt).toMatch(/^опцията „--quit“/u);
    expect(b.mt).toMatch(/^опцията „--reset-author“/u);
    expect(rules(`${a.mt}\n${b.mt}`, `${a.source}\n${b.source}`, 'check/lowercase-start')).toEqual([]);
    // A source that starts with a capitalised word still wants a capital.
    expect(rules(`${a.mt}\n${b.mt}`, `The --quit option expects no arguments\n${b.source}`, 'check/lowercase-start')).toEqual(['The sentence starts in lower case: "Опцията"']);
  });
});
