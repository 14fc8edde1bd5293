// `tqa audit` through the command line: the JSON contract, the text listing, and bad input → exit 2. In process
// (runCli: the same program and exit codes as the binary) unless the test is about the process itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SEED = join(ROOT, 'texts/ukraine-security-guarantees');
/** The binary as a process (compiled, dist/). */
const tqaProcess = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/tqa.mjs'), ...args], { encoding: 'utf8', cwd: ROOT });
/** The same command in this process. */
const tqa = async (...args: string[]) => {
  const r = await runCli(args, ROOT);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
};

describe('tqa audit', () => {
  it('prints the JSON report of the contract', async () => {
    const r = await tqa('audit', join(SEED, 'mt.txt'), join(SEED, 'corrected.txt'), '--glossary', join(SEED, 'glossary.tsv'), '--format', 'json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.tool).toEqual({ name: 'tqa', version: expect.any(String) });
    const [doc] = report.documents;
    expect(doc.mt.path).toContain('mt.txt');
    expect(doc.corrected.path).toContain('corrected.txt');
    expect(doc.segments[0]).toMatchObject({ id: 0, mt: { start: 0 }, corrected: { start: 0 }, metrics: { hter: expect.any(Number), chrf: expect.any(Number), bleu: expect.any(Number) } });
    const f = doc.findings.find((x: { mt: { text: string } }) => x.mt.text === 'Volodyr');
    expect(f).toMatchObject({ segment: 0, mt: { line: 1, text: 'Volodyr' }, corrected: { text: 'Volodymyr' }, operation: 'replace' });
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'segment', 'mt', 'corrected', 'operation', 'category', 'type', 'severity', 'rule', 'message']));
    // line/col point at the span in the file as read.
    const lines = doc.mt.text.split('\n');
    expect(lines[f.mt.line - 1].slice(f.mt.col - 1).startsWith('Volodyr')).toBe(true);
    expect(doc.metrics).toMatchObject({ hter: expect.any(Number), ter: expect.any(Number), chrf: expect.any(Number), chrfpp: expect.any(Number), bleu: expect.any(Number), mqm: { penalty: expect.any(Number), words: expect.any(Number), score: expect.any(Number), pass: false } });
  });

  it('prints a readable listing with --format text (no colour when not a terminal)', () => {
    const r = tqaProcess('audit', join(SEED, 'mt.txt'), join(SEED, 'corrected.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/"Volodyr" → "Volodymyr"/);
    expect(r.stdout).toMatch(/MQM-based \(mqm-core\) score [\d.]+.*FAIL/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('writes the report to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tqa-audit-'));
    const out = join(dir, 'report.json');
    const r = await tqa('audit', join(SEED, 'mt.txt'), join(SEED, 'corrected.txt'), '--format', 'json', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.documents[0].findings.some((f: { mt: { text: string } }) => f.mt.text === 'Volodyr')).toBe(true);
  });

  describe('bad input: one clear line on stderr, exit 2, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tqa-bad-'));
    const good = join(SEED, 'corrected.txt');
    const file = (name: string, bytes: Uint8Array | string) => {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    it.each([
      ['a missing file', () => join(dir, 'nope.txt'), /nope\.txt: no such file/],
      ['a directory', () => dir, /is a directory/],
      ['binary data', () => file('bin.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])), /binary data/],
      ['invalid UTF-8', () => file('latin1.txt', Buffer.from('caf\xe9 au lait', 'latin1')), /invalid UTF-8 at byte 3/],
      ['an empty file', () => file('empty.txt', ''), /empty/],
      ['whitespace only', () => file('blank.txt', ' \n\n '), /no text/],
    ])('%s', async (_name, make, message) => {
      const r = await tqa('audit', make(), good);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    });

    it('the binary prints it as one line without a stack trace', () => {
      const r = tqaProcess('audit', join(dir, 'nope.txt'), good);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^tqa: .*nope\.txt: no such file\n$/);
    });

    it('mismatched line counts with --segmentation lines', async () => {
      const r = await tqa('audit', file('a.txt', 'one\ntwo\n'), file('b.txt', 'one\n'), '--segmentation', 'lines');
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/a\.txt and .*b\.txt: line counts differ: the MT has 2 lines, the corrected text 1/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('a usage error (unknown format, missing argument, unknown command) is one `tqa:` line too', () => {
      for (const args of [['audit', good, good, '--format', 'pdf'], ['audit'], ['nope']]) {
        const r = tqaProcess(...args);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/^tqa: .+\(see --help\)\n$/);
      }
    });
  });

  it('strips a BOM and keeps CRLF offsets into the file as read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tqa-crlf-'));
    writeFileSync(join(dir, 'mt.txt'), '\ufeffThe cat sat.\r\nIt were happy.\r\n');
    writeFileSync(join(dir, 'corrected.txt'), 'The cat sat.\r\nIt was happy.\r\n');
    const r = await tqa('audit', join(dir, 'mt.txt'), join(dir, 'corrected.txt'), '--format', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.mt.text.startsWith('The cat')).toBe(true);
    expect(doc.findings).toHaveLength(1);
    expect(doc.findings[0].mt).toMatchObject({ text: 'were', line: 2, col: 4, start: 17 });
  });
});
