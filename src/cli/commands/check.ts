import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { DocumentReport, Glossary, Report } from '../../model.js';
import { InputError } from '../../io/errors.js';
import { readTextFile } from '../../io/read-text.js';
import { readGlossary } from '../../io/glossary.js';
import { CHECKS, UNIT_CHECKS } from '../../checks/index.js';
import { defaultConfig, makeConfig, settingsFor, type Config, type ResolvedSettings } from '../../checks/config.js';
import { checkDocument } from '../../checks/document.js';
import { withUnitFindings } from '../../checks/units.js';
import { unitCheckFindings } from '../../checks/unit-input.js';
import { evaluateGate } from '../../checks/gate.js';
import { makeBaseline, parseBaseline } from '../../checks/baseline.js';
import { parseRulesFile, type LearnedRule } from '../../checks/learned.js';
import { formatCheckText } from '../../checks/text-format.js';
import { documentId, makeReport } from '../../audit.js';
import { formatReport } from '../../report/index.js';
import { checkInputFromFiles } from '../../audit-files.js';
import { noticeLanguage } from '../language.js';
import { detectFormat, type UnitCounts } from '../../io/formats/index.js';
import { readInputBytes } from '../../io/read-text.js';
import { withDecisionStore } from '../decisions.js';
import { readJsonFile } from '../json-file.js';
import { writeOutput } from '../output.js';

const CHECK_FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'md'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];
const DEFAULT_CONFIG = 'tqa.config.json';
const DEFAULT_BASELINE = 'tqa-baseline.json';

interface CheckOpts {
  corrected?: string;
  source?: string;
  glossary?: string;
  config?: string;
  format: CheckFormat;
  out?: string;
  baseline?: string;
  writeBaseline?: boolean;
  rules?: string;
  db?: string;
  tokenized?: boolean;
  segmentation?: 'auto' | 'lines';
  listChecks?: boolean;
  columns?: string;
  skipFuzzy?: boolean;
  targetLang?: string;
  sourceLang?: string;
}

/** One document to check: an MT file and what goes with it (a folder's corrected.txt, source.txt, glossary.tsv). */
interface Target {
  mt: string;
  corrected?: string;
  source?: string;
  glossary?: string;
}

export function register(program: Command): void {
  program
    .command('check')
    .description(
      'CI gate: check MT files (or folders, or globs) with reference-free checks, learned rules and, with a correction, the audit; exit 0 pass, 1 fail, 2 bad input',
    )
    .argument('[inputs...]', 'MT files, folders (<dir>/mt.txt [+ corrected.txt, source.txt, glossary.tsv], or any *.txt and XLIFF/PO/TMX/CSV file under it) or globs')
    .option('--corrected <file>', 'the post-edited text of a single MT file: the audit runs too')
    .option('--source <file>', 'the source text of a single MT file (number and untranslated-word checks)')
    .option('--glossary <file>', 'glossary TSV: term<TAB>forbidden|variants')
    .option('--config <file>', `gate config (default: ./${DEFAULT_CONFIG} when it exists)`)
    .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .option('--out <file>', 'write the output to a file instead of stdout')
    .option('--baseline <file>', 'fingerprints of accepted findings: the gate fails only on new ones')
    .option('--write-baseline', `write the current findings to the baseline file (--baseline, default ${DEFAULT_BASELINE}) and exit 0`)
    .option('--rules <file>', 'learned correction rules (tqa learn --out)')
    .option('--db <file>', 'reviewer decisions (tqa serve): rejected findings drop out, recategorised ones change')
    .option('--tokenized', 'the MT is a tokenised corpus of independent segments: no spacing-around-punctuation, broken-sentence or consistency checks')
    .addOption(new Option('--segmentation <mode>', 'audit segmentation with --corrected').choices(['auto', 'lines']))
    .option('--columns <spec>', 'CSV/TSV columns: source=…,mt=…,corrected=…,id=… (defaults: source/src, mt/hyp, corrected/pe, id)')
    .option('--skip-fuzzy', 'leave out fuzzy / needs-review units (PO #, fuzzy; XLIFF needs-review-*): they are drafts (counted on stderr)')
    .option('--list-checks', 'list the reference-free checks and exit')
    .option('--target-lang <bcp47>', "the MT's language (de, fr-CA, zh…): its language pack (default: the file's metadata, else detected)")
    .option('--source-lang <bcp47>', "the source's language, for the number and untranslated-word checks (default: the file's metadata, else detected)")
    .action((inputs: string[], opts: CheckOpts) => runCheck(inputs, opts));
}

function runCheck(inputs: string[], opts: CheckOpts): void {
  if (opts.listChecks) {
    process.stdout.write([...CHECKS, ...UNIT_CHECKS].map((c) => `${c.id.padEnd(32)} ${c.severity.padEnd(6)} ${c.category.padEnd(30)} ${c.description}`).join('\n') + '\n');
    return;
  }
  if (inputs.length === 0) throw new InputError('check: give at least one MT file, folder or glob');
  const config = loadConfig(opts.config);
  const targets = resolveTargets(inputs);
  if ((opts.corrected || opts.source) && targets.length !== 1) {
    throw new InputError(`check: --corrected/--source go with exactly one MT file (${targets.length} given)`);
  }
  if (opts.corrected) targets[0]!.corrected = opts.corrected;
  if (opts.source) targets[0]!.source = opts.source;

  const glossaries = new Map<string, Glossary>();
  const ruleFiles = new Map<string, LearnedRule[]>();
  const settingsByPath = new Map<string, ResolvedSettings>();
  const ids = uniqueIds(targets.map((t) => t.mt));
  const documents = withDecisionStore(opts.db, (decided) =>
    targets.map((t, i) => {
      const s = settingsFor(config, t.mt);
      settingsByPath.set(t.mt, s);
      const glossaryPath = opts.glossary ?? t.glossary;
      const glossary = glossaryPath ? cached(glossaries, glossaryPath, () => readGlossary(glossaryPath)) : inlineOrFile(s.glossary, glossaries);
      const rulesPath = opts.rules ?? s.rules;
      const rules = rulesPath ? cached(ruleFiles, rulesPath, () => parseRulesFile(readJsonFile(rulesPath, 'rules file'), rulesPath).rules) : undefined;
      const id = ids[i]!;
      const langs = { ...(opts.targetLang ? { targetLang: opts.targetLang } : {}), ...(opts.sourceLang ? { sourceLang: opts.sourceLang } : {}) };
      const auditOpts = { segmentation: opts.segmentation ?? s.segmentation, mqm: s.mqm, ...langs };
      // Plain text or a localization file (XLIFF/PO/TMX/CSV: findings located in that file for text/SARIF/...).
      const { mt, source, audit, locate, localized } = checkInputFromFiles(t.mt, t.corrected, t.source, {
        id,
        glossary,
        audit: auditOpts,
        ...(opts.columns !== undefined ? { columns: opts.columns } : {}),
        ...(opts.skipFuzzy ? { skipFuzzy: true } : {}),
      });
      if (localized) reportCounts(t.mt, localized.counts);
      // A localization file's units are independent strings: a "sentence broken across two lines" is two units.
      const independent = localized ? ['check/broken-sentence', 'check/leading-punctuation'] : [];
      const doc = checkDocument(
        { id, mt, source, glossary, audit, ...localized?.langs },
        { allow: s.allow, tokenized: opts.tokenized || s.tokenized, disable: [...s.ignoreRules, ...independent], rules, mqm: s.mqm, ...langs },
      );
      noticeLanguage(doc);
      // The unit checks (placeholders, tags, escapes… per unit against its own source).
      const checked = withUnitFindings(doc, unitCheckFindings(mt.text, source?.text, localized, {
          allow: s.allow,
          disable: [...s.ignoreRules],
          // The languages the text checks ran with (option, file metadata or detection), decided once.
          ...(doc.language ? { targetLang: doc.language.target } : {}),
          ...(doc.language?.source ? { sourceLang: doc.language.source } : {}),
          ...(s.formats ? { formats: s.formats } : {}),
          ...(s.maxLength !== undefined ? { maxLength: s.maxLength } : {}),
        }));
      return locate(decided(checked, auditOpts), opts.format);
    }),
  );
  const report: Report = makeReport(documents);
  const settingsOf = (doc: DocumentReport) => settingsByPath.get(doc.mt.path)!;

  if (opts.writeBaseline) {
    const path = opts.baseline ?? DEFAULT_BASELINE;
    // Ignored findings are not part of the baseline: they never count anyway.
    const current = evaluateGate(report, settingsOf).report;
    const b = makeBaseline(current);
    writeOutput(path, `${JSON.stringify(b, null, 2)}\n`);
    process.stderr.write(`tqa: wrote ${b.findings.length} finding fingerprint${b.findings.length === 1 ? '' : 's'} to ${path}\n`);
    return;
  }

  const baseline = opts.baseline ? parseBaseline(readJsonFile(opts.baseline, 'baseline'), opts.baseline) : undefined;
  const gate = evaluateGate(report, settingsOf, baseline);
  const output =
    opts.format === 'text' ? formatCheckText(gate.report, gate) : formatReport(gate.report, opts.format, { gate: { pass: gate.pass, lines: gate.lines } });
  writeOutput(opts.out, output);
  if (opts.format !== 'text') {
    for (const line of gate.lines) process.stderr.write(`tqa: ${gate.pass ? '' : 'gate failed: '}${line}\n`);
  }
  if (!gate.pass) process.exitCode = 1;
}

/** One stderr line per file for the units that were not checked as they stand (machine output stays clean). */
function reportCounts(path: string, c: UnitCounts): void {
  const parts: string[] = [];
  if (c.noTarget) parts.push(`${c.noTarget} unit${c.noTarget === 1 ? '' : 's'} without a target (reported as untranslated)`);
  if (c.fuzzy) parts.push(`${c.fuzzy} fuzzy/needs-review unit${c.fuzzy === 1 ? '' : 's'} skipped (--skip-fuzzy)`);
  if (c.notTranslatable) parts.push(`${c.notTranslatable} translate="no" unit${c.notTranslatable === 1 ? '' : 's'} skipped`);
  if (parts.length) process.stderr.write(`tqa: ${path}: ${parts.join(', ')}\n`);
}

function loadConfig(path: string | undefined): Config {
  if (path === undefined) {
    if (!existsSync(DEFAULT_CONFIG)) return defaultConfig(process.cwd());
    path = DEFAULT_CONFIG;
  }
  return makeConfig(readJsonFile(path, 'config'), path);
}

function cached<T>(cache: Map<string, T>, key: string, load: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    v = load();
    cache.set(key, v);
  }
  return v;
}

function inlineOrFile(g: string | Glossary | undefined, cache: Map<string, Glossary>): Glossary | undefined {
  if (g === undefined || typeof g !== 'string') return g;
  return cached(cache, g, () => readGlossary(g));
}

/** Files, folders and globs → documents, in a stable order, each MT file once. A file is checked alone (its
 *  correction and source come from --corrected/--source); a folder brings its corrected.txt, source.txt and
 *  glossary.tsv. */
function resolveTargets(inputs: string[]): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (t: Target) => {
    const key = resolve(t.mt);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  };
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      for (const t of targetsInDir(input)) add(t);
    } else if (existsSync(input)) {
      add({ mt: input });
    } else if (isDynamicPattern(input)) {
      const files = globSync(input, { onlyFiles: true, expandDirectories: false }).sort();
      if (files.length === 0) throw new InputError(`${input}: no file matches`);
      for (const f of files) add({ mt: f });
    } else throw new InputError(`${input}: no such file or folder`);
  }
  return out;
}

function folderTarget(dir: string): Target {
  const opt = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : undefined);
  return { mt: join(dir, 'mt.txt'), corrected: opt('corrected.txt'), source: opt('source.txt'), glossary: opt('glossary.tsv') };
}

function targetsInDir(dir: string): Target[] {
  if (existsSync(join(dir, 'mt.txt'))) return [folderTarget(dir)];
  const docs = globSync('**/mt.txt', { cwd: dir, ignore: IGNORED }).sort().map((d) => folderTarget(join(dir, dirname(d))));
  const textDirs = new Set(docs.map((t) => resolve(dirname(t.mt))));
  // Localization files are checked wherever they sit (as the glob `dir/*.xlf` would), except in a text pair's folder.
  const localized = localizationTargets(dir).filter((t) => !textDirs.has(resolve(dirname(t.mt))));
  const files = docs.length ? [] : globSync('**/*.{txt,md}', { cwd: dir, ignore: IGNORED }).sort().map((f) => ({ mt: join(dir, f) }));
  const all = [...docs, ...files, ...localized].sort((a, b) => (a.mt < b.mt ? -1 : a.mt > b.mt ? 1 : 0));
  if (all.length === 0) throw new InputError(`${dir}: no mt.txt, no localization file (XLIFF, PO, TMX, CSV/TSV) and no .txt/.md file in this folder`);
  return all;
}

const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** The XLIFF/PO/TMX/CSV/TSV files under dir, one target each; `mt.<ext>` takes `corrected.<ext>` next to it as
 *  its correction (and the folder's glossary.tsv). A CSV/TSV counts only when its header names an MT column
 *  (a glossary or a data table is not a document). */
function localizationTargets(dir: string): Target[] {
  const files = globSync(`**/*.{${LOCALIZATION_EXTENSIONS.join(',')}}`, { cwd: dir, ignore: IGNORED, caseSensitiveMatch: false }).sort();
  const out: Target[] = [];
  for (const f of files) {
    const path = join(dir, f);
    const folder = dirname(path);
    const name = basename(path).toLowerCase();
    const ext = extname(name);
    if ((ext === '.csv' || ext === '.tsv') && detectFormat(readHead(path)) === 'text') continue;
    if (name.startsWith('corrected.') && files.some((g) => join(dir, g) === join(folder, `mt${extname(path)}`))) continue;
    const corrected = join(folder, `corrected${extname(path)}`);
    const glossary = join(folder, 'glossary.tsv');
    out.push({
      mt: path,
      ...(name.startsWith('mt.') && existsSync(corrected) ? { corrected } : {}),
      ...(existsSync(glossary) ? { glossary } : {}),
    });
  }
  return out;
}

const LOCALIZATION_EXTENSIONS = ['xlf', 'xliff', 'sdlxliff', 'mxliff', 'po', 'tmx', 'csv', 'tsv'];

function readHead(path: string): Uint8Array {
  return readInputBytes(path).subarray(0, 65536);
}

/** Document ids: the audit's documentId, made unique by the relative path when two files share it. */
function uniqueIds(paths: string[]): string[] {
  const ids = paths.map((p) => documentId(p));
  return ids.map((id, i) => {
    if (ids.indexOf(id) === ids.lastIndexOf(id)) return id;
    const rel = relative(process.cwd(), paths[i]!).split('\\').join('/');
    return rel.slice(0, rel.length - extname(rel).length);
  });
}
