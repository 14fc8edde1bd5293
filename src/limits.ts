// Limits every entry point applies, named in the message that refuses an input.

/** Words in one segment (one line with --segmentation lines). Token alignment, the QE tags' tercom table and the
 *  effort distance grow with the square of a segment's length: 10,000 words take about a second, 80,000 words
 *  (one 500 KB line) over a minute and a 5 MB line hours or more memory than there is. Refused up front instead.
 *  (Words, not characters: one huge token, a base64 blob, is audited in linear time.) */
export const MAX_SEGMENT_WORDS = 10_000;
