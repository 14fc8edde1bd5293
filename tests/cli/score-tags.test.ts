import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPTION_RECORDS, type OptionRecord } from '../metrics/option-vectors.js';
import { CORPUS, VECTORS } from '../metrics/vectors.js';
import { runCli } from './run-cli.js';

// The real binary where the input is the process's stdin (--jsonl, as scripts pipe it); files, usage and --help in
// process (tests/cli/run-cli.ts: the binary's program and exit codes).
const BIN = new URL('../../bin/tqa.mjs', import.meta.url).pathname;
function tqa(args: string[], input?: string | Buffer): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const inProcess = (args: string[]) => runCli(args);

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

  it('HYP REF files give the same output as --jsonl', async () => {
    const hyp = file('hyp.txt', SAMPLE.map((v) => v.hyp.replaceAll('\n', ' ')).join('\n') + '\n');
    const ref = file('ref.txt', SAMPLE.map((v) => v.ref.replaceAll('\n', ' ')).join('\r\n') + '\r\n');
    const fromFiles = await inProcess(['score', hyp, ref]);
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

  it('files with different line counts exit 2 naming both counts', async () => {
    const r = await inProcess(['score', file('a.txt', 'one\ntwo\nthree\n'), file('b.txt', 'one\ntwo\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.txt has 3 lines but .*b\.txt has 2/);
    expect(r.stderr.trim().split('\n').length).toBe(1);
  });

  it('--metrics prints only the metrics asked for, with the vectors\' values; an unknown name exits 2', async () => {
    const hyp = file('m-hyp.txt', SAMPLE.map((v) => v.hyp.replaceAll('\n', ' ')).join('\n') + '\n');
    const ref = file('m-ref.txt', SAMPLE.map((v) => v.ref.replaceAll('\n', ' ')).join('\n') + '\n');
    const all = (await inProcess(['score', hyp, ref])).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const r = await inProcess(['score', '--metrics', 'ter,chrfpp', hyp, ref]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBe(SAMPLE.length + 1);
    SAMPLE.forEach((v, i) => {
      expect(lines[i]).toEqual({ ter: all[i]!.ter, ter_edits: all[i]!.ter_edits, ter_ref_len: all[i]!.ter_ref_len, chrfpp: all[i]!.chrfpp });
      expect([lines[i]!.ter_edits, lines[i]!.chrfpp]).toEqual([v.ter_edits, v.chrfpp]);
    });
    const c = all[SAMPLE.length]!;
    expect(lines[SAMPLE.length]).toEqual({ corpus: true, ter: c.ter, chrfpp: c.chrfpp, signatures: { ter: CORPUS.signatures.ter, chrfpp: CORPUS.signatures.chrfpp } });
    const bad = await inProcess(['score', '--metrics', 'ter,meteor', hyp, ref]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe("tqa: --metrics: unknown metric 'meteor'; use ter, chrf, chrfpp, bleu\n");
  });

  it('usage errors exit 2; --help exits 0', async () => {
    expect((await inProcess(['score'])).code).toBe(2);
    const h = await inProcess(['score', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--jsonl');
  });
});

describe('tqa score: sacrebleu options', () => {
  const sorted = (o: Record<string, unknown>): string => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const group = (lang: string, metric: string, options: Record<string, unknown>): OptionRecord[] =>
    OPTION_RECORDS.filter((r) => r.lang === lang && r.metric === metric && sorted(r.options) === sorted(options));
  const jsonl = (recs: OptionRecord[]): string => recs.map((r) => JSON.stringify({ hyp: r.hyp, ref: r.ref })).join('\n') + '\n';
  const run = (args: string[], input: string): Array<Record<string, unknown>> => {
    const r = tqa(['score', '--jsonl', ...args], input);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  };

  it('--jsonl lines with "metric" and sacrebleu keyword arguments: one record of every option set, all equal', () => {
    const seen = new Set<string>();
    const sample = OPTION_RECORDS.filter((r) => {
      const k = `${r.lang} ${r.metric} ${JSON.stringify(r.options)}`;
      return !seen.has(k) && seen.add(k) && r.ref !== '';
    });
    expect(sample.length).toBeGreaterThan(100);
    const out = run([], sample.map((r) => JSON.stringify({ hyp: r.hyp, ref: r.ref, metric: r.metric, options: r.options })).join('\n'));
    expect(out.length).toBe(sample.length); // no corpus object: no line without "metric"
    sample.forEach((r, i) => {
      const o = out[i]!;
      expect(o.metric).toBe(r.metric);
      if (r.metric === 'bleu') expect(Math.abs((o.score as number) - r.score)).toBeLessThanOrEqual(1e-9);
      else expect(o.score).toBe(r.score);
      if (r.metric === 'ter') expect([o.ter_edits, o.ter_ref_len]).toEqual([r.ter_edits, r.ter_ref_len]);
      else expect(Object.keys(o)).toEqual(['metric', 'score']);
    });
  });

  it('--tokenize zh (and --target-lang zh) give the zh BLEU of the vectors; the signatures say tok:zh', () => {
    const recs = group('zh', 'bleu', { tokenize: 'zh', lowercase: false, effective_order: true });
    expect(recs.length).toBe(75);
    for (const args of [['--tokenize', 'zh'], ['--target-lang', 'zh-CN']]) {
      const out = run(args, jsonl(recs));
      recs.forEach((r, i) => expect(Math.abs((out[i]!.bleu as number) - r.score)).toBeLessThanOrEqual(1e-9));
      const sig = (out[recs.length]!.signatures as Record<string, string>).bleu_sentence;
      expect(sig).toBe('nrefs:1|case:mixed|eff:yes|tok:zh|smooth:exp|version:2.6.0');
    }
  });

  it('chrF, TER and smoothing flags give the vectors of the same sacrebleu options', () => {
    const chrf = group('de', 'chrf', { beta: 3, char_order: 6, word_order: 2, lowercase: false, whitespace: true });
    const ter = group('zh', 'ter', { asian_support: true, case_sensitive: false, no_punct: false, normalized: true });
    const floor = group('en', 'bleu', { smooth_method: 'floor', smooth_value: 0.01, effective_order: true });
    expect([chrf.length, ter.length, floor.length]).toEqual([75, 75, 167]);
    const c = run(['--chrf-beta', '3', '--chrf-word-order', '2', '--chrf-whitespace'], jsonl(chrf));
    chrf.forEach((r, i) => expect(c[i]!.chrf).toBe(r.score));
    expect((c[chrf.length]!.signatures as Record<string, string>).chrf).toBe('nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:yes|version:2.6.0');
    const t = run(['--ter-normalized', '--ter-asian-support'], jsonl(ter));
    ter.forEach((r, i) => expect([t[i]!.ter, t[i]!.ter_edits]).toEqual([r.score, r.ter_edits]));
    expect((t[ter.length]!.signatures as Record<string, string>).ter).toBe('nrefs:1|case:lc|tok:tercom|norm:yes|punct:yes|asian:yes|version:2.6.0');
    const b = run(['--smooth-method', 'floor', '--smooth-value', '0.01'], jsonl(floor));
    floor.forEach((r, i) => expect(Math.abs((b[i]!.bleu as number) - r.score)).toBeLessThanOrEqual(1e-9));
    expect((b[floor.length]!.signatures as Record<string, string>).bleu).toBe('nrefs:1|case:mixed|eff:no|tok:13a|smooth:floor[0.01]|version:2.6.0');
  });

  it('bad options and flags: exit 2, one line naming the option, nothing on stdout', () => {
    const cases: Array<[string[], string, RegExp]> = [
      [[], '{"hyp":"a","ref":"a","metric":"bleu","options":{"tokenize":"ja-mecab"}}', /^tqa: <stdin>:1: BLEU tokenizer 'ja-mecab' needs MeCab/],
      [[], '{"hyp":"a","ref":"a"}\n{"hyp":"a","ref":"a","metric":"chrf","options":{"betta":1}}', /^tqa: <stdin>:2: unknown chrf option "betta"; chrf takes char_order/],
      [[], '{"hyp":"a","ref":"a","metric":"meteor"}', /^tqa: <stdin>:1: "metric" must be one of "bleu", "chrf", "ter"/],
      [[], '{"hyp":"a","ref":"a","metric":"ter","options":{"normalized":"yes"}}', /^tqa: <stdin>:1: ter option "normalized" must be true or false/],
      [[], '{"hyp":"a","ref":"a","options":{}}', /^tqa: <stdin>:1: "options" needs "metric"/],
      [['--tokenize', 'flores200'], '{"hyp":"a","ref":"a"}', /^tqa: BLEU tokenizer 'flores200' needs sentencepiece/],
      [['--target-lang', 'ko'], '{"hyp":"a","ref":"a"}', /^tqa: --target-lang ko: sacrebleu's BLEU tokenizer 'ko-mecab' needs MeCab/],
      [['--smooth-method', 'flor'], '{"hyp":"a","ref":"a"}', /^tqa: --smooth-method must be one of none, floor, add-k, exp/],
      [['--max-ngram-order', '0'], '{"hyp":"a","ref":"a"}', /^tqa: --max-ngram-order must be an integer from 1 to 100/],
      [['--chrf-beta', 'x'], '{"hyp":"a","ref":"a"}', /^tqa: --chrf-beta must be a number, not 'x'/],
    ];
    for (const [args, input, msg] of cases) {
      const r = tqa(['score', '--jsonl', ...args], input);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n').length).toBe(1);
    }
  });
});

describe('tqa tags', () => {
  const dev = (ext: string): string[] =>
    readFileSync(new URL(`../fixtures/mlqe-pe/ro-en-dev/dev.${ext}`, import.meta.url), 'utf8').split('\n').slice(0, 25);
  const mt = file('dev.mt', dev('mt').join('\n') + '\n');
  const pe = file('dev.pe', dev('pe').join('\n') + '\n');

  it('prints the gold WMT tags, one line per segment', async () => {
    const r = await inProcess(['tags', mt, pe]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(dev('tags').join('\n') + '\n');
  });

  it('--hter prints the MLQE-PE HTER per line', async () => {
    const r = await inProcess(['tags', '--hter', mt, pe]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(dev('hter').join('\n') + '\n');
  });

  it('bad input files exit 2 with one line', async () => {
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'missing.txt'), /no such file/],
      [dir, /is a directory/],
      [file('binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), /binary data/],
      [file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])), /invalid UTF-8/],
    ];
    for (const [bad, msg] of cases) {
      const r = await inProcess(['tags', bad, pe]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n').length).toBe(1);
      expect(r.stdout).toBe('');
    }
  });

  it('--help exits 0 and documents the format', async () => {
    const h = await inProcess(['tags', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('2N+1');
    expect(h.stdout).toContain('--hter');
  });
});
