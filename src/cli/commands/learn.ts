import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { InputError } from '../../io/errors.js';
import { auditDocument, listDocumentDirs, readDocumentDir } from '../../audit.js';
import { learnRules } from '../../checks/learn.js';
import { withDecisionStore } from '../decisions.js';
import { writeOutput } from '../output.js';

interface LearnOpts {
  out?: string;
  db?: string;
  minSupport: string;
  minApplied: string;
  maxTokens: string;
  segmentation?: 'auto' | 'lines';
  targetLang?: string;
  sourceLang?: string;
  stems?: boolean;
}

export function register(program: Command): void {
  program
    .command('learn')
    .description('Learn correction rules ("Volodyr" → "Volodymyr") from audited MT/correction pairs, for tqa check --rules')
    .argument('<dirs...>', 'document folders (mt.txt + corrected.txt) or folders that hold them')
    .option('--out <file>', 'write the rules here (default: stdout)')
    .option('--db <file>', 'reviewer decisions (tqa serve): rejected findings are not learned, recategorised ones carry the new category')
    .option('--min-support <n>', 'keep a rule seen at least n times', '2')
    .option('--min-applied <fraction>', 'keep a rule the post-editors applied at least this often where the pattern occurs', '0.5')
    .option('--max-tokens <n>', 'longest pattern, in tokens', '6')
    .option('--stems', 'also learn word rules by stem (every form of a word the post-editors kept changing) and class rules (words the target dictionary does not know)')
    .addOption(new Option('--segmentation <mode>', 'audit segmentation').choices(['auto', 'lines']))
    .option('--target-lang <bcp47>', "the corrected texts' language (default: detected per document)")
    .option('--source-lang <bcp47>', "the sources' language (default: detected per document)")
    .action((dirs: string[], opts: LearnOpts) => runLearn(dirs, opts));
}

function runLearn(dirs: string[], opts: LearnOpts): void {
  const minSupport = intOption('--min-support', opts.minSupport, 1);
  const maxTokens = intOption('--max-tokens', opts.maxTokens, 1);
  const minApplied = Number(opts.minApplied);
  if (!Number.isFinite(minApplied) || minApplied < 0 || minApplied > 1) {
    throw new InputError(`--min-applied: expected a fraction between 0 and 1, got "${opts.minApplied}"`);
  }
  const folders = dirs.flatMap((d) => {
    if (!existsSync(d)) throw new InputError(`${d}: no such folder`);
    if (!statSync(d).isDirectory()) throw new InputError(`${d}: not a folder (give document folders with mt.txt + corrected.txt)`);
    if (existsSync(join(d, 'mt.txt'))) return [d];
    const found = listDocumentDirs(d);
    if (found.length === 0) throw new InputError(`${d}: no document folder (mt.txt + corrected.txt) in it`);
    return found;
  });
  const auditOpts = { segmentation: opts.segmentation, ...(opts.targetLang ? { targetLang: opts.targetLang } : {}), ...(opts.sourceLang ? { sourceLang: opts.sourceLang } : {}) };
  const docs = withDecisionStore(opts.db, (decided) =>
    folders.map((dir, i) => {
      process.stderr.write(`tqa: auditing ${dir} (${i + 1}/${folders.length})\n`);
      return decided(auditDocument(readDocumentDir(dir), auditOpts), auditOpts);
    }),
  );
  const rules = learnRules(docs, { minSupport, minApplied, maxTokens, decisions: opts.db !== undefined, ...(opts.stems ? { stems: true } : {}) });
  const json = `${JSON.stringify(rules, null, 2)}\n`;
  writeOutput(opts.out, json);
  process.stderr.write(
    `tqa: learned ${rules.rules.length} rule${rules.rules.length === 1 ? '' : 's'} from ${docs.length} document${docs.length === 1 ? '' : 's'} ` +
      `(${rules.learnedFrom.findings} corrections considered)${opts.out ? ` → ${opts.out}` : ''}\n`,
  );
}

function intOption(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InputError(`${name}: expected an integer ≥ ${min}, got "${value}"`);
  return n;
}
