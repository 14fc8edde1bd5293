// Test helper: builds Edit objects and a ClassifyContext from a sentence pair, without the alignment engine.
import type { Edit, Operation, SegmentPair, Token } from '../../src/model.js';
import { LineIndex } from '../../src/io/lines.js';
import { classifyEdits, type ClassifyContext } from '../../src/classify/index.js';
import type { Classification, Glossary } from '../../src/model.js';

/** In order: a title abbreviation with its period ("Mr.", "MM.", "U.S." — the lookbehind accepts the period only
 *  after one of them), a number with separators ("1,500", "3.5"), a word with inner hyphens/apostrophes
 *  ("large-scale", "Carney’s"), or any other single character. Text that looks pre-tokenised (a space before
 *  its punctuation, none glued to words) is split on spaces instead, as corpora are. */
const TOKEN = /\p{L}+(?:[-'’.]\p{L}+)*\.?(?<=(?:^|[^\p{L}])(?:Mr|Ms|Mrs|Dr|MM|St|U\.S|U\.K)\.)|\p{N}+(?:[.,\u00a0]\p{N}+)*|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|\S/gu;

/** Tokens of text[offset, end) with absolute offsets. */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(offset, end);
  const pretokenised = slice.split(/ +/).length > 1 && !/[^\s][,.;:!?](\s|$)/u.test(slice) && / [.,;:!?]( |$)/.test(slice);
  if (pretokenised) {
    for (const m of slice.matchAll(/\S+/g)) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
    return out;
  }
  for (const m of slice.matchAll(TOKEN)) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

/** What a test may add to the context: a glossary, the source text, the kind of corrected text. */
export type Extra = Pick<ClassifyContext, 'glossary' | 'source' | 'correctedKind'>;

export interface Case {
  edits: Edit[];
  ctx: ClassifyContext;
  pair: SegmentPair;
}

/** One segment pair covering both whole texts; an edit per [mtFrom, mtTo, corFrom, corTo] token range. */
export function makeEdits(
  mt: string,
  corrected: string,
  ranges: Array<[number, number, number, number] | { mt: [number, number]; cor: [number, number]; op?: Operation }>,
  extra: Extra = {},
): Case {
  const mtTokens = tokenize(mt);
  const correctedTokens = tokenize(corrected);
  const pair: SegmentPair = {
    id: 0,
    mt: { start: 0, end: mt.length },
    corrected: { start: 0, end: corrected.length },
    mtTokens,
    correctedTokens,
  };
  const mtLines = new LineIndex(mt);
  const corLines = new LineIndex(corrected);
  const edits = ranges.map((r) => {
    const { mt: [a, b], cor: [c, d], op } = Array.isArray(r) ? { mt: [r[0], r[1]] as [number, number], cor: [r[2], r[3]] as [number, number], op: undefined } : r;
    const span = (toks: Token[], from: number, to: number, text: string) => {
      if (from < to) return [toks[from]!.start, toks[to - 1]!.end] as const;
      const at = from > 0 ? toks[from - 1]!.end : toks[0]?.start ?? 0;
      return [at, Math.min(at, text.length)] as const;
    };
    const [ms, me] = span(mtTokens, a, b, mt);
    const [cs, ce] = span(correctedTokens, c, d, corrected);
    const operation: Operation = op ?? (a === b ? 'insert' : c === d ? 'delete' : 'replace');
    const edit: Edit = {
      segment: 0,
      operation,
      mt: mtLines.span(ms, me),
      corrected: corLines.span(cs, ce),
      mtTokens: [a, b],
      correctedTokens: [c, d],
    };
    return edit;
  });
  return { edits, pair, ctx: { mt, corrected, pairs: [pair], ...extra } };
}

/** The single edit between two texts: common leading/trailing tokens (and the whitespace next to them) are
 *  trimmed; whatever differs in between — tokens or only whitespace — is the edit. */
export function editBetween(mt: string, corrected: string, extra: Extra = {}): Case {
  const a = tokenize(mt);
  const b = tokenize(corrected);
  const gapAfter = (toks: Token[], text: string, i: number) => text.slice(toks[i]!.end, toks[i + 1]?.start ?? text.length);
  const gapBefore = (toks: Token[], text: string, i: number) => text.slice(toks[i - 1]?.end ?? 0, toks[i]!.start);
  let p = 0;
  while (p < a.length && p < b.length && a[p]!.text === b[p]!.text && gapAfter(a, mt, p) === gapAfter(b, corrected, p)) p++;
  let s = 0;
  while (
    s < a.length - p &&
    s < b.length - p &&
    a[a.length - 1 - s]!.text === b[b.length - 1 - s]!.text &&
    gapBefore(a, mt, a.length - 1 - s) === gapBefore(b, corrected, b.length - 1 - s)
  )
    s++;
  let [mf, mtTo, cf, ct] = [p, a.length - s, p, b.length - s];
  // A whitespace-only difference: the tokens around the changed gap carry it.
  if (mf === mtTo && cf === ct && mt !== corrected) {
    mf = Math.max(0, p - 1);
    cf = mf;
    mtTo = Math.min(a.length, p + 1);
    ct = Math.min(b.length, p + 1);
  }
  return makeEdits(mt, corrected, [[mf, mtTo, cf, ct]], extra);
}

/** Classifies the single edit between two texts. */
export function classifyBetween(mt: string, corrected: string, extra: Extra = {}): Classification & { mtText: string; corText: string } {
  const c = editBetween(mt, corrected, extra);
  const edit = c.edits[0]!;
  return { ...classifyEdits(c.edits, c.ctx)[0]!, mtText: edit.mt.text, corText: edit.corrected.text };
}

/** All edits between two texts of one segment, from a token LCS: each run of differing tokens between two
 *  matches becomes one edit (a replace, an insert or a delete). A stand-in for src/edits in tests. */
export function diffEdits(mt: string, corrected: string, extra: Extra = {}): Case {
  const a = tokenize(mt).map((t) => t.text);
  const b = tokenize(corrected).map((t) => t.text);
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ranges: Array<[number, number, number, number]> = [];
  let i = 0;
  let j = 0;
  let start: [number, number] | undefined;
  const flush = () => {
    if (start && (start[0] !== i || start[1] !== j)) ranges.push([start[0], i, start[1], j]);
    start = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else {
      start ??= [i, j];
      if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) i++;
      else j++;
    }
  }
  flush();
  return makeEdits(mt, corrected, ranges, extra);
}
