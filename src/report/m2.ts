import type { DocumentReport, Finding, Report, Segment } from '../model.js';
import { isPreTokenised, tokenize } from '../align/tokenize.js';
import { correctionOf, findingsBySegment, segmentIds, segmentRange, segmentsById, sortedFindings } from './effective.js';

// ERRANT's M2 format, so that GEC tooling (errant_compare, m2scorer) can score against the post-edit:
//   S <the segment's MT tokens, single spaces>
//   A <start> <end>|||<ERRANT type>|||<corrected tokens>|||REQUIRED|||-NONE-|||0
// one block per segment (documents one after another), blocks separated by a blank line; a segment without
// edits gets the noop line `A -1 -1|||noop|||-NONE-|||REQUIRED|||-NONE-|||0`.
// Every edit of the correction is written, whatever a reviewer decided: M2 describes how the MT became the
// post-edit (applying the A lines to the S tokens gives the corrected tokens), not a verdict on the error.
// A finding without a known correction (a reference-free check without suggestion) is a detection-only edit,
// type UNK with the original tokens, as ERRANT keeps them.
// Tokens: the report keeps character spans, not the pipeline's tokens, so a segment is tokenised again with the
// pipeline's tokenizer (src/align/tokenize.ts: "large-scale", "Carney’s", "Mr." stay one token), in the mode
// (prose or pre-tokenised corpus) decided once per document, and tokens are also cut at every finding boundary,
// so that each edit covers whole tokens. Tokens cannot hold whitespace, so an edit that only changes spacing
// ("Photo :" → "Photo:") is invisible in M2 and is not written; detection-only edits always are.

export interface M2Token {
  text: string;
  start: number;
  end: number;
}

/** Tokenises `text` (offsets relative to `base`), cutting tokens at any offset in `cuts`. */
export function m2Tokens(text: string, base = 0, cuts: Iterable<number> = [], preTokenised = false): M2Token[] {
  const cutSet = [...new Set(cuts)].sort((a, b) => a - b);
  const out: M2Token[] = [];
  for (const t of tokenize(text, { start: 0, end: text.length }, { preTokenised })) {
    let start = base + t.start;
    const end = base + t.end;
    for (const c of cutSet) {
      if (c > start && c < end) {
        out.push({ text: text.slice(start - base, c - base), start, end: c });
        start = c;
      }
    }
    out.push({ text: text.slice(start - base, end - base), start, end });
  }
  return out;
}

/** Tokens of a correction string, joined as M2 writes them. */
export function m2Join(text: string, preTokenised = false): string {
  return m2Tokens(text, 0, [], preTokenised)
    .map((t) => t.text)
    .join(' ');
}

interface M2Edit {
  start: number;
  end: number;
  type: string;
  correction: string;
}

export function formatM2(report: Report): string {
  const blocks: string[] = [];
  for (const doc of report.documents) {
    const segments = segmentsById(doc);
    const bySegment = findingsBySegment(sortedFindings(doc.findings));
    const pre = isPreTokenised(doc.mt.text);
    for (const id of segmentIds(doc)) blocks.push(segmentBlock(doc, segments.get(id), bySegment.get(id) ?? [], pre));
  }
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

function segmentBlock(doc: DocumentReport, seg: Segment | undefined, findings: Finding[], pre: boolean): string {
  const range = segmentRange(doc, seg, findings);
  const text = doc.mt.text.slice(range.start, range.end);
  const cuts = findings.flatMap((f) => [f.mt.start, f.mt.end, ...(f.moveTo ? [f.moveTo.at] : [])]);
  const tokens = m2Tokens(text, range.start, cuts, pre);
  /** Token index of a character offset: the number of tokens that start before it. */
  const tokIndex = (offset: number) => {
    let i = 0;
    while (i < tokens.length && tokens[i]!.start < offset) i++;
    return i;
  };
  const edits: M2Edit[] = [];
  for (const f of findings) {
    for (const e of editsOf(f, doc.mt.text, findings, tokIndex, pre)) {
      const original = tokens.slice(e.start, e.end).map((t) => t.text).join(' ');
      if (e.type === 'UNK' || e.correction !== original) edits.push(e);
    }
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const lines = [`S ${tokens.map((t) => t.text).join(' ')}`];
  if (edits.length === 0) lines.push('A -1 -1|||noop|||-NONE-|||REQUIRED|||-NONE-|||0');
  for (const e of edits) lines.push(`A ${e.start} ${e.end}|||${e.type}|||${e.correction}|||REQUIRED|||-NONE-|||0`);
  return lines.join('\n');
}

function editsOf(f: Finding, mtText: string, all: Finding[], tokIndex: (offset: number) => number, pre: boolean): M2Edit[] {
  const join = (t: string) => m2Join(t, pre);
  const type = f.type.replace(/\|/g, '/');
  const corr = correctionOf(f);
  if (corr === undefined) {
    // Detection only: ERRANT's UNK keeps the original tokens as the "correction".
    return [{ start: tokIndex(f.mt.start), end: tokIndex(f.mt.end), type: 'UNK', correction: join(f.mt.text) }];
  }
  if (!f.moveTo) return [{ start: tokIndex(f.mt.start), end: tokIndex(f.mt.end), type, correction: join(corr) }];
  // A long-distance move: one edit over the whole stretch the phrase travels (as ERRANT writes a
  // transposition), unless another finding lies inside that stretch; then a deletion plus an insertion.
  const { at, text } = f.moveTo;
  const lo = Math.min(f.mt.start, at);
  const hi = Math.max(f.mt.end, at);
  const inside = all.some((g) => g !== f && g.mt.start < hi && g.mt.end > lo && !(g.mt.start === g.mt.end && (g.mt.start === lo || g.mt.start === hi)));
  if (!inside) {
    const moved =
      at <= f.mt.start ? text + mtText.slice(at, f.mt.start) : mtText.slice(f.mt.end, at) + text;
    return [{ start: tokIndex(lo), end: tokIndex(hi), type, correction: join(moved) }];
  }
  return [
    { start: tokIndex(f.mt.start), end: tokIndex(f.mt.end), type, correction: '' },
    { start: tokIndex(at), end: tokIndex(at), type, correction: join(text) },
  ];
}
