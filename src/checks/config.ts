import { dirname, relative, resolve } from 'node:path';
import { z } from 'zod';
import { CATEGORIES, SEVERITIES, type Category, type Glossary, type Severity } from '../model.js';
import { InputError } from '../io/errors.js';
import { matchesGlob } from './glob.js';

// tqa.config.json: the gate's thresholds and the checks' inputs, with per-path overrides. Unknown keys are
// errors (a typo such as "maxHTER" must not silently disable a threshold).
const GlossaryEntry = z.strictObject({ term: z.string().min(1), forbidden: z.array(z.string().min(1)) });

const settingsShape = {
  /** Fail when a document's HTER (needs --corrected) is above this fraction. */
  maxHter: z.number().min(0).max(1).optional(),
  /** Fail when a document's MQM-based quality score (mqm-core preset) is below this. */
  minScore: z.number().max(100).optional(),
  /** Fail when a document does not pass its MQM-based threshold (mqm.preset / mqm.threshold; any preset). */
  mqmPass: z.boolean().optional(),
  /** Fail on any (new) finding at or above this severity; "none" turns the rule off. */
  failOn: z.enum([...SEVERITIES, 'none']).optional(),
  ignoreCategories: z.array(z.enum(CATEGORIES)).optional(),
  /** Rule ids to drop, e.g. "check/lowercase-start" or "en/spelling". */
  ignoreRules: z.array(z.string().min(1)).optional(),
  /** A glossary TSV (path relative to the config file) or inline entries. */
  glossary: z.union([z.string().min(1), z.array(GlossaryEntry)]).optional(),
  /** Learned rules (`tqa learn --out`), path relative to the config file. */
  rules: z.string().min(1).optional(),
  /** Words and phrases accepted as written: findings whose MT text is one of them drop out. */
  allow: z.array(z.string().min(1)).optional(),
  /** The MT is a tokenised corpus of independent segments: spacing, broken-sentence and consistency checks stay silent. */
  tokenized: z.boolean().optional(),
  segmentation: z.enum(['auto', 'lines']).optional(),
  /** Format-string flavours of the strings (PO flag names without "-format": "c", "python-brace", "icu", "qt"…);
   *  without it, PO flags or the strings themselves decide. */
  formats: z.array(z.string().min(1)).optional(),
  /** Largest target length in characters, for units whose file sets none. */
  maxLength: z.number().int().positive().optional(),
  mqm: z
    .strictObject({ preset: z.enum(['mqm-core', 'wmt-google']).optional(), threshold: z.number().optional() })
    .optional(),
};

const Settings = z.strictObject(settingsShape);
const Override = z.strictObject({ files: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]), ...settingsShape });
const ConfigSchema = z.strictObject({ $schema: z.string().optional(), ...settingsShape, overrides: z.array(Override).optional() });

export type Settings = z.infer<typeof Settings>;
export type ConfigFile = z.infer<typeof ConfigSchema>;

/** Settings after overrides, with paths resolved and defaults applied. */
export interface ResolvedSettings {
  maxHter?: number;
  minScore?: number;
  mqmPass: boolean;
  failOn: Severity | 'none';
  ignoreCategories: Set<Category>;
  ignoreRules: Set<string>;
  glossary?: string | Glossary;
  rules?: string;
  allow: string[];
  tokenized: boolean;
  segmentation?: 'auto' | 'lines';
  formats?: string[];
  maxLength?: number;
  mqm?: { preset?: 'mqm-core' | 'wmt-google'; threshold?: number };
}

export interface Config {
  /** The config file's path (undefined for the defaults). Relative paths in it are relative to its folder. */
  path?: string;
  base: string;
  file: ConfigFile;
}

export const DEFAULT_FAIL_ON: Severity = 'major';

/** Validates a parsed config; the error names the bad key's path ("overrides[1].maxHter: ..."). */
export function parseConfig(value: unknown, name: string): ConfigFile {
  const r = ConfigSchema.safeParse(value);
  if (r.success) {
    // minScore is a quality score (higher is better): it has no meaning for the wmt-google preset's penalty mean.
    const wmt = [r.data, ...(r.data.overrides ?? [])].find((s) => s.minScore !== undefined && (s.mqm?.preset ?? r.data.mqm?.preset) === 'wmt-google');
    if (wmt) throw new InputError(`${name}: minScore: applies to the mqm-core preset; with wmt-google use mqmPass and mqm.threshold`);
    return r.data;
  }
  const issue = r.error.issues[0]!;
  const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(top level)';
  throw new InputError(`${name}: ${where}: ${issue.message}`);
}

/** A config as read from `path` (JSON text already parsed by the caller); relative paths resolve from its folder. */
export function makeConfig(value: unknown, path: string): Config {
  return { path, base: dirname(resolve(path)), file: parseConfig(value, path) };
}

/** The defaults, when no config file is given: relative paths resolve from `cwd`. */
export function defaultConfig(cwd: string): Config {
  return { base: cwd, file: {} };
}

/** The settings for one file: the top level, then every override whose `files` glob matches the file's path
 *  relative to the config's folder, in order (later ones win; lists are replaced, not merged). */
export function settingsFor(config: Config, filePath: string): ResolvedSettings {
  const { overrides, $schema: _, ...top } = config.file;
  const rel = relative(config.base, resolve(filePath)).split('\\').join('/');
  let merged: Settings = { ...top };
  for (const o of overrides ?? []) {
    const { files, ...rest } = o;
    const patterns = typeof files === 'string' ? [files] : files;
    if (patterns.some((p) => matchesGlob(rel, p))) merged = { ...merged, ...rest };
  }
  const abs = (p: string | undefined) => (p === undefined ? undefined : resolve(config.base, p));
  return {
    maxHter: merged.maxHter,
    minScore: merged.minScore,
    mqmPass: merged.mqmPass ?? false,
    failOn: merged.failOn ?? DEFAULT_FAIL_ON,
    ignoreCategories: new Set(merged.ignoreCategories ?? []),
    ignoreRules: new Set(merged.ignoreRules ?? []),
    glossary: typeof merged.glossary === 'string' ? abs(merged.glossary) : merged.glossary,
    rules: abs(merged.rules),
    allow: merged.allow ?? [],
    tokenized: merged.tokenized ?? false,
    segmentation: merged.segmentation,
    ...(merged.formats ? { formats: merged.formats } : {}),
    ...(merged.maxLength !== undefined ? { maxLength: merged.maxLength } : {}),
    mqm: merged.mqm,
  };
}
