import type { Command } from 'commander';
import { hter, qeTags } from '../../metrics/index.js';
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
      const out = pairs.map((p) => (opts.hter ? hter(p.hyp, p.ref).toFixed(6) : qeTags(p.hyp, p.ref).tags.join(' ')));
      process.stdout.write(out.length ? out.join('\n') + '\n' : '');
    });
}
