import type { Span } from '../model.js';

/** Maps string offsets to 1-based line/column. Lines end at \n (a \r\n ending counts as one break; a lone \r
 *  does not break a line, as editors and GitHub annotations count). Columns count UTF-16 code units + 1. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line and column of an offset (binary search over line starts). */
  position(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }

  /** A Span for [start, end) of this text. */
  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(end);
    return { start, end, line: a.line, col: a.col, endLine: b.line, endCol: b.col, text: this.text.slice(start, end) };
  }
}
