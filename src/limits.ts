// Limits every entry point applies, named in the message that refuses an input.

/** Words in one segment (one line with --segmentation lines). Token alignment, the QE tags' tercom table and the
 *  effort distance grow with the square of a segment's length: 10,000 words take about a second, 80,000 words
 *  (one 500 KB line) over a minute and a 5 MB line hours or more memory than there is. Refused up front instead.
 *  (Words, not characters: one huge token, a base64 blob, is audited in linear time.) */
export const MAX_SEGMENT_WORDS = 10_000;

/** Words in one document (either side). A 1,000,000-word audit peaks at about 800 MiB of heap (BENCHMARKS.md,
 *  "Audit pipeline"); a 50 MB pair (~8M words) ran for ten minutes into V8's ~4 GB heap ceiling without a result.
 *  Refused up front, the limit named; `tqa audit --max-words` raises it for a machine that can hold more. */
export const MAX_DOCUMENT_WORDS = 2_000_000;
