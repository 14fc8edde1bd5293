import { createHash } from 'node:crypto';
import type { Finding, Span } from '../../model.js';
import { isPlaceholderChar } from './piece.js';
import type { Piece, Placeholder } from './types.js';

// Inline tags are placeholders in the audited text. A word edit is never about a tag: an edit whose two sides
// differ only by placeholders is dropped, and tags are compared on their own: each tag of the source (or of
// the MT when there is no source) that the corrected target lacks, each tag it adds, and each tag it puts in
// another order is one `design-markup/tag` finding (rule `markup/placeholder`).

/** True when the finding's two sides are the same once placeholders and whitespace are taken out. */
export function onlyPlaceholders(f: Pick<Finding, 'mt' | 'corrected' | 'moveTo'>, isTag: (c: string) => boolean = isPlaceholderChar): boolean {
  const strip = (s: string) => [...s].filter((c) => !isTag(c)).join('').replace(/\s+/gu, '');
  const mt = f.mt.text;
  const corrected = f.moveTo?.text ?? f.corrected.text;
  if (![...mt, ...corrected].some(isTag)) return false;
  return strip(mt) === strip(corrected);
}

interface TagAt {
  char: string;
  tag: Placeholder;
  /** Offset within the piece text. */
  at: number;
}

function tagsOf(p: Piece): TagAt[] {
  const out: TagAt[] = [];
  for (let k = 0; k < p.text.length; k++) {
    const c = p.text[k]!;
    const tag = p.tags.get(c);
    if (tag) out.push({ char: c, tag, at: k });
  }
  return out;
}

export type TagProblem = { kind: 'missing' | 'added' | 'reordered'; tag: Placeholder; char: string; correctedAt?: number };

/** Tags of `corrected` compared with `reference`: missing, added, and reordered (not on the longest common
 *  subsequence of the tags both have). */
export function compareTags(reference: Piece, corrected: Piece): TagProblem[] {
  const ref = tagsOf(reference);
  const cor = tagsOf(corrected);
  const problems: TagProblem[] = [];
  const count = new Map<string, number>();
  for (const t of cor) count.set(t.tag.key, (count.get(t.tag.key) ?? 0) + 1);
  const refCommon: TagAt[] = [];
  for (const t of ref) {
    const n = count.get(t.tag.key) ?? 0;
    if (n > 0) {
      count.set(t.tag.key, n - 1);
      refCommon.push(t);
    } else problems.push({ kind: 'missing', tag: t.tag, char: t.char });
  }
  const refCount = new Map<string, number>();
  for (const t of ref) refCount.set(t.tag.key, (refCount.get(t.tag.key) ?? 0) + 1);
  const corCommon: TagAt[] = [];
  for (const t of cor) {
    const n = refCount.get(t.tag.key) ?? 0;
    if (n > 0) {
      refCount.set(t.tag.key, n - 1);
      corCommon.push(t);
    } else problems.push({ kind: 'added', tag: t.tag, char: t.char, correctedAt: t.at });
  }
  const inLcs = lcsMembers(refCommon.map((t) => t.tag.key), corCommon.map((t) => t.tag.key));
  corCommon.forEach((t, j) => {
    if (!inLcs[j]) problems.push({ kind: 'reordered', tag: t.tag, char: t.char, correctedAt: t.at });
  });
  return problems;
}

/** For each element of b: is it on one longest common subsequence of a and b? */
function lcsMembers(a: string[], b: string[]): boolean[] {
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const member = new Array<boolean>(b.length).fill(false);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      member[j] = true;
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return member;
}

const MESSAGES = {
  missing: (label: string, against: string) => `tag ${label} is missing from the corrected target (the ${against} has it)`,
  added: (label: string, against: string) => `tag ${label} is in the corrected target but not in the ${against}`,
  reordered: (label: string, against: string) => `tag ${label} is out of order in the corrected target (compared with the ${against})`,
};

/** One finding per tag problem of a unit, located in the joined texts (`span(start, end)` of each side). */
export function tagFindings(opts: {
  unitKey: string;
  segment: number;
  problems: TagProblem[];
  against: 'source' | 'MT';
  mtPiece: Piece;
  mtBase: number;
  correctedBase: number;
  correctedLength: number;
  mtSpan: (start: number, end: number) => Span;
  correctedSpan: (start: number, end: number) => Span;
}): Finding[] {
  const seen = new Map<string, number>();
  return opts.problems.map((p) => {
    const inMt = opts.mtPiece.text.indexOf(p.char);
    const mtStart = inMt === -1 ? opts.mtBase + opts.mtPiece.text.length : opts.mtBase + inMt;
    const mtEnd = inMt === -1 ? mtStart : mtStart + 1;
    const cStart = opts.correctedBase + (p.correctedAt ?? opts.correctedLength);
    const cEnd = p.correctedAt === undefined ? cStart : cStart + 1;
    const base = createHash('sha1').update(['markup', opts.unitKey, p.kind, p.tag.key].join('\u0000')).digest('hex').slice(0, 16);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      id: n === 1 ? base : `${base}#${n}`,
      segment: opts.segment,
      operation: p.kind === 'missing' ? 'delete' : p.kind === 'added' ? 'insert' : 'move',
      mt: opts.mtSpan(mtStart, mtEnd),
      corrected: opts.correctedSpan(cStart, cEnd),
      category: 'design-markup/tag',
      type: p.kind === 'missing' ? 'M:TAG' : p.kind === 'added' ? 'U:TAG' : 'R:TAG',
      severity: p.kind === 'missing' ? 'major' : 'minor',
      rule: 'markup/placeholder',
      message: MESSAGES[p.kind](p.tag.label, opts.against),
      origin: 'audit',
    } satisfies Finding;
  });
}
