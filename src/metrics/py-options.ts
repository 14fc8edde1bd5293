// sacrebleu's keyword arguments (BLEU(...), CHRF(...), TER(...), Python names and defaults) checked and turned
// into tqa's metric options. Anything sacrebleu would not accept, or tqa cannot reproduce, is an InputError of
// one line that names the option and its allowed values.

import { InputError } from '../io/errors.js';
import { checkBleuTokenizer, defaultTokenizer } from './bleu-tokenizers.js';
import { SMOOTH_DEFAULTS, type BleuOptions, type BleuSmoothing } from './bleu.js';
import type { ChrfOptions } from './chrf.js';
import type { TerOptions } from './ter.js';

export type MetricName = 'bleu' | 'chrf' | 'ter';
export const METRIC_NAMES: readonly MetricName[] = ['bleu', 'chrf', 'ter'];

/** Largest n-gram order accepted (sacrebleu has no limit; beyond this a score means nothing). */
export const MAX_ORDER_LIMIT = 100;

const ALLOWED: Record<MetricName, readonly string[]> = {
  bleu: ['lowercase', 'force', 'tokenize', 'smooth_method', 'smooth_value', 'max_ngram_order', 'effective_order', 'trg_lang'],
  chrf: ['char_order', 'word_order', 'beta', 'lowercase', 'whitespace', 'eps_smoothing'],
  ter: ['normalized', 'no_punct', 'asian_support', 'case_sensitive'],
};

type Py = Record<string, unknown>;

function checkNames(metric: MetricName, o: Py): void {
  for (const k of Object.keys(o))
    if (!ALLOWED[metric].includes(k)) throw new InputError(`unknown ${metric} option "${k}"; ${metric} takes ${ALLOWED[metric].join(', ')}`);
}

function bool(o: Py, k: string, metric: MetricName): boolean | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new InputError(`${metric} option "${k}" must be true or false`);
  return v;
}

function int(o: Py, k: string, metric: MetricName, min: number): number | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > MAX_ORDER_LIMIT)
    throw new InputError(`${metric} option "${k}" must be an integer from ${min} to ${MAX_ORDER_LIMIT}`);
  return v;
}

function num(o: Py, k: string, metric: MetricName): number | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new InputError(`${metric} option "${k}" must be a number ≥ 0`);
  return v;
}

/** BLEU(...) keyword arguments. As in sacrebleu, `tokenize` defaults to the target language's tokenizer
 *  (`trg_lang`: zh → zh; ja, ko need MeCab and are refused) and else 13a; effective_order defaults to false. */
export function bleuOptionsFromPy(o: Py): BleuOptions {
  checkNames('bleu', o);
  const trg = o.trg_lang;
  if (trg !== undefined && trg !== null && typeof trg !== 'string') throw new InputError('bleu option "trg_lang" must be a string');
  const tok = o.tokenize ?? null;
  if (tok !== null && typeof tok !== 'string') throw new InputError('bleu option "tokenize" must be a string');
  const tokenize = checkBleuTokenizer(tok ?? defaultTokenizer((trg as string | undefined) ?? ''));
  const sm = o.smooth_method ?? 'exp';
  if (typeof sm !== 'string' || !Object.hasOwn(SMOOTH_DEFAULTS, sm))
    throw new InputError(`bleu option "smooth_method" must be one of ${Object.keys(SMOOTH_DEFAULTS).join(', ')}`);
  bool(o, 'force', 'bleu'); // accepted; it only silences a sacrebleu warning
  const out: BleuOptions = { tokenize, smooth: sm as BleuSmoothing, effectiveOrder: bool(o, 'effective_order', 'bleu') ?? false };
  const lc = bool(o, 'lowercase', 'bleu');
  if (lc !== undefined) out.lowercase = lc;
  const sv = num(o, 'smooth_value', 'bleu');
  if (sv !== undefined) out.smoothValue = sv;
  const mo = int(o, 'max_ngram_order', 'bleu', 1);
  if (mo !== undefined) out.maxNgramOrder = mo;
  return out;
}

/** CHRF(...) keyword arguments (defaults: char_order 6, word_order 0, beta 2). */
export function chrfOptionsFromPy(o: Py): ChrfOptions {
  checkNames('chrf', o);
  const out: ChrfOptions = {};
  const co = int(o, 'char_order', 'chrf', 0);
  if (co !== undefined) out.charOrder = co;
  const wo = int(o, 'word_order', 'chrf', 0);
  if (wo !== undefined) out.wordOrder = wo;
  if ((out.charOrder ?? 6) + (out.wordOrder ?? 0) === 0) throw new InputError('chrf options "char_order" and "word_order" cannot both be 0');
  const beta = num(o, 'beta', 'chrf');
  if (beta !== undefined) out.beta = beta;
  for (const [k, f] of [['lowercase', 'lowercase'], ['whitespace', 'whitespace'], ['eps_smoothing', 'epsSmoothing']] as const) {
    const v = bool(o, k, 'chrf');
    if (v !== undefined) out[f] = v;
  }
  return out;
}

/** TER(...) keyword arguments (all false by default). */
export function terOptionsFromPy(o: Py): TerOptions {
  checkNames('ter', o);
  const out: TerOptions = {};
  for (const [k, f] of [['normalized', 'normalized'], ['no_punct', 'noPunct'], ['asian_support', 'asianSupport'], ['case_sensitive', 'caseSensitive']] as const) {
    const v = bool(o, k, 'ter');
    if (v !== undefined) out[f] = v;
  }
  return out;
}
