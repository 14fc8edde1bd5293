import type { Edit } from '../model.js';

export type ApplicableEdit = Pick<Edit, 'mt' | 'corrected' | 'moveTo' | 'operation'>;

interface Step {
  start: number;
  end: number;
  text: string;
  order: number;
}

/** Apply edits to the MT text: each MT range is replaced by the corrected text; a move with `moveTo` deletes its
 *  MT range and inserts `moveTo.text` at `moveTo.at`. Steps at the same offset keep the order of `edits`, an
 *  insertion going before a range that starts where it is. Overlapping ranges are a bug and throw. */
export function applyEdits(mt: string, edits: ApplicableEdit[]): string {
  const steps: Step[] = [];
  edits.forEach((e, order) => {
    if (e.moveTo) {
      steps.push({ start: e.mt.start, end: e.mt.end, text: '', order });
      steps.push({ start: e.moveTo.at, end: e.moveTo.at, text: e.moveTo.text, order });
    } else steps.push({ start: e.mt.start, end: e.mt.end, text: e.corrected.text, order });
  });
  steps.sort((x, y) => x.start - y.start || (x.end === x.start ? 0 : 1) - (y.end === y.start ? 0 : 1) || x.order - y.order);
  const parts: string[] = [];
  let at = 0;
  for (const s of steps) {
    if (s.start < at || s.end < s.start || s.end > mt.length) {
      throw new Error(`applyEdits: overlapping or out-of-range edit at ${s.start}-${s.end}`);
    }
    parts.push(mt.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(mt.slice(at));
  return parts.join('');
}
