import { LineIndex } from '../io/lines.js';
import type { Edit, Glossary, Range, SegmentPair } from '../model.js';
import { charDiff } from './extract.js';

// A glossary term is one unit for a reviewer: "coalition of volunteers" → "Coalition of the Willing" is one
// wrong term, although the token alignment sees a case change, a kept "of" and a replacement. So the edits that
// touch one occurrence of a forbidden variant (in the MT) or of a term (in the correction) are joined into one
// replace that covers the whole occurrence. The text between the joined edits is unchanged on both sides, so the
// joined edit still reproduces the correction exactly.

/** Joins the edits that rewrite one glossary term occurrence into one edit spanning it. Moves are left alone. */
export function mergeTermEdits(edits: Edit[], mt: string, corrected: string, pairs: SegmentPair[], glossary: Glossary): Edit[] {
  if (glossary.length === 0 || edits.length === 0) return edits;
  const variants = glossary.flatMap((g) => g.forbidden);
  const terms = glossary.map((g) => g.term);
  const mtLines = new LineIndex(mt);
  const cLines = new LineIndex(corrected);
  const out: Edit[] = [];
  let i = 0;
  while (i < edits.length) {
    const seg = edits[i]!.segment;
    let j = i;
    while (j < edits.length && edits[j]!.segment === seg) j++;
    const pair = pairs[seg];
    let group = edits.slice(i, j);
    if (pair) {
      for (const r of occurrences(mt, pair.mt, variants)) group = joinOver(group, r, 'mt', mt, corrected, mtLines, cLines);
      for (const r of occurrences(corrected, pair.corrected, terms)) group = joinOver(group, r, 'corrected', mt, corrected, mtLines, cLines);
    }
    out.push(...group);
    i = j;
  }
  return out;
}

/** Case-insensitive, whole-word occurrences of any of `phrases` inside `range` of `text`. */
function occurrences(text: string, range: Range, phrases: string[]): Range[] {
  const hay = text.slice(range.start, range.end).toLowerCase();
  const found: Range[] = [];
  for (const p of phrases) {
    const needle = p.toLowerCase();
    if (!needle) continue;
    for (let k = hay.indexOf(needle); k !== -1; k = hay.indexOf(needle, k + 1)) {
      const before = hay[k - 1];
      const after = hay[k + needle.length];
      if ((before === undefined || !isWordChar(before)) && (after === undefined || !isWordChar(after))) {
        found.push({ start: range.start + k, end: range.start + k + needle.length });
      }
    }
  }
  return found;
}

const isWordChar = (ch: string) => /[\p{L}\p{N}_-]/u.test(ch);

/** Joins the edits of `group` that touch `r` (a range on `side`) into one edit covering r. */
function joinOver(
  group: Edit[],
  r: Range,
  side: 'mt' | 'corrected',
  mt: string,
  corrected: string,
  mtLines: LineIndex,
  cLines: LineIndex,
): Edit[] {
  const touches = (e: Edit) => {
    // A whitespace-only change (a broken line next to the term) is its own finding, not part of the term.
    if (e.mt.text.replace(/\s+/g, '') === e.corrected.text.replace(/\s+/g, '')) return false;
    const s = e[side];
    return s.start === s.end ? s.start > r.start && s.start < r.end : s.start < r.end && s.end > r.start;
  };
  const idx = group.map((e, k) => (touches(e) ? k : -1)).filter((k) => k >= 0);
  if (idx.length === 0) return group;
  const first = group[idx[0]!]!;
  const last = group[idx[idx.length - 1]!]!;
  // Every edit between the first and last touching one is part of the join; a move cannot be joined.
  const joined = group.slice(idx[0], idx[idx.length - 1]! + 1);
  if (joined.some((e) => e.operation === 'move')) return group;
  const other = side === 'mt' ? 'corrected' : 'mt';
  // Unchanged text before the first and after the last edit extends both sides by the same amount.
  const lead = Math.max(0, first[side].start - r.start);
  const tail = Math.max(0, r.end - last[side].end);
  const span = {
    [side]: { start: first[side].start - lead, end: last[side].end + tail },
    [other]: { start: first[other].start - lead, end: last[other].end + tail },
  } as Record<'mt' | 'corrected', Range>;
  if (lead > 0 && mt.slice(span.mt.start, first.mt.start) !== corrected.slice(span.corrected.start, first.corrected.start)) return group;
  if (tail > 0 && mt.slice(last.mt.end, span.mt.end) !== corrected.slice(last.corrected.end, span.corrected.end)) return group;
  if (joined.length === 1 && lead === 0 && tail === 0) return group;
  // The joined span must not swallow part of a neighbouring edit.
  const before = group[idx[0]! - 1];
  const after = group[idx[idx.length - 1]! + 1];
  if ((before && before.mt.end > span.mt.start) || (after && after.mt.start < span.mt.end)) return group;
  // Nor a point where a moved phrase lands (its text would then be counted twice).
  if (group.some((e) => e.moveTo && e.moveTo.at > span.mt.start && e.moveTo.at < span.mt.end)) return group;
  const tokenRange = (t: 'mtTokens' | 'correctedTokens') => [Math.min(...joined.map((e) => e[t][0])), Math.max(...joined.map((e) => e[t][1]))] as [number, number];
  const merged: Edit = {
    segment: first.segment,
    operation: 'replace',
    mt: mtLines.span(span.mt.start, span.mt.end),
    corrected: cLines.span(span.corrected.start, span.corrected.end),
    mtTokens: tokenRange('mtTokens'),
    correctedTokens: tokenRange('correctedTokens'),
    chars: charDiff(mt.slice(span.mt.start, span.mt.end), corrected.slice(span.corrected.start, span.corrected.end)),
  };
  return [...group.slice(0, idx[0]), merged, ...group.slice(idx[idx.length - 1]! + 1)];
}
