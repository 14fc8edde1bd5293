// `--format jsonl`: one JSON object per line, one line per segment, for tools that take records rather than a
// document (Spark's RDD.pipe, Hadoop streaming, GNU parallel, jq -c, a database's bulk loader). Each record holds
// the segment's texts and location, its sentence metrics, and the findings in it; documents follow each other.
// `segment` is the model's 0-based id and `line` the 1-based line of the segment's first MT character. The
// corpus scores are not in any record (they are not sums of sentence scores): use --format json, or
// `tqa audit --shard` + `tqa merge` for a corpus split across jobs.
import type { DocumentReport, Finding, Report, Segment } from '../model.js';

/** The JSONL text: every record ends with a newline. */
export function formatJsonl(report: Report): string {
  return [...formatJsonlChunks(report)].join('');
}

/** The same text, one record at a time (a million-segment report is never one string). */
export function* formatJsonlChunks(report: Report): Generator<string> {
  for (const doc of report.documents) yield* documentRecords(doc);
}

function* documentRecords(doc: DocumentReport): Generator<string> {
  const byId = new Map<number, Finding[]>();
  for (const f of doc.findings) {
    let list = byId.get(f.segment);
    if (!list) byId.set(f.segment, (list = []));
    list.push(f);
  }
  const mtLine = lineCounter(doc.mt.text);
  const correctedLine = lineCounter(doc.corrected.text);
  for (const s of doc.segments) {
    yield jsonlRecord(
      doc.id,
      s,
      { line: mtLine(s.mt.start), text: doc.mt.text.slice(s.mt.start, s.mt.end) },
      { line: correctedLine(s.corrected.start), text: doc.corrected.text.slice(s.corrected.start, s.corrected.end) },
      byId.get(s.id) ?? [],
    );
  }
}

/** One segment's record with its line break (also written by the streamed audit, src/stream/stream-audit.ts). */
export function jsonlRecord(document: string, s: Segment, mt: { line: number; text: string }, corrected: { line: number; text: string }, findings: Finding[]): string {
  const record = {
    document,
    segment: s.id,
    mt: { start: s.mt.start, end: s.mt.end, line: mt.line, text: mt.text },
    corrected: { start: s.corrected.start, end: s.corrected.end, line: corrected.line, text: corrected.text },
    metrics: s.metrics,
    findings,
  };
  return `${JSON.stringify(record)}\n`;
}

/** 1-based line of an offset; offsets asked in increasing order cost one pass over the text in all. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    for (let i = text.indexOf('\n', at); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    at = offset;
    return line;
  };
}
