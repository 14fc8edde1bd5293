import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../io/errors.js';
import { decodeText, readTextFile } from '../../io/read-text.js';
import {
  bleuOptionsFromPy,
  bleuSentence,
  chrfOptionsFromPy,
  chrfSentence,
  CorpusAccumulator,
  METRIC_NAMES,
  REPORT_METRICS,
  terOptionsFromPy,
  terSentence,
  type CorpusScores,
  type MetricName,
  type PairScores,
  type ReportMetric,
  type ScoreOptions,
} from '../../metrics/index.js';

// `tqa score`: sacrebleu's sentence and corpus metrics for hypothesis/reference pairs. A stable contract that
// other tools script against: one JSON object per pair, then one corpus object, on stdout. The metric flags are
// sacrebleu's CLI flags; a JSONL line may instead name one metric and pass sacrebleu's Python keyword arguments.

interface ScoreOpts {
  jsonl?: boolean;
  metrics?: string;
  targetLang?: string;
  tokenize?: string;
  lowercase?: boolean;
  smoothMethod?: string;
  smoothValue?: string;
  maxNgramOrder?: string;
  chrfCharOrder?: string;
  chrfWordOrder?: string;
  chrfBeta?: string;
  chrfWhitespace?: boolean;
  chrfLowercase?: boolean;
  chrfEpsSmoothing?: boolean;
  terNormalized?: boolean;
  terNoPunct?: boolean;
  terAsianSupport?: boolean;
  terCaseSensitive?: boolean;
}

export function register(program: Command): void {
  program
    .command('score')
    .description(
      'Score hypothesis/reference pairs exactly like sacrebleu 2.6.0: TER, chrF, chrF++, BLEU per pair (sentence defaults) and for the corpus',
    )
    .argument('[hyp]', 'hypothesis file, one segment per line')
    .argument('[ref]', 'reference file, line-aligned with HYP')
    .option('--jsonl', 'read {"hyp": ..., "ref": ...} objects from stdin, one per line, instead of two files')
    .option('--metrics <list>', 'compute and print only these, comma-separated: ter, chrf, chrfpp, bleu (default: all four)')
    .option('--target-lang <bcp47>', "target language: picks sacrebleu's BLEU tokenizer for it when --tokenize is not given (zh → zh)")
    .option('--tokenize <name>', 'BLEU tokenizer: 13a (default), intl, char, none, zh (ja-mecab, ko-mecab, spm, flores101/200 are refused)')
    .option('--lowercase', 'BLEU: case-insensitive')
    .option('--smooth-method <m>', 'BLEU smoothing: exp (default), floor, add-k, none')
    .option('--smooth-value <v>', 'BLEU smoothing value for floor (default 0.1) and add-k (default 1)')
    .option('--max-ngram-order <n>', 'BLEU maximum n-gram order (default 4; sacrebleu: max_ngram_order)')
    .option('--chrf-char-order <n>', 'chrF character n-gram order (default 6)')
    .option('--chrf-word-order <n>', 'chrF word n-gram order (default 0; chrF++ always uses 2)')
    .option('--chrf-beta <n>', 'chrF beta (default 2)')
    .option('--chrf-whitespace', 'chrF: keep whitespace in character n-grams')
    .option('--chrf-lowercase', 'chrF: case-insensitive')
    .option('--chrf-eps-smoothing', 'chrF: epsilon smoothing (chrF++.py, NLTK, Moses) instead of effective order')
    .option('--ter-normalized', 'TER: tercom normalisation (punctuation tokenised)')
    .option('--ter-no-punct', 'TER: remove punctuation')
    .option('--ter-asian-support', 'TER: split CJK characters / remove CJK punctuation (with --ter-normalized / --ter-no-punct)')
    .option('--ter-case-sensitive', 'TER: case-sensitive')
    .addHelpText(
      'after',
      `
Output (JSON Lines on stdout), one object per pair:
  {"ter": 40, "ter_edits": 2, "ter_ref_len": 5, "chrf": 41.5, "chrfpp": 40.1, "bleu": 14.8}
then one corpus object:
  {"corpus": true, "ter": ..., "chrf": ..., "chrfpp": ..., "bleu": ..., "signatures": {"ter": "nrefs:1|case:lc|..."}}
Sentence BLEU uses effective order, corpus BLEU does not (as sacrebleu's CLI with and without -sl).
With --jsonl a line may name one metric and pass sacrebleu's Python keyword arguments (BLEU(...), CHRF(...),
TER(...), with their defaults; effective_order is false unless given):
  {"hyp": "...", "ref": "...", "metric": "bleu", "options": {"tokenize": "zh", "smooth_method": "floor"}}
and gets {"metric": "bleu", "score": ...} (TER adds "ter_edits", "ter_ref_len"); the flags above do not apply to
it. Lines without "metric" get the per-pair object; the corpus object covers those lines only (printed when the
input has any, or is empty).
Scores are on sacrebleu's 0-100 scale (TER can exceed 100). Files are split at \\n (a \\r before it is dropped).
Exit codes: 0 ok, 2 bad usage or bad input (one line on stderr).`,
    )
    .action((hyp: string | undefined, ref: string | undefined, opts: ScoreOpts) => {
      const scoreOpts = scoreOptionsFromFlags(opts);
      let pairs: InputLine[];
      if (opts.jsonl) {
        if (hyp !== undefined) throw new InputError('score: give either --jsonl (pairs on stdin) or HYP and REF files, not both');
        pairs = parseJsonl(decodeText(readFileSync(0), '<stdin>', { allowEmpty: true }));
      } else {
        if (hyp === undefined || ref === undefined) throw new InputError('score: give HYP and REF files, or --jsonl to read pairs from stdin');
        pairs = readAlignedFiles(hyp, ref);
      }
      const only = metricsFlag(opts.metrics);
      const acc = new CorpusAccumulator({ ...scoreOpts, only });
      let plain = 0;
      const out: string[] = pairs.map((p) => {
        if (p.metric) return JSON.stringify(metricJson(p as Required<InputLine>));
        plain++;
        return JSON.stringify(pairJson(acc.add(p.hyp, p.ref), only));
      });
      if (plain > 0 || pairs.length === 0) out.push(JSON.stringify(corpusJson(acc.result(), only)));
      process.stdout.write(out.join('\n') + '\n');
    });
}

/** One input pair; `metric` and `options` only on --jsonl lines that ask for one metric. */
export interface InputLine {
  hyp: string;
  ref: string;
  metric?: MetricName;
  options?: Record<string, unknown>;
}

function metricJson(p: Required<InputLine>): Record<string, unknown> {
  if (p.metric === 'bleu') return { metric: 'bleu', score: bleuSentence(p.hyp, p.ref, { effectiveOrder: false, ...bleuOptionsFromPy(p.options) }).score };
  if (p.metric === 'chrf') return { metric: 'chrf', score: chrfSentence(p.hyp, p.ref, chrfOptionsFromPy(p.options)) };
  const t = terSentence(p.hyp, p.ref, terOptionsFromPy(p.options));
  return { metric: 'ter', score: t.score, ter_edits: t.edits, ter_ref_len: t.refLength };
}

/** The metric flags as sacrebleu keyword arguments, checked by the same code as a JSONL line's options. */
export function scoreOptionsFromFlags(f: ScoreOpts): ScoreOptions {
  const int = (v: string | undefined, flag: string): number | undefined => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new InputError(`${flag} must be a whole number, not '${v}'`);
    return Number(v);
  };
  const number = (v: string | undefined, flag: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new InputError(`${flag} must be a number, not '${v}'`);
    return n;
  };
  // An error about a keyword argument names the flag it came from: `bleu option "smooth_method"` → --smooth-method.
  const py = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const msg = e.message.replace(/^(bleu|chrf|ter) options? "(\w+)"( and "(\w+)")?/, (_m, metric: string, k: string, _a, k2?: string) =>
        [k, k2].filter(Boolean).map((x) => flagName(metric, x!)).join(' and '),
      );
      if (f.tokenize === undefined && f.targetLang !== undefined && /^BLEU tokenizer/.test(msg))
        throw new InputError(`--target-lang ${f.targetLang}: sacrebleu's ${msg.replace('; use one of', '; choose with --tokenize one of')}`);
      throw new InputError(msg);
    }
  };
  const bleu = py(() => {
    const o = bleuOptionsFromPy({
      tokenize: f.tokenize ?? null,
      trg_lang: f.targetLang ?? null,
      lowercase: f.lowercase ?? null,
      smooth_method: f.smoothMethod ?? null,
      smooth_value: number(f.smoothValue, '--smooth-value') ?? null,
      max_ngram_order: int(f.maxNgramOrder, '--max-ngram-order') ?? null,
    });
    delete o.effectiveOrder;
    return o;
  });
  const chrf = py(() =>
    chrfOptionsFromPy({
      char_order: int(f.chrfCharOrder, '--chrf-char-order') ?? null,
      word_order: int(f.chrfWordOrder, '--chrf-word-order') ?? null,
      beta: number(f.chrfBeta, '--chrf-beta') ?? null,
      whitespace: f.chrfWhitespace ?? null,
      lowercase: f.chrfLowercase ?? null,
      eps_smoothing: f.chrfEpsSmoothing ?? null,
    }),
  );
  const ter = py(() =>
    terOptionsFromPy({
      normalized: f.terNormalized ?? null,
      no_punct: f.terNoPunct ?? null,
      asian_support: f.terAsianSupport ?? null,
      case_sensitive: f.terCaseSensitive ?? null,
    }),
  );
  return { bleu, chrf, ter };
}

/** The CLI flag of a sacrebleu keyword argument (sacrebleu's own CLI names; BLEU's have no prefix). */
function flagName(metric: string, key: string): string {
  const dashed = key.replaceAll('_', '-');
  if (metric === 'bleu') return key === 'trg_lang' ? '--target-lang' : `--${dashed}`;
  if (metric === 'chrf') return `--chrf-${dashed}`;
  return `--ter-${dashed}`;
}

/** --metrics: a comma-separated subset of the four (sacrebleu's CLI has -m); undefined for all. */
function metricsFlag(v: string | undefined): ReportMetric[] | undefined {
  if (v === undefined) return undefined;
  const names = v.split(',').map((x) => x.trim());
  for (const n of names)
    if (!(REPORT_METRICS as readonly string[]).includes(n)) throw new InputError(`--metrics: unknown metric '${n}'; use ${REPORT_METRICS.join(', ')}`);
  return names as ReportMetric[];
}

/** Drops the keys of metrics not asked for (`ter` also takes its edits and length, `bleu` both signatures). */
function onlyAsked<T extends Record<string, unknown>>(o: T, only: readonly ReportMetric[] | undefined): T {
  if (!only) return o;
  const metricOf = (k: string): string => (k.startsWith('ter') ? 'ter' : k.startsWith('bleu') ? 'bleu' : k);
  return Object.fromEntries(Object.entries(o).filter(([k]) => !(REPORT_METRICS as readonly string[]).includes(metricOf(k)) || only.includes(metricOf(k) as ReportMetric))) as T;
}

function pairJson(s: PairScores, only?: readonly ReportMetric[]): Record<string, number> {
  return onlyAsked({ ter: s.ter, ter_edits: s.terEdits, ter_ref_len: s.terRefLength, chrf: s.chrf, chrfpp: s.chrfpp, bleu: s.bleu }, only);
}

function corpusJson(c: CorpusScores, only?: readonly ReportMetric[]): Record<string, unknown> {
  const signatures = onlyAsked({ ...c.signatures }, only);
  return { ...onlyAsked({ corpus: true, ter: c.ter, chrf: c.chrf, chrfpp: c.chrfpp, bleu: c.bleu }, only), signatures };
}

/** Pairs from JSON Lines; blank lines are skipped, anything else that is not {"hyp": string, "ref": string} is an
 *  error naming the line. Everything is checked before anything is printed. */
export function parseJsonl(text: string): InputLine[] {
  const pairs: InputLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const where = `<stdin>:${i + 1}`;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new InputError(`${where}: not valid JSON (${(e as Error).message})`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InputError(`${where}: expected an object {"hyp": "...", "ref": "..."}`);
    const o = v as Record<string, unknown>;
    for (const k of ['hyp', 'ref'] as const) {
      if (!(k in o)) throw new InputError(`${where}: missing "${k}"`);
      if (typeof o[k] !== 'string') throw new InputError(`${where}: "${k}" must be a string`);
    }
    const p: InputLine = { hyp: o.hyp as string, ref: o.ref as string };
    if (o.metric !== undefined) {
      if (typeof o.metric !== 'string' || !(METRIC_NAMES as readonly string[]).includes(o.metric))
        throw new InputError(`${where}: "metric" must be one of ${METRIC_NAMES.map((m) => `"${m}"`).join(', ')}`);
      const options = o.options ?? {};
      if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new InputError(`${where}: "options" must be an object`);
      p.metric = o.metric as MetricName;
      p.options = options as Record<string, unknown>;
      // Checked now, so that a bad option fails before anything is printed.
      try {
        ({ bleu: bleuOptionsFromPy, chrf: chrfOptionsFromPy, ter: terOptionsFromPy })[p.metric](p.options);
      } catch (e) {
        throw e instanceof InputError ? new InputError(`${where}: ${e.message}`) : e;
      }
    } else if (o.options !== undefined) throw new InputError(`${where}: "options" needs "metric" ("bleu", "chrf" or "ter")`);
    pairs.push(p);
  }
  return pairs;
}

/** The lines of a text file: split at \n, a \r before it dropped, no extra empty segment after a final newline. */
export function textLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Two line-aligned files as pairs; different line counts are bad input. */
export function readAlignedFiles(hypPath: string, refPath: string): Array<{ hyp: string; ref: string }> {
  const hyps = textLines(readTextFile(hypPath, { allowEmpty: true }).text);
  const refs = textLines(readTextFile(refPath, { allowEmpty: true }).text);
  if (hyps.length !== refs.length)
    throw new InputError(`${hypPath} has ${hyps.length} lines but ${refPath} has ${refs.length}; the files must be line-aligned`);
  return hyps.map((hyp, i) => ({ hyp, ref: refs[i]! }));
}
