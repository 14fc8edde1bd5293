// A line-aligned corpus audited in chunks of lines (src/stream) gives exactly the report of the whole-text audit:
// in the engine with chunks of every size, and through `tqa audit` with --jobs 1 / --jobs 2 (worker threads) for
// the JSON, JSONL (streamed from the files) and text outputs, byte for byte, on 2,000 real MT lines.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocument, makeReport } from '../../src/audit.js';
import { formatJson } from '../../src/report/json.js';
import { auditLinesDocument } from '../../src/stream/lines-audit.js';
import { lineChunks, textLines } from '../../src/stream/chunks.js';
import { runCli } from '../cli/run-cli.js';
import { lineCorpus } from './corpus.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const corpus = lineCorpus();
const dir = mkdtempSync(join(tmpdir(), 'tqa-lines-'));
const MT = join(dir, 'mt.txt');
const PE = join(dir, 'pe.txt');
const SRC = join(dir, 'src.txt');
writeFileSync(MT, corpus.mt);
writeFileSync(PE, corpus.pe);
writeFileSync(SRC, corpus.src);

describe('chunks of lines', () => {
  it('cover every line once, in order, each window its own lines and one neighbour each side', () => {
    const text = 'a\r\nbb\n\nccc\nd';
    const chunks = [...lineChunks(textLines(text), textLines(text.toUpperCase()), 4)];
    expect(chunks.map((c) => [c.first, c.count, c.before, c.after])).toEqual([
      [0, 1, 0, 1],
      [1, 1, 1, 1],
      [2, 2, 1, 1],
      [4, 1, 1, 0],
    ]);
    expect(chunks[2]).toMatchObject({ mt: 'bb\n\nccc\nd', corrected: 'BB\n\nCCC\nD', mtOffset: 3, correctedOffset: 3, mtBefore: 'a\r\n', mtAfter: '' });
    expect([...textLines('')]).toEqual(['']);
    expect([...textLines('x\n')]).toEqual(['x\n']);
  });

  it('audited alone and summed, give the whole-text report byte for byte (ids, lines, corpus metrics, MQM, effort)', async () => {
    const input = { mt: { path: 'mt.txt', text: corpus.mt }, corrected: { path: 'pe.txt', text: corpus.pe }, source: { path: 'src.txt', text: corpus.src } };
    const whole = auditDocument(input, { segmentation: 'lines' });
    // The corpus makes ids repeat across chunks, and findings on lines after CRLF lines.
    expect(whole.findings.filter((f) => /#\d+$/.test(f.id)).length).toBeGreaterThan(100);
    expect(whole.segments).toHaveLength(corpus.lines);
    const expected = formatJson(makeReport([whole]));
    for (const chunkChars of [1, 3_000]) {
      expect(formatJson(makeReport([await auditLinesDocument(input, {}, { chunkChars })])), `chunks of ${chunkChars}`).toBe(expected);
    }
  }, 120_000);

  it('keep a Chinese corpus exact (zh tokenizer, no spaces between words)', async () => {
    const read = (f: string) => textOf(`tests/fixtures/mlqe-pe/en-zh-dev/dev.${f}`);
    const input = { mt: { path: 'zh.mt', text: read('mt') }, corrected: { path: 'zh.pe', text: read('pe') } };
    const expected = formatJson(makeReport([auditDocument(input, { segmentation: 'lines', targetLang: 'zh' })]));
    expect(expected).toContain('tok:zh');
    expect(formatJson(makeReport([await auditLinesDocument(input, { targetLang: 'zh' }, { chunkChars: 2_000 })]))).toBe(expected);
  }, 60_000);
});

function textOf(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8').split('\n').slice(0, 300).join('\n');
}

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args, ROOT);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('tqa audit --segmentation lines --jobs N', () => {
  const args = ['audit', MT, PE, '--source', SRC, '--segmentation', 'lines', '--no-progress'];
  // json: chunks over the pool, the report assembled in memory; jsonl and text: streamed from the files (the
  // listing's summary from the sums: corpus metrics, MQM-based score under both presets, counts per category).
  it.each([
    ['json', []],
    ['jsonl', []],
    ['text', []],
    ['text', ['--mqm-preset', 'wmt-google']],
  ])('--format %s %j: --jobs 2 (workers, chunks) = --jobs 1 = the whole-text audit', async (format, extra) => {
    const run = [...args, ...extra, '--format', format];
    const whole = await ok(run); // under 200,000 characters, no --jobs: one thread, whole text
    expect(whole.length).toBeGreaterThan(10_000);
    expect(await ok([...run, '--jobs', '1'])).toBe(whole);
    expect(await ok([...run, '--jobs', '2'])).toBe(whole);
  }, 120_000);

  it('streamed JSONL refuses a line over the segment limit before writing anything, naming it', async () => {
    const long = join(dir, 'long.txt');
    writeFileSync(long, `short line\n${'word '.repeat(10_001)}\nlast\n`);
    const r = await runCli(['audit', long, long, '--segmentation', 'lines', '--format', 'jsonl', '--jobs', '1'], ROOT);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^tqa: .*long\.txt: segment 2 \(from line 2\) has 10,001 words; the limit is 10,000 words per segment/);
    const counts = join(dir, 'three.txt');
    writeFileSync(counts, 'a\nb\n');
    expect(await runCli(['audit', counts, long, '--segmentation', 'lines', '--format', 'jsonl', '--jobs', '1'], ROOT)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/line counts differ: the MT has 2 lines, the corrected text 3/),
    });
  });
});
