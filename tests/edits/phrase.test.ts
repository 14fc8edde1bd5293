// Phrase-level rewrites (issue 11): a clause the post-editor rewrote is one edit, as MQM marks the phrase; ERRANT's
// word-pair splits stay where the paired words correspond.
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/edits/apply.js';
import { extractEdits } from '../../src/edits/extract.js';
import { alignSegments } from '../../src/segment/align-segments.js';

function edits(mt: string, corrected: string): string[] {
  const pairs = alignSegments(mt, corrected, { segmentation: 'auto' });
  const es = extractEdits(mt, corrected, pairs, { strict: true });
  expect(applyEdits(mt, es)).toBe(corrected);
  return es.map((e) => `${e.mt.text.trim()} → ${e.corrected.text.trim()}`);
}

describe('phrase rewrites', () => {
  it('"This way of agreeing" → "This is in line" (the seed, line 14) is one edit, not three word pairs', () => {
    expect(edits('This way of agreeing with the principle that', 'This is in line with the principle that')).toEqual(['way of agreeing → is in line']);
  });
  it('corresponding words stay paired: "Stable safety" → "robust security" (two substitutions)', () => {
    expect(edits('allies discuss Stable safety guarantees for Ukraine', 'allies discuss robust security guarantees for Ukraine')).toEqual(['Stable → robust', 'safety → security']);
  });
  it('a preposition swap next to a substitution stays two edits ("in the report" → "at the readout")', () => {
    expect(edits('as written in the report of Canada', 'as written at the readout of Canada')).toEqual(['in → at', 'report → readout']);
  });
});
