// WMT word-level QE tags for tokenised MT against its post-edit, as the MLQE-PE / WMT20 data were made
// (Unbabel word-level-qe-corpus-builder): tercom aligns MT (hypothesis) to PE (reference) case-insensitively
// with shifts disabled; an MT word is OK only if it is aligned to an identical PE word (a case-only change is
// BAD); a gap is BAD when PE words are missing there. 2N+1 tags: GAP WORD GAP ... WORD GAP.

import { terSentenceStats, hterFromStats } from './ter.js';
import { tercomAlign } from './tercom-align.js';
import { pySplit } from './whitespace.js';

export type QeTag = 'OK' | 'BAD';

export interface QeTags {
  /** 2N+1 tags, gaps at even indices. */
  tags: QeTag[];
  /** N word tags. */
  words: QeTag[];
  /** N+1 gap tags; gap k stands before MT word k (gap N after the last word). */
  gaps: QeTag[];
}

/** Tags for one segment. `mt` and `pe` are tokenised text (tokens separated by whitespace). */
export function qeTags(mt: string, pe: string): QeTags {
  const mtTokens = pySplit(mt);
  const peTokens = pySplit(pe);
  const { path } = tercomAlign(
    mtTokens.map((t) => t.toLowerCase()),
    peTokens.map((t) => t.toLowerCase()),
  );
  const words: QeTag[] = [];
  const gaps: QeTag[] = new Array<QeTag>(mtTokens.length + 1).fill('OK');
  let h = 0;
  let r = 0;
  for (const op of path) {
    if (op === 'D') {
      gaps[h] = 'BAD'; // a PE word is missing before MT word h
      r++;
    } else if (op === 'I') {
      words.push('BAD'); // an MT word the PE does not have
      h++;
    } else {
      words.push(op === ' ' && mtTokens[h] === peTokens[r] ? 'OK' : 'BAD');
      h++;
      r++;
    }
  }
  const tags: QeTag[] = [gaps[0]!];
  for (let k = 0; k < words.length; k++) tags.push(words[k]!, gaps[k + 1]!);
  return { tags, words, gaps };
}

/** HTER as in MLQE-PE: sacrebleu TER (shifts, case-insensitive) of MT against PE as a fraction, capped at 1. */
export function hter(mt: string, pe: string): number {
  return hterFromStats(terSentenceStats(mt, pe));
}
