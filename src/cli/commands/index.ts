import type { Command } from 'commander';

/** A command as the program lists it, and how to load it. Only the command being run is loaded (its module pulls in
 *  the engine, the NLP model, Express...); `tqa --help` and `tqa --version` load none. `term` and `summary` are what
 *  `tqa --help` shows; tests/cli/commands-index.test.ts checks they are what the command itself declares. */
export interface CommandEntry {
  name: string;
  term: string;
  summary: string;
  load: () => Promise<{ register: (program: Command) => void }>;
}

/** Every command. One entry per command (keep the list sorted). */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'agreement',
    term: 'agreement [options] <reports...>',
    summary: "inter-rater agreement of reviewers' decisions (JSON reports, one per rater): per-finding agreement, Cohen's/Fleiss' kappa, span F1",
    load: () => import('./agreement.js'),
  },
  { name: 'audit', term: 'audit [options] <mt> [corrected]', summary: 'align MT with its correction, extract, classify and score every edit', load: () => import('./audit.js') },
  {
    name: 'check',
    term: 'check [options] [inputs...]',
    summary: 'CI gate: check MT files (or folders, or globs) with reference-free checks, learned rules and, with a correction, the audit; exit 0 pass, 1 fail, 2 bad input',
    load: () => import('./check.js'),
  },
  {
    name: 'export',
    term: 'export [options] [mt] [corrected]',
    summary: 'write a correction report (an audit of MT against its correction, or a saved JSON report) in a format other tools read',
    load: () => import('./export.js'),
  },
  { name: 'learn', term: 'learn [options] <dirs...>', summary: 'Learn correction rules ("Volodyr" → "Volodymyr") from audited MT/correction pairs, for tqa check --rules', load: () => import('./learn.js') },
  {
    name: 'merge',
    term: 'merge [options] <reports...>',
    summary: 'merge the JSON reports of `tqa audit --shard K/N` (all N shards) into the report of the unsharded audit',
    load: () => import('./merge.js'),
  },
  {
    name: 'score',
    term: 'score [options] [hyp] [ref]',
    summary: 'Score hypothesis/reference pairs exactly like sacrebleu 2.6.0: TER, chrF, chrF++, BLEU per pair (sentence defaults) and for the corpus',
    load: () => import('./score.js'),
  },
  { name: 'serve', term: 'serve [options] [dir]', summary: 'review findings in the browser: highlights by category, decisions saved in SQLite', load: () => import('./serve.js') },
  {
    name: 'tags',
    term: 'tags [options] <mt> <pe>',
    summary: 'WMT word-level QE tags for tokenised MT vs its post-edit: one line of 2N+1 OK/BAD tags (GAP WORD ... GAP) per segment',
    load: () => import('./tags.js'),
  },
  { name: 'users', term: 'users', summary: 'accounts of a shared review server: add, list, remove, passwd, role, token', load: () => import('./users.js') },
  // COMMANDS-END (add entries above this line)
];

/** The command that `args` (argv without node and the script) runs: the first word, or the one after `help`. */
export function commandOf(args: string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** Registers every command on `program`: `run`'s fully (it is loaded), the others as their name and summary only,
 *  enough for `tqa --help` and for commander to name an unknown command. `run: 'all'` loads every command. */
export async function registerCommands(program: Command, run: string | undefined | 'all'): Promise<void> {
  const loaded = await Promise.all(COMMANDS.map((c) => (run === 'all' || c.name === run ? c.load() : undefined)));
  const terms = new Map(COMMANDS.map((c) => [c.name, c.term]));
  COMMANDS.forEach((c, i) => {
    const mod = loaded[i];
    if (mod) mod.register(program);
    else program.command(c.name).description(c.summary);
  });
  const help = program.createHelp();
  program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? help.subcommandTerm(cmd) });
}
