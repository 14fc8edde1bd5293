import { diffChars } from 'diff';
import { LineIndex } from '../io/lines.js';
import type { CharChange, Edit, Operation, SegmentPair } from '../model.js';
import { sameSpan, segmentEdits, whole, type RawEdit } from './segment-edits.js';

export interface ExtractOptions {
  /** Called after every batch of segments (and once at the end) with segments done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Detect long-distance moves (default true). */
  moves?: boolean;
  /** Throw instead of falling back to a whole-segment replace when a segment's edits fail to reproduce it
   *  (a self-check that never fires in the tests; on by default it would stop an audit over one odd segment). */
  strict?: boolean;
}

const PROGRESS_EVERY = 500;
/** Character diffs are for words and short phrases; longer replaces are shown whole. */
const MAX_CHARS_DIFF = 40;

/** Every edit that turns `mt` into `corrected`, in MT order, given the segment pairs from alignSegments.
 *  applyEdits(mt, extractEdits(mt, corrected, pairs)) === corrected. */
export function extractEdits(mt: string, corrected: string, pairs: SegmentPair[], opts: ExtractOptions = {}): Edit[] {
  // `gap`: a standalone edit of the whitespace between two segments (it may join the next segment's first edit).
  const raws: Array<RawEdit & { segment: number; gap?: boolean }> = [];
  let prevMt = 0;
  let prevC = 0;
  const addGap = (segment: number, mtEnd: number, cEnd: number, tokens: [number, number], cTokens: [number, number]): void => {
    if (sameSpan(mt, prevMt, mtEnd, corrected, prevC, cEnd)) return;
    const last = raws[raws.length - 1];
    // Whitespace between segments that differs joins an edit that touches it on both sides, else stands alone.
    if (last && last.operation !== 'move' && last.mtEnd === prevMt && last.cEnd === prevC) {
      last.mtEnd = mtEnd;
      last.cEnd = cEnd;
      if (last.operation !== 'replace' && last.mtStart < last.mtEnd && last.cStart < last.cEnd) last.operation = 'replace';
      return;
    }
    raws.push({
      segment,
      operation: prevMt === mtEnd ? 'insert' : prevC === cEnd ? 'delete' : 'replace',
      mtStart: prevMt,
      mtEnd,
      cStart: prevC,
      cEnd,
      mtTokens: tokens,
      correctedTokens: cTokens,
      gap: true,
    });
  };
  pairs.forEach((pair, k) => {
    // The whitespace before this segment belongs to the previous one (to the first segment at the very start).
    const owner = k === 0 ? pair : pairs[k - 1]!;
    const n = k === 0 ? 0 : owner.mtTokens.length;
    const m = k === 0 ? 0 : owner.correctedTokens.length;
    addGap(owner.id, pair.mt.start, pair.corrected.start, [n, n], [m, m]);
    let edits = safeSegmentEdits(mt, corrected, pair, opts);
    const first = edits[0];
    const last = raws[raws.length - 1];
    // A standalone gap edit touching this segment's first edit on both sides joins it.
    if (
      first &&
      last?.gap &&
      first.operation !== 'move' &&
      last.operation !== 'move' &&
      last.mtEnd === first.mtStart &&
      last.cEnd === first.cStart &&
      last.mtEnd === pair.mt.start &&
      last.cEnd === pair.corrected.start
    ) {
      raws.pop();
      edits = [{ ...first, mtStart: last.mtStart, cStart: last.cStart, operation: joinedOperation(last, first) }, ...edits.slice(1)];
    }
    for (const e of edits) raws.push({ ...e, segment: pair.id });
    prevMt = pair.mt.end;
    prevC = pair.corrected.end;
    if (opts.onProgress && ((k + 1) % PROGRESS_EVERY === 0 || k + 1 === pairs.length)) opts.onProgress(k + 1, pairs.length);
  });
  const lastPair = pairs[pairs.length - 1];
  addGap(
    lastPair?.id ?? 0,
    mt.length,
    corrected.length,
    [lastPair?.mtTokens.length ?? 0, lastPair?.mtTokens.length ?? 0],
    [lastPair?.correctedTokens.length ?? 0, lastPair?.correctedTokens.length ?? 0],
  );
  if (pairs.length === 0 && opts.onProgress) opts.onProgress(0, 0);

  const mtLines = new LineIndex(mt);
  const cLines = new LineIndex(corrected);
  // Joining whitespace to a neighbouring edit can cancel it out ("the." deleted, then "the." found again next door).
  const kept = raws.filter((r) => r.moveTo || !sameSpan(mt, r.mtStart, r.mtEnd, corrected, r.cStart, r.cEnd));
  return kept.map((r) => toEdit(r, mtLines, cLines));
}

function joinedOperation(a: RawEdit, b: RawEdit): Operation {
  const mtEmpty = a.mtStart === a.mtEnd && b.mtStart === b.mtEnd;
  const cEmpty = a.cStart === a.cEnd && b.cStart === b.cEnd;
  return mtEmpty ? 'insert' : cEmpty ? 'delete' : 'replace';
}

/** Edits of one segment, checked: applied to the MT segment they must give the corrected segment exactly. */
function safeSegmentEdits(mt: string, corrected: string, pair: SegmentPair, opts: ExtractOptions): RawEdit[] {
  const { start: ms, end: me } = pair.mt;
  const { start: cs, end: ce } = pair.corrected;
  if (sameSpan(mt, ms, me, corrected, cs, ce)) return [];
  try {
    const edits = segmentEdits(mt, corrected, pair, opts.moves ?? true);
    if (reproduces(mt, corrected, pair, edits)) return edits;
    if (opts.strict) throw new Error(`segment ${pair.id}: edits do not reproduce the correction`);
  } catch (e) {
    if (opts.strict) throw e;
  }
  return [whole(pair)];
}

/** Does applying the edits to the MT segment give the corrected segment? Linear, and builds no strings: the
 *  self-check behind the property apply(extract) === corrected, segment by segment. */
function reproduces(mt: string, corrected: string, pair: SegmentPair, edits: RawEdit[]): boolean {
  const steps: Array<{ start: number; end: number; text?: string; cs: number; ce: number; order: number }> = [];
  edits.forEach((e, order) => {
    if (e.moveTo) {
      steps.push({ start: e.mtStart, end: e.mtEnd, cs: 0, ce: 0, order });
      steps.push({ start: e.moveTo.at, end: e.moveTo.at, text: e.moveTo.text, cs: 0, ce: 0, order });
    } else steps.push({ start: e.mtStart, end: e.mtEnd, cs: e.cStart, ce: e.cEnd, order });
  });
  steps.sort((x, y) => x.start - y.start || (x.end === x.start ? 0 : 1) - (y.end === y.start ? 0 : 1) || x.order - y.order);
  let at = pair.mt.start;
  let c = pair.corrected.start;
  for (const s of steps) {
    if (s.start < at || s.end > pair.mt.end) return false;
    if (!sameSpan(mt, at, s.start, corrected, c, c + (s.start - at))) return false;
    c += s.start - at;
    if (s.text !== undefined) {
      if (!sameSpan(s.text, 0, s.text.length, corrected, c, c + s.text.length)) return false;
      c += s.text.length;
    } else {
      if (!sameSpan(corrected, s.cs, s.ce, corrected, c, c + (s.ce - s.cs))) return false;
      c += s.ce - s.cs;
    }
    at = s.end;
  }
  return sameSpan(mt, at, pair.mt.end, corrected, c, pair.corrected.end) && c + (pair.mt.end - at) === pair.corrected.end;
}

function toEdit(r: RawEdit & { segment: number }, mtLines: LineIndex, cLines: LineIndex): Edit {
  const edit: Edit = {
    segment: r.segment,
    operation: r.operation,
    mt: mtLines.span(r.mtStart, r.mtEnd),
    corrected: cLines.span(r.cStart, r.cEnd),
    mtTokens: r.mtTokens,
    correctedTokens: r.correctedTokens,
  };
  if (r.moveTo) edit.moveTo = r.moveTo;
  if (r.operation === 'replace' && edit.mt.text.length <= MAX_CHARS_DIFF && edit.corrected.text.length <= MAX_CHARS_DIFF) {
    edit.chars = charDiff(edit.mt.text, edit.corrected.text);
  }
  return edit;
}

/** Character diff for display ("Volodyr" → "Volodymyr": equal "Volody", insert "m", equal "yr"). */
export function charDiff(from: string, to: string): CharChange[] {
  return diffChars(from, to).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}
