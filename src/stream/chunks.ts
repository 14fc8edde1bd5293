// Cutting a line-aligned corpus into chunks of lines (src/stream/chunk-audit.ts audits each alone). The lines come
// from two iterators, MT and corrected in step, so the same code cuts a text held in memory and files read in a
// stream; at most one chunk, its neighbours and ID_CONTEXT characters of look-ahead are held at a time.
import { InputError } from '../io/errors.js';
import { ID_CONTEXT, type LineChunk } from './chunk-audit.js';

/** Characters (MT + corrected) of a chunk's own lines, about 5,000 words: small enough that a worker's chunk is a
 *  few MB of heap and 2 workers stay busy on a short corpus, large enough that a chunk's fixed cost (a message, a
 *  structured clone) stays below 1% of its audit. */
export const CHUNK_CHARS = 64_000;

/** The lines of a text as editors count them (src/segment/align-segments.ts lineRanges): each with its line break,
 *  "" is one empty line, a final line break starts no other line. */
export function* textLines(text: string): Generator<string> {
  if (text === '') {
    yield '';
    return;
  }
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl + 1;
    yield text.slice(start, end);
    start = end;
  }
}

/** The number of lines textLines gives (as alignSegments counts them in lines mode). */
export function lineCount(text: string): number {
  if (text === '') return 1;
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

/** Chunks of ~`chunkChars` characters of own lines (at least one line each), in order, covering every line once. */
export function* lineChunks(mtLines: Iterable<string>, correctedLines: Iterable<string>, chunkChars = CHUNK_CHARS): Generator<LineChunk> {
  const mtIt = mtLines[Symbol.iterator]();
  const corIt = correctedLines[Symbol.iterator]();
  const mq: string[] = [];
  const cq: string[] = [];
  let ended = false;
  /** Reads one more line of each side into the queues; false at the end. */
  const pull = (): boolean => {
    if (ended) return false;
    const a = mtIt.next();
    const b = corIt.next();
    if (a.done !== b.done) throw new InputError(`line counts differ: the ${a.done ? 'MT' : 'corrected text'} ends first, after ${first + mq.length} lines`);
    if (a.done) {
      ended = true;
      return false;
    }
    mq.push(a.value);
    cq.push(b.value!);
    return true;
  };
  let first = 0; // id of the first queued line
  let mtPos = 0; // offsets of the first queued line
  let corPos = 0;
  let prevMt = ''; // the line before the first queued one (the next window's neighbour before), '' at the start
  let prevCor = '';
  let mtBefore = ''; // up to ID_CONTEXT MT characters before prevMt
  for (;;) {
    let k = 0;
    let size = 0;
    while (size < chunkChars && (k < mq.length || pull())) {
      size += mq[k]!.length + cq[k]!.length;
      k++;
    }
    if (k === 0) return;
    if (mq.length === k) pull();
    const after = mq.length > k ? 1 : 0;
    // ID_CONTEXT characters of MT after the window, from the lines after it.
    let look = 0;
    for (let j = k + after; look < ID_CONTEXT && (j < mq.length || pull()); j++) look += mq[j]!.length;
    const own = mq.slice(0, k);
    const ownMt = own.join('');
    const ownCor = cq.slice(0, k).join('');
    const nextMt = after ? mq[k]! : '';
    const nextCor = after ? cq[k]! : '';
    const before = first > 0 ? 1 : 0;
    yield {
      mt: prevMt + ownMt + nextMt,
      corrected: prevCor + ownCor + nextCor,
      first,
      count: k,
      before,
      after,
      mtOffset: mtPos - prevMt.length,
      correctedOffset: corPos - prevCor.length,
      mtBefore,
      mtAfter: mq
        .slice(k + after)
        .join('')
        .slice(0, ID_CONTEXT),
    };
    mtBefore = (mtBefore + prevMt + ownMt.slice(0, ownMt.length - own[k - 1]!.length)).slice(-ID_CONTEXT);
    prevMt = own[k - 1]!;
    prevCor = cq[k - 1]!;
    mtPos += ownMt.length;
    corPos += ownCor.length;
    first += k;
    mq.splice(0, k);
    cq.splice(0, k);
  }
}
