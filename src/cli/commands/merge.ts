import { Command, Option } from 'commander';
import { z } from 'zod';
import { InputError } from '../../io/errors.js';
import { readTextFile } from '../../io/read-text.js';
import type { Report } from '../../model.js';
import { FORMATS, formatReport, readReportJson, type ReportFormat } from '../../report/index.js';
import { formatJsonChunks } from '../../report/json.js';
import { formatJsonlChunks } from '../../report/jsonl.js';
import { mergeShardReports } from '../../shard.js';
import { writeOutput } from '../output.js';

interface MergeOptions {
  format: ReportFormat;
  out?: string;
}

export function register(program: Command): void {
  program
    .command('merge')
    .description('merge the JSON reports of `tqa audit --shard K/N` (all N shards) into the report of the unsharded audit')
    .argument('<reports...>', 'shard reports (tqa audit --shard K/N --format json), in any order')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('json'))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .addHelpText(
      'after',
      `
Example:
  for k in 1 2 3 4; do tqa audit mt.txt pe.txt --shard $k/4 --format json --out shard-$k.json; done
  tqa merge shard-*.json --out report.json      # = tqa audit mt.txt pe.txt --format json
See docs/scale.md for a GitHub Actions matrix and a Kubernetes Indexed Job.`,
    )
    .action((reports: string[], opts: MergeOptions) => runMerge(reports, opts));
}

// The part of a shard report that readReportJson does not check (it keeps unknown keys) and the merge relies on.
const count = z.number().int().min(0);
const shardInfo = z.looseObject({
  index: z.number().int().min(1),
  count: z.number().int().min(1),
  segments: z.looseObject({ from: count, to: count, total: count }),
  totals: z.looseObject({
    pairs: count,
    ter: z.looseObject({ edits: z.number().min(0), refLength: z.number().min(0) }),
    chrf: z.array(count),
    chrfpp: z.array(count),
    bleu: z.looseObject({ correct: z.array(count), total: z.array(count), sysLen: count, refLen: count }),
  }),
});

function runMerge(paths: string[], opts: MergeOptions): void {
  const reports: Report[] = paths.map((path) => {
    const text = readTextFile(path).text;
    readReportJson(text, path); // checks the shape; its result lists known keys first, the merge keeps the order
    const report = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Report;
    report.documents.forEach((doc, i) => {
      if (doc.shard === undefined) return; // mergeShardReports names it
      const parsed = shardInfo.safeParse(doc.shard);
      if (!parsed.success) throw new InputError(`${path}: documents[${i}].shard: not a shard description (${parsed.error.issues[0]!.message})`);
    });
    return report;
  });
  const merged = mergeShardReports(reports, paths);
  const output = opts.format === 'json' ? formatJsonChunks(merged) : opts.format === 'jsonl' ? formatJsonlChunks(merged) : formatReport(merged, opts.format);
  writeOutput(opts.out, output);
}
