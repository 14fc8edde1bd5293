import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, VECTORS } from '../metrics/vectors.js';

// Runs the real binary, as scripts do.
const BIN = new URL('../../bin/tqa.mjs', import.meta.url).pathname;
function tqa(args: string[], input?: string | Buffer): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'tqa-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const SAMPLE = VECTORS.filter((v) => [0, 224].includes(v.id) || v.cat === 'shift').slice(0, 5);

describe('tqa score', () => {
  it('--jsonl: one object per pair (sacrebleu sentence scores), then the corpus object with signatures', () => {
    const input = SAMPLE.map((v) => JSON.stringify({ hyp: v.hyp, ref: v.ref })).join('\n') + '\n\n';
    const r = tqa(['score', '--jsonl'], input);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBe(SAMPLE.length + 1);
    SAMPLE.forEach((v, i) => {
      const o = lines[i]!;
      expect(Object.keys(o)).toEqual(['ter', 'ter_edits', 'ter_ref_len', 'chrf', 'chrfpp', 'bleu']);
      expect([o.ter, o.ter_edits, o.ter_ref_len, o.chrf, o.chrfpp]).toEqual([v.ter, v.ter_edits, v.ter_ref_len, v.chrf, v.chrfpp]);
      expect(Math.abs((o.bleu as number) - v.bleu)).toBeLessThanOrEqual(1e-9);
    });
    const c = lines[SAMPLE.length]!;
    expect(Object.keys(c)).toEqual(['corpus', 'ter', 'chrf', 'chrfpp', 'bleu', 'signatures']);
    expect(c.corpus).toBe(true);
    expect(c.signatures).toEqual(CORPUS.signatures);
    const edits = SAMPLE.reduce((a, v) => a + v.ter_edits, 0);
    const len = SAMPLE.reduce((a, v) => a + v.ter_ref_len, 0);
    expect(c.ter).toBe(100 * (edits / len));
  });

  it('HYP REF files give the same output as --jsonl', () => {
    const hyp = file('hyp.txt', SAMPLE.map((v) => v.hyp.replaceAll('\n', ' ')).join('\n') + '\n');
    const ref = file('ref.txt', SAMPLE.map((v) => v.ref.replaceAll('\n', ' ')).join('\r\n') + '\r\n');
    const fromFiles = tqa(['score', hyp, ref]);
    const fromJsonl = tqa(['score', '--jsonl'], SAMPLE.map((v) => JSON.stringify({ hyp: v.hyp.replaceAll('\n', ' '), ref: v.ref.replaceAll('\n', ' ') })).join('\n'));
    expect(fromFiles.code).toBe(0);
    expect(fromFiles.stdout).toBe(fromJsonl.stdout);
  });

  it('a bad line exits 2 naming <stdin>:<line>, and prints nothing on stdout', () => {
    const r = tqa(['score', '--jsonl'], '{"hyp": "a", "ref": "a"}\n{"hyp": "a", "ref": 3}\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('tqa: <stdin>:2: "ref" must be a string\n');
    const bad = tqa(['score', '--jsonl'], 'not json\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^tqa: <stdin>:1: not valid JSON/);
    const notUtf8 = tqa(['score', '--jsonl'], Buffer.from([0x7b, 0xff, 0x7d, 0x0a]));
    expect(notUtf8.code).toBe(2);
    expect(notUtf8.stderr).toMatch(/^tqa: <stdin>: invalid UTF-8/);
  });

  it('files with different line counts exit 2 naming both counts', () => {
    const r = tqa(['score', file('a.txt', 'one\ntwo\nthree\n'), file('b.txt', 'one\ntwo\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.txt has 3 lines but .*b\.txt has 2/);
    expect(r.stderr.trim().split('\n').length).toBe(1);
  });

  it('usage errors exit 2; --help exits 0', () => {
    expect(tqa(['score']).code).toBe(2);
    const h = tqa(['score', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--jsonl');
  });
});

describe('tqa tags', () => {
  const dev = (ext: string): string[] =>
    readFileSync(new URL(`../fixtures/mlqe-pe/ro-en-dev/dev.${ext}`, import.meta.url), 'utf8').split('\n').slice(0, 25);
  const mt = file('dev.mt', dev('mt').join('\n') + '\n');
  const pe = file('dev.pe', dev('pe').join('\n') + '\n');

  it('prints the gold WMT tags, one line per segment', () => {
    const r = tqa(['tags', mt, pe]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(dev('tags').join('\n') + '\n');
  });

  it('--hter prints the MLQE-PE HTER per line', () => {
    const r = tqa(['tags', '--hter', mt, pe]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(dev('hter').join('\n') + '\n');
  });

  it('bad input files exit 2 with one line', () => {
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'missing.txt'), /no such file/],
      [dir, /is a directory/],
      [file('binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), /binary data/],
      [file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])), /invalid UTF-8/],
    ];
    for (const [bad, msg] of cases) {
      const r = tqa(['tags', bad, pe]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n').length).toBe(1);
      expect(r.stdout).toBe('');
    }
  });

  it('--help exits 0 and documents the format', () => {
    const h = tqa(['tags', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('2N+1');
    expect(h.stdout).toContain('--hter');
  });
});
