import { spawnSync } from 'node:child_process';
import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandOf, registerCommands } from '../../src/cli/commands/index.js';
import { runCli } from './run-cli.js';

// The command table lets `tqa --help` list every command without loading any; it must say what the commands
// themselves declare.
describe('the command table', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: name, term and summary are what the command declares', async (_, entry) => {
    const program = new Command('tqa');
    (await entry.load()).register(program);
    const cmd = program.commands.find((c) => c.name() === entry.name);
    expect(cmd, `${entry.name} registers a command of that name`).toBeDefined();
    const help = new Help();
    expect(help.subcommandTerm(cmd!)).toBe(entry.term);
    expect(help.subcommandDescription(cmd!)).toBe(entry.summary);
  });

  it('is sorted, one entry per name', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(names).toEqual([...new Set(names)].sort());
  });

  it('lazy `tqa --help` is the help of the program with every command loaded', async () => {
    const help = async (run: string | undefined | 'all') => {
      const program = new Command('tqa').description('d').version('1');
      await registerCommands(program, run);
      return program.helpInformation();
    };
    const all = await help('all');
    expect(all).toContain('audit [options] <mt> [corrected]');
    expect(await help(undefined)).toBe(all);
    expect(await help('score')).toBe(all);
  });

  it('finds the command to load in argv', () => {
    expect(commandOf(['score', '--metrics', 'ter', 'a', 'b'])).toBe('score');
    expect(commandOf(['--help'])).toBeUndefined();
    expect(commandOf(['help', 'audit'])).toBe('audit');
    expect(commandOf(['-h', 'check'])).toBe('check');
  });
});

describe('bin/tqa.mjs (compiled, dist/)', () => {
  const bin = new URL('../../bin/tqa.mjs', import.meta.url).pathname;
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

  it('prints the version without loading commander, as commander would', () => {
    const v = run('--version');
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    // The binary answers --version before loading commander: the same bytes as commander's answer.
    return runCli(['--version']).then((c) => {
      expect(c.code).toBe(0);
      expect(v.stdout).toBe(c.stdout);
      expect(run('-V').stdout).toBe(c.stdout);
    });
  });

  it('prints the help listing every command', () => {
    const h = run('--help');
    expect(h.status).toBe(0);
    for (const c of COMMANDS) expect(h.stdout).toContain(c.term);
  });

  it('shows one command\'s full help (it is loaded) and names an unknown command', () => {
    const h = run('help', 'audit');
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('--segmentation <mode>');
    const u = run('nosuchcommand');
    expect(u.status).toBe(2);
    expect(u.stderr).toContain("unknown command 'nosuchcommand'");
  });
});
