import type { Report } from '../model.js';
import type { FormatOptions } from './options.js';

/** The audit report exactly as the model holds it (the contract of `tqa audit --format json`): every finding,
 *  rejected ones included with their `decision`. With a gate, one extra top-level key `gate`. */
export function formatJson(report: Report, opts: FormatOptions = {}): string {
  return [...formatJsonChunks(report, opts)].join('');
}

/** The same text as formatJson, in pieces (one per finding or segment), so that a command can write a report of
 *  a million-word document without ever holding its ~200 MB of JSON as one string. */
export function* formatJsonChunks(report: Report, opts: FormatOptions = {}): Generator<string> {
  yield* jsonChunks(opts.gate ? { ...report, gate: opts.gate } : report);
  yield '\n';
}

/** Pieces whose concatenation is JSON.stringify(value, null, 2). Containers down to `depth` LEAF_DEPTH are
 *  written piece by piece (report → documents → document → findings), deeper values in one stringify each. */
export function* jsonChunks(value: unknown, depth = 0): Generator<string> {
  const inner = '  '.repeat(depth + 1);
  if (depth >= LEAF_DEPTH || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const s = JSON.stringify(value, null, 2);
    // Nested lines get this level's indentation (string values never hold a raw newline in JSON).
    yield s === undefined ? 'null' : depth === 0 ? s : s.replace(/\n/g, `\n${'  '.repeat(depth)}`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      const v = value[i];
      yield* jsonChunks(v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v, depth + 1);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    return yield `${'  '.repeat(depth)}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) return yield '{}';
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i]!;
    yield `${inner}${JSON.stringify(k)}: `;
    yield* jsonChunks(v, depth + 1);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${'  '.repeat(depth)}}`;
}

const LEAF_DEPTH = 4;
