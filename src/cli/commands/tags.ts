import type { Command } from 'commander';
import { hter, qeTags } from '../../metrics/index.js';
import { InputError } from '../../io/errors.js';
import { MAX_SEGMENT_WORDS } from '../../limits.js';
import { pySplit } from '../../metrics/whitespace.js';
import { readAlignedFiles } from './score.js';

// `tqa tags`: WMT word-level QE tags (or HTER) for line-aligned tokenised MT and post-edit files, in the
// format of the WMT20 / MLQE-PE data.

export function register(program: Command): void {
  program
    .command('tags')
    .description('WMT word-level QE tags for tokenised MT vs its post-edit: one line of 2N+1 OK/BAD tags (GAP WORD ... GAP) per segment')
    .argument('<mt>', 'tokenised MT file, one segment per line')
    .argument('<pe>', 'tokenised post-edit file, line-aligned with MT')
    .option('--hter', 'print one HTER per line instead (TER with shifts, case-insensitive, capped at 1; 6 decimals as in MLQE-PE dev.hter)')
    .addHelpText(
      'after',
      `
Tags follow the MLQE-PE / WMT20 recipe: tercom alignment of MT to PE without shifts, case-insensitive; an MT word
is OK only if aligned to an identical PE word (a case-only change is BAD); a gap is BAD where PE words are missing.
Exit codes: 0 ok, 2 bad usage or bad input (one line on stderr).`,
    )
    .action((mt: string, pe: string, opts: { hter?: boolean }) => {
      const pairs = readAlignedFiles(mt, pe);
      // The tags' tercom table is words(MT) × words(PE): a 5 MB line would ask for terabytes.
      pairs.forEach((p, i) => {
        for (const [path, text] of [[mt, p.hyp], [pe, p.ref]] as const) {
          const words = pySplit(text).length;
          if (words > MAX_SEGMENT_WORDS) throw new InputError(`${path}: line ${i + 1} has ${words.toLocaleString('en-US')} words; the limit is ${MAX_SEGMENT_WORDS.toLocaleString('en-US')} words per segment (split it into shorter lines)`);
        }
      });
      const out = pairs.map((p) => (opts.hter ? hter(p.hyp, p.ref).toFixed(6) : qeTags(p.hyp, p.ref).tags.join(' ')));
      process.stdout.write(out.length ? out.join('\n') + '\n' : '');
    });
}
