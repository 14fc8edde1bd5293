import { lineRanges } from '../text.js';

/** MT and source compared unit by unit: line by line when both have the same number of non-empty lines (a
 *  line-aligned corpus, or a document translated paragraph by paragraph), else the whole texts as one unit. */
export interface SourceUnit {
  mt: { start: number; end: number };
  source: string;
}

export function sourceUnits(mt: string, source: string): SourceUnit[] {
  return lineAligned(mt, source) ?? [{ mt: { start: 0, end: mt.length }, source }];
}

/** The line-by-line pairing, or undefined when the texts are not line-aligned. */
export function lineAligned(mt: string, source: string): SourceUnit[] | undefined {
  if (cache && cache.mt === mt && cache.source === source) return cache.units;
  const units = computeLineAligned(mt, source);
  cache = { mt, source, units };
  return units;
}
let cache: { mt: string; source: string; units: SourceUnit[] | undefined } | undefined;

function computeLineAligned(mt: string, source: string): SourceUnit[] | undefined {
  // Same number of lines: line i is unit i, whatever any line holds (a localization file's units are joined one
  // per line, and one empty target must not shift, or unpair, every unit after it).
  const mtAll = lineRanges(mt);
  const srcAll = lineRanges(source);
  if (mtAll.length === srcAll.length && mtAll.length >= 2) {
    const out: SourceUnit[] = [];
    mtAll.forEach((l, i) => {
      const src = source.slice(srcAll[i]!.start, srcAll[i]!.end);
      if (mt.slice(l.start, l.end).trim() !== '' && src.trim() !== '') out.push({ mt: l, source: src });
    });
    return out;
  }
  const mtLines = lineRanges(mt).filter((l) => mt.slice(l.start, l.end).trim() !== '');
  const srcLines = lineRanges(source)
    .map((l) => source.slice(l.start, l.end))
    .filter((l) => l.trim() !== '');
  if (mtLines.length !== srcLines.length || mtLines.length < 2) return undefined;
  return mtLines.map((l, i) => ({ mt: l, source: srcLines[i]! }));
}

/** The source line of the MT line that holds `offset`, when MT and source are line-aligned. Line-start checks
 *  use it: a segment that starts in lower case or with punctuation in the source too is a fragment, not an error. */
export function sourceLineAt(mt: string, source: string | undefined, offset: number): string | undefined {
  if (source === undefined) return undefined;
  const units = lineAligned(mt, source);
  if (!units) return undefined;
  // Binary search: the last unit that starts at or before the offset.
  let lo = 0;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (units[mid]!.mt.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const u = units[lo]!;
  return offset >= u.mt.start && offset <= u.mt.end ? u.source : undefined;
}
