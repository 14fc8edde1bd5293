// Loads sacrebleu 2.6.0's option vectors (tests/fixtures/metrics/option-vectors.jsonl: sentence scores in English,
// German and Chinese over sacrebleu's tokenizers and options) and the corpus records computed from them by
// sacrebleu itself (option-corpus.jsonl, see make-option-corpus.py).
import { readFileSync } from 'node:fs';

export interface OptionRecord {
  id: number;
  lang: 'en' | 'de' | 'zh';
  pair: number;
  metric: 'bleu' | 'chrf' | 'ter';
  options: Record<string, unknown>;
  hyp: string;
  ref: string;
  score: number;
  ter_edits?: number;
  ter_ref_len?: number;
}

export interface OptionCorpusRecord {
  corpus: true;
  lang: string;
  metric: 'bleu' | 'chrf' | 'ter';
  options: Record<string, unknown>;
  ids: number[];
  score: number;
  signature: string;
  counts?: number[];
  totals?: number[];
  sys_len?: number;
  ref_len?: number;
  ter_edits?: number;
  ter_ref_len?: number;
  stats?: number[];
}

const jsonl = <T>(name: string): T[] =>
  readFileSync(new URL(`../fixtures/metrics/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);

export const OPTION_RECORDS: OptionRecord[] = jsonl('option-vectors.jsonl');
export const OPTION_CORPUS: OptionCorpusRecord[] = jsonl('option-corpus.jsonl');
