import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../io/errors.js';
import { decodeText, readTextFile } from '../../io/read-text.js';
import { scorePairs, type CorpusScores, type PairScores } from '../../metrics/index.js';

// `tqa score`: sacrebleu's sentence and corpus metrics for hypothesis/reference pairs. A stable contract that
// other tools script against: one JSON object per pair, then one corpus object, on stdout.

interface ScoreOpts {
  jsonl?: boolean;
}

export function register(program: Command): void {
  program
    .command('score')
    .description(
      'Score hypothesis/reference pairs exactly like sacrebleu 2.6.0: TER, chrF, chrF++, BLEU per pair (sentence defaults) and for the corpus',
    )
    .argument('[hyp]', 'hypothesis file, one segment per line')
    .argument('[ref]', 'reference file, line-aligned with HYP')
    .option('--jsonl', 'read {"hyp": ..., "ref": ...} objects from stdin, one per line, instead of two files')
    .addHelpText(
      'after',
      `
Output (JSON Lines on stdout), one object per pair:
  {"ter": 40, "ter_edits": 2, "ter_ref_len": 5, "chrf": 41.5, "chrfpp": 40.1, "bleu": 14.8}
then one corpus object:
  {"corpus": true, "ter": ..., "chrf": ..., "chrfpp": ..., "bleu": ..., "signatures": {"ter": "nrefs:1|case:lc|..."}}
Scores are on sacrebleu's 0-100 scale (TER can exceed 100). Files are split at \\n (a \\r before it is dropped).
Exit codes: 0 ok, 2 bad usage or bad input (one line on stderr).`,
    )
    .action((hyp: string | undefined, ref: string | undefined, opts: ScoreOpts) => {
      let pairs: Array<{ hyp: string; ref: string }>;
      if (opts.jsonl) {
        if (hyp !== undefined) throw new InputError('score: give either --jsonl (pairs on stdin) or HYP and REF files, not both');
        pairs = parseJsonl(decodeText(readFileSync(0), '<stdin>', { allowEmpty: true }));
      } else {
        if (hyp === undefined || ref === undefined) throw new InputError('score: give HYP and REF files, or --jsonl to read pairs from stdin');
        pairs = readAlignedFiles(hyp, ref);
      }
      const { pairs: scores, corpus } = scorePairs(
        pairs.map((p) => p.hyp),
        pairs.map((p) => p.ref),
      );
      const out: string[] = scores.map((s) => JSON.stringify(pairJson(s)));
      out.push(JSON.stringify(corpusJson(corpus)));
      process.stdout.write(out.join('\n') + '\n');
    });
}

function pairJson(s: PairScores): Record<string, number> {
  return { ter: s.ter, ter_edits: s.terEdits, ter_ref_len: s.terRefLength, chrf: s.chrf, chrfpp: s.chrfpp, bleu: s.bleu };
}

function corpusJson(c: CorpusScores): Record<string, unknown> {
  return { corpus: true, ter: c.ter, chrf: c.chrf, chrfpp: c.chrfpp, bleu: c.bleu, signatures: c.signatures };
}

/** Pairs from JSON Lines; blank lines are skipped, anything else that is not {"hyp": string, "ref": string} is an
 *  error naming the line. Everything is checked before anything is printed. */
export function parseJsonl(text: string): Array<{ hyp: string; ref: string }> {
  const pairs: Array<{ hyp: string; ref: string }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const where = `<stdin>:${i + 1}`;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new InputError(`${where}: not valid JSON (${(e as Error).message})`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InputError(`${where}: expected an object {"hyp": "...", "ref": "..."}`);
    const o = v as Record<string, unknown>;
    for (const k of ['hyp', 'ref'] as const) {
      if (!(k in o)) throw new InputError(`${where}: missing "${k}"`);
      if (typeof o[k] !== 'string') throw new InputError(`${where}: "${k}" must be a string`);
    }
    pairs.push({ hyp: o.hyp as string, ref: o.ref as string });
  }
  return pairs;
}

/** The lines of a text file: split at \n, a \r before it dropped, no extra empty segment after a final newline. */
export function textLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Two line-aligned files as pairs; different line counts are bad input. */
export function readAlignedFiles(hypPath: string, refPath: string): Array<{ hyp: string; ref: string }> {
  const hyps = textLines(readTextFile(hypPath, { allowEmpty: true }).text);
  const refs = textLines(readTextFile(refPath, { allowEmpty: true }).text);
  if (hyps.length !== refs.length)
    throw new InputError(`${hypPath} has ${hyps.length} lines but ${refPath} has ${refs.length}; the files must be line-aligned`);
  return hyps.map((hyp, i) => ({ hyp, ref: refs[i]! }));
}
