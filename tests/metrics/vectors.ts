// Loads the sacrebleu 2.6.0 reference vectors (tests/fixtures/metrics/vectors.jsonl) for the metric tests.
import { readFileSync } from 'node:fs';

export interface Vector {
  id: number;
  cat: string;
  note?: string;
  hyp: string;
  ref: string;
  ter: number;
  ter_edits: number;
  ter_ref_len: number;
  ter_shifts: number;
  ter_alignment: string;
  chrf: number;
  chrfpp: number;
  bleu: number;
  detail: {
    ter: {
      hyp_tokens: string[];
      ref_tokens: string[];
      shifts: Array<{ start: number; length: number; target: number; words: string[]; ed_reduction: number }>;
      hyp_after_shift: string[];
      hyp_after_shift_src: number[];
      alignment: string;
      ops: Array<[string, number | null, number | null]>;
      candidates_checked: number;
      hit_candidate_cap: boolean;
    };
    chrf_stats: number[];
    chrfpp_stats: number[];
    bleu: { counts: number[]; totals: number[]; precisions: number[]; bp: number; sys_len: number; ref_len: number };
  };
}

export interface CorpusRecord {
  corpus: true;
  n: number;
  ter: number;
  ter_edits: number;
  ter_ref_len: number;
  chrf: number;
  chrfpp: number;
  bleu: number;
  bleu_detail: { counts: number[]; totals: number[]; bp: number; sys_len: number; ref_len: number };
  signatures: Record<'ter' | 'chrf' | 'chrfpp' | 'bleu' | 'bleu_sentence', string>;
}

const records = readFileSync(new URL('../fixtures/metrics/vectors.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Vector | CorpusRecord);

export const VECTORS: Vector[] = records.filter((r): r is Vector => !('corpus' in r));
export const CORPUS: CorpusRecord = records.find((r): r is CorpusRecord => 'corpus' in r)!;
