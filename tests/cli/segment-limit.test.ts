// A segment too long to audit in reasonable time is refused before any work, naming the file, the place and the
// limit (exit 2); one just under the limit is audited.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_WORDS } from '../../src/audit.js';
import { MAX_DOCUMENT_WORDS } from '../../src/limits.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tqa-limit-'));

/** Two short lines, then one of `words` words (every 40th changed in the correction). */
function pair(words: number): [string, string] {
  const w = Array.from({ length: words }, (_, i) => ['the', 'committee', 'discussed', 'a', 'proposal'][i % 5]!);
  const mt = `First line.\nSecond line.\n${w.join(' ')}\n`;
  const pe = `First line.\nSecond line.\n${w.map((x, i) => (i % 40 === 0 ? x.toUpperCase() : x)).join(' ')}\n`;
  const m = join(dir, `mt-${words}.txt`);
  const p = join(dir, `pe-${words}.txt`);
  writeFileSync(m, mt);
  writeFileSync(p, pe);
  return [m, p];
}

describe(`segments of more than ${MAX_SEGMENT_WORDS} words`, () => {
  it('are refused up front with the limit and the place named', async () => {
    const r = await runCli(['audit', ...pair(MAX_SEGMENT_WORDS + 1), '--segmentation', 'lines', '--target-lang', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`tqa: ${join(dir, `mt-${MAX_SEGMENT_WORDS + 1}.txt`)}: segment 3 (from line 3) has 10,001 words; the limit is 10,000 words per segment (split it into shorter lines or sentences)\n`);
  });

  it('at the limit are audited', async () => {
    const r = await runCli(['audit', ...pair(MAX_SEGMENT_WORDS), '--segmentation', 'lines', '--target-lang', 'en', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.segments).toHaveLength(3);
    expect(doc.findings.filter((f: { segment: number }) => f.segment === 2).length).toBeGreaterThan(100);
  });
});

describe('tqa tags on a line over the limit', () => {
  it('is refused with the file, the line and the limit, exit 2 (the tercom table would not fit in memory)', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => ['alpha', 'beta', 'gamma'][i % 3]).join(' ');
    const mt = join(dir, 'tags-mt.txt');
    const pe = join(dir, 'tags-pe.txt');
    writeFileSync(mt, `a b c\n${words(MAX_SEGMENT_WORDS + 1)}\n`);
    writeFileSync(pe, `a b c\n${words(MAX_SEGMENT_WORDS)}\n`);
    const r = await runCli(['tags', mt, pe], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`tqa: ${mt}: line 2 has 10,001 words; the limit is 10,000 words per segment (split it into shorter lines)\n`);
  });
});

describe('documents over the word limit', () => {
  const SEED = new URL('../../texts/ukraine-security-guarantees/', import.meta.url).pathname;
  const seed = [join(SEED, 'mt.txt'), join(SEED, 'corrected.txt')];

  it(`are refused up front with the file and the limit (default ${MAX_DOCUMENT_WORDS.toLocaleString('en-US')}), exit 2`, async () => {
    const r = await runCli(['audit', ...seed, '--max-words', '100'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tqa: .*mt\.txt: 5\d\d words; the limit is 100 words per document \(split the corpus into files, or raise it with --max-words\)\n$/);
  });

  it('a limit above the document lets it through; a bad limit is a usage error', async () => {
    expect((await runCli(['audit', ...seed, '--max-words', '1000', '--format', 'json'], dir)).code).toBe(0);
    const bad = await runCli(['audit', ...seed, '--max-words', 'lots'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('tqa: --max-words: not a positive whole number: "lots"\n');
  });
});
