// The unit checks, each on tables of real strings (git's po/de.po and po/fr.po, GNOME/Symfony-style labels) that
// must pass and real or faithfully reproduced defects that must be flagged.
import { describe, expect, it } from 'vitest';
import { UNIT_CHECKS } from '../../src/checks/index.js';
import { runUnitChecks, type CheckUnit, type UnitRule } from '../../src/checks/units.js';
import { placeholders } from '../../src/checks/rules/format-string.js';
import { packFor } from '../../src/lang/index.js';

const rule = (id: string): UnitRule => UNIT_CHECKS.find((r) => r.id === `check/${id}`)!;

/** Messages of one rule on one unit (source → target), target language `lang`. */
function run(id: string, source: string, target: string, opts: { lang?: string; unit?: Partial<CheckUnit>; nplurals?: number } = {}): string[] {
  const unit: CheckUnit = { index: 0, start: 0, end: target.length, target, source, ...opts.unit };
  const ctx = { units: [unit], pack: packFor(opts.lang ?? 'de'), sourcePack: packFor('en'), allow: new Set<string>(), ...(opts.nplurals ? { nplurals: opts.nplurals } : {}) };
  return runUnitChecks(target, [rule(id)], ctx).map((f) => f.message);
}

type Case = [source: string, target: string, lang?: string];

function table(id: string, valid: Case[], invalid: Array<[...Case, RegExp]>) {
  describe(`check/${id}`, () => {
    it.each(valid)('passes %j → %j', (s, t, lang) => expect(run(id, s, t, { lang: lang ?? 'de' })).toEqual([]));
    it.each(invalid)('flags %j → %j', (s, t, lang, re) => {
      const m = run(id, s, t, { lang: lang ?? 'de' });
      expect(m.length).toBeGreaterThan(0);
      expect(m.join(' | ')).toMatch(re);
    });
  });
}

it('every unit check has an id, a doc line, an equivalent and a scope', () => {
  const ids = UNIT_CHECKS.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of UNIT_CHECKS) {
    expect(r.id).toMatch(/^check\/[a-z-]+$/);
    expect(r.description.length).toBeGreaterThan(20);
    expect(r.scope).not.toBe('');
    expect(r.equivalent.pofilter ?? r.equivalent.weblate).toBeDefined();
  }
});

table(
  'format-string',
  [
    ['unknown object type %d', 'Unbekannter Objekt-Typ %d'],
    ['cannot force update the branch \'%s\' used by worktree at \'%s\'', "Aktualisierung des vom Arbeitsverzeichnis '%2$s' verwendete Branch '%1$s' kann nicht erzwungen werden"],
    ['Your branch is ahead of \'%s\' by %d commit.', "Ihr Branch ist %2$d Commit vor '%1$s'."],
    ['%(count)s files', '%(count)s Dateien'],
    ['Hello {name}!', 'Hallo {name}!'],
    ['{count, plural, one {# file} other {# files}}', '{count, plural, one {# Datei} other {# Dateien}}'],
    ['{0} of {1}', '{0} von {1}'],
    ['Total: {0:N2}', 'Summe: {0:N2}'],
    ['{{count}} items', '{{count}} Elemente'],
    ['Copy %1 to %2', '%1 nach %2 kopieren'],
    ['Hello %{user}', 'Hallo %{user}'],
    ['100% done', 'zu 100 % fertig'],
    ['Rabais de 50 % sur tout', 'Rabais de 50 % sur tout', 'fr'],
  ],
  [
    // git po/de.po:7577-7578 (real): a printf call with no argument for it.
    ['cannot pread pack file', 'Kann Paketdatei %s nicht lesen', 'de', /placeholder "%s" is not in the source/],
    ['could not open temporary file', "konnte temporäre Datei '%s' nicht öffnen", 'de', /"%s" is not in the source/],
    ['unable to read %s', 'kann nicht lesen', 'de', /"%s" is missing/],
    ['%s: %d', '%d: %s', 'de', /another order/],
    ['Hello {name}!', 'Hallo {nom}!', 'de', /"\{nom\}" is not in the source.*"\{name\}" is missing/],
    ['{{count}} items', '{{anzahl}} Elemente', 'de', /\{\{anzahl\}\}/],
    ['Copy %1 to %2', '%1 kopieren', 'de', /"%2" is missing/],
    // LoopKit (faithful reproduction, not the original file): an Objective-C positional %1$@ garbled.
    ['%1$@ Units', '%-1 @ Einheiten', 'de', /"%1\$@" is missing/],
  ],
);

it('reads format flavours from PO flags: no-c-format leaves printf alone, python-brace-format reads {name}', () => {
  expect(run('format-string', '50%s off', '50 % Rabatt', { unit: { flags: ['no-c-format'] } })).toEqual([]);
  expect(run('format-string', '{user} left', 'left', { unit: { flags: ['python-brace-format'] } })).toEqual(['the source\'s placeholder "{user}" is missing']);
  expect(placeholders('%-5.2ld and %%', new Set(['c']), true).map((p) => p.key)).toEqual(['%ld']);
});

it('lets a plural form write its number in words (msgstr[0] "eine Datei" for "%d file")', () => {
  expect(run('format-string', '%d file', 'eine Datei', { unit: { pluralForm: 0, pluralCount: 2 } })).toEqual([]);
  expect(run('format-string', '%d file', 'eine Datei', {})).not.toEqual([]);
});

table(
  'inline-tags',
  [
    ['Click \uE000here\uE001', 'Klicken Sie \uE000hier\uE001'],
    ['\uE000Bold\uE001 and \uE002', '\uE000Fett\uE001 und \uE002'],
  ],
  [
    ['Click \uE000here\uE001 to continue', 'Klicken Sie hier, um fortzufahren', 'de', /missing/],
    ['Save', 'Speichern\uE003', 'de', /not in the source/],
    // Reordered tags are reported (minor: a language may reorder them).
    ['\uE000Bold\uE001 and \uE002', 'und \uE002 \uE000fett\uE001', 'de', /another order/],
  ],
);

table(
  'markup',
  [
    ['Use <b>git add</b> to stage', 'Benutzen Sie <b>git add</b> zum Vormerken'],
    // git's usage lines: <file> is a placeholder translators translate, not markup.
    ['git ls-files [<options>] [<file>...]', 'git ls-files [<Optionen>] [<Datei>...]'],
  ],
  [
    ['See <a href="https://git-scm.com">the site</a>', 'Siehe die Webseite', 'de', /<a>.*<\/a>/],
    ['Line<br/>break', 'Zeilen<br>umbruch<br/>', 'de', /not in the source/],
  ],
);

table(
  'escapes',
  [
    ['Path\\nName', 'Pfad\\nName'],
    ['Say \\"hi\\"', 'Sag \\"hallo\\"'],
  ],
  [
    // ORCID's French (reproduction of the reported defect): a stray \: in a .properties value.
    ['Biography:', 'Biographie\\:', 'fr', /"\\:" is not in the source/],
    ['First line\\nSecond line', 'Erste Zeile Zweite Zeile', 'de', /"\\n" is missing/],
  ],
);

table(
  'urls',
  [
    ['See https://git-scm.com/docs for help', 'Siehe https://git-scm.com/docs für Hilfe'],
    ['See https://example.org/en/help', 'Siehe https://example.org/de/help'],
  ],
  [
    ['Mail bugs@example.org', 'Mail an fehler@example.org', 'de', /fehler@example.org/],
    ['See https://git-scm.com/docs', 'Siehe die Dokumentation', 'de', /missing/],
  ],
);

table(
  'newlines',
  [
    ['Lines:\nfirst\nsecond', 'Zeilen:\nerste\nzweite'],
    ['could not finish pack-objects', 'Konnte pack-objects\nnicht abschließen'],
  ],
  [
    ['Manual hunk edit mode -- see bottom for a quick guide.\n', 'Manueller Editiermodus -- siehe unten.', 'de', /trailing line break missing/],
    ["a\nb\nc", "a b c", 'de', /no line break where the source has 2/],
  ],
);

table(
  'edge-spaces',
  [
    ['Looking up %s ... ', 'Suche nach %s ... '],
    ['Name', 'Name'],
  ],
  [
    // git po/de.po (real): the prompt loses the space the answer is typed after.
    ['Looking up %s ... ', 'Suche nach %s ...', 'de', /ends with a space/],
    ['Name', ' Name', 'de', /leading space/],
  ],
);

table('double-space', [['a  b', 'a  b'], ['File', 'Datei']], [['Open file', 'Datei  öffnen', 'de', /two spaces/]]);

table('zero-width', [['Save', 'Speichern']], [['Save', 'Spei\u200Bchern', 'de', /U\+200B/]]);

table(
  'end-punctuation',
  [
    ['Empty commit message.', 'Leere Commit-Beschreibung.'],
    ['Are you sure?', '¿Está seguro?', 'es'],
    ['Done.', '完成。', 'zh'],
    ['could not stage \'%s\'', "Konnte '%s' nicht zum Commit vormerken."],
    ['Name:', 'Nom :', 'fr'],
    ['Loading...', 'Laden…'],
  ],
  [
    ['Are you sure you want to continue?', 'Sind Sie sicher, dass Sie fortfahren wollen.', 'de', /question mark, the target with a full stop/],
    ['Are you sure you want to continue?', 'Está seguro de que desea continuar?', 'es', /opens with "¿"/],
    ['Name:', 'Name', 'de', /the source ends with a colon, the target without one/],
  ],
);

table(
  'brackets',
  [
    ['repository cannot be shallow', 'Repository kann keine unvollständige Historie (shallow) enthalten'],
    ['format the patch(es) are in', 'Patch-Format'],
  ],
  [['rebase (interactive)', 'Rebase (interaktiv', 'de', /1 "\(" but 0 "\)"/]],
);

table(
  'accelerators',
  [
    ['_Open', '_Öffnen'],
    ['&File', 'ファイル(&F)', 'ja'],
    ['Tom & Jerry', 'Tom und Jerry'],
  ],
  [
    ['_Open', 'Öffnen', 'de', /accelerator "_" is missing/],
    ['&Save', '&Spei&chern', 'de', /2 accelerators/],
  ],
);

table(
  'empty-target',
  [['Save', 'Speichern'], ['%s', '%s']],
  [
    ['Opening hours', '', 'de', /the target is empty/],
    ['Click \uE000here\uE001', '\uE000\uE001', 'de', /only tags or placeholders/],
  ],
);

table(
  'unchanged',
  [
    ['Status', 'Status'],
    ['%s (%s)', '%s (%s)'],
    ['Creative Commons Attribution', 'Creative Commons Attribution'],
  ],
  [['We recommend adding an additional', 'We recommend adding an additional', 'de', /copied unchanged/]],
);

table(
  'source-names',
  [
    ['President Volodymyr Zelensky met the leaders of the coalition today.', 'Präsident Volodymyr Zelensky traf heute die Führer der Koalition.'],
    ['San Marino', 'Saint-Marin', 'fr'],
    ['Find out more about the differences between the Public and Member APIs', 'En savoir plus sur les différences entre les API publiques et les API membres', 'fr'],
  ],
  [
    ['President Volodymyr Zelensky met the leaders of the coalition today.', 'Präsident Volodyr Zelensky traf heute die Führer der Koalition.', 'de', /"Volodymyr" is not in the target/],
    // git po/fr.po (real): the daemon's name replaced by another one.
    ['failed to stop the FSMonitor daemon', "Échec de l'arrêt de FSEVEntStream", 'fr', /"FSMonitor"/],
  ],
);

it('check/max-length reads the unit limit', () => {
  expect(run('max-length', 'Save', 'Speichern', { unit: { maxLength: 5 } })).toEqual(['9 characters; the limit is 5']);
  expect(run('max-length', 'Save', 'Sichern', { unit: { maxLength: 10 } })).toEqual([]);
});

it('check/plural-forms compares the forms with nplurals (file header, else CLDR through the pack)', () => {
  const forms = (n: number, lang: string, nplurals?: number) => {
    const units: CheckUnit[] = Array.from({ length: n }, (_, i) => ({ index: i, start: i * 3, end: i * 3 + 2, target: `f${i}`, source: '%d files', pluralForm: i, pluralCount: n }));
    const text = units.map((u) => u.target).join('\n');
    return runUnitChecks(text, [rule('plural-forms')], { units, pack: packFor(lang), allow: new Set(), ...(nplurals ? { nplurals } : {}) }).map((f) => f.message);
  };
  expect(forms(2, 'de')).toEqual([]);
  expect(forms(2, 'pl')).toEqual(['2 plural forms; Polish has 3 (CLDR)'.replace('3', String(packFor('pl').nplurals))]);
  expect(forms(3, 'ru', 3)).toEqual([]);
  expect(forms(2, 'ru', 3)).toEqual(["2 plural forms; Russian has 3 (the file's Plural-Forms header)"]);
});

it('check/inconsistent-translation and check/reused-translation compare units of one file', () => {
  const mk = (pairs: Array<[string, string]>) => {
    let at = 0;
    const units: CheckUnit[] = pairs.map(([s, t], i) => {
      const u = { index: i, start: at, end: at + t.length, target: t, source: s };
      at += t.length + 1;
      return u;
    });
    const text = pairs.map((p) => p[1]).join('\n');
    const ctx = { units, pack: packFor('de'), allow: new Set<string>() };
    return [rule('inconsistent-translation'), rule('reused-translation')].flatMap((r) => runUnitChecks(text, [r], ctx).map((f) => `${f.rule} ${f.segment}: ${f.message}`));
  };
  // git po/de.po (real): "type" is "Typ" in one place and "Art" in another.
  expect(mk([['type', 'Typ'], ['type', 'Art'], ['type', 'Typ']])).toEqual(['check/inconsistent-translation 1: "type" is translated "Typ" elsewhere (unit 1)']);
  expect(mk([['Delete the branch now', 'Den Branch jetzt löschen'], ['Keep the old remote repository', 'Den Branch jetzt löschen']])).toEqual([
    'check/reused-translation 1: the same translation as unit 1, whose source is "Delete the branch now"',
  ]);
  expect(mk([['could not stat the file', 'Konnte Datei nicht lesen'], ['unable to stat the file', 'Konnte Datei nicht lesen']])).toEqual([]);
});

it('config: formats restricts the flavours, maxLength sets a limit where the file has none', async () => {
  const { makeConfig, settingsFor } = await import('../../src/checks/config.js');
  const s = settingsFor(makeConfig({ formats: ['c'], maxLength: 8 }, '/repo/tqa.config.json'), '/repo/a.po');
  expect([s.formats, s.maxLength]).toEqual([['c'], 8]);
  expect(() => makeConfig({ maxLength: -1 }, '/repo/tqa.config.json')).toThrow(/maxLength/);
  const unit: CheckUnit = { index: 0, start: 0, end: 4, target: 'left', source: '{name} left' };
  const ctx = (formats?: string[]) => ({ units: [unit], pack: packFor('de'), allow: new Set<string>(), ...(formats ? { formats } : {}) });
  expect(runUnitChecks('left', [rule('format-string')], ctx()).map((f) => f.message)).toEqual(['the source\'s placeholder "{name}" is missing']);
  expect(runUnitChecks('left', [rule('format-string')], ctx(['c']))).toEqual([]);
  expect(runUnitChecks('left', [rule('format-string')], ctx(['python-brace'])).length).toBe(1);
});
