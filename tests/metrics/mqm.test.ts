import { describe, expect, it } from 'vitest';
import type { Category, Decision, Finding, Severity, Span } from '../../src/model.js';
import { countWords, findingPenalty, mqmScore } from '../../src/metrics/index.js';

const span = (text = 'x'): Span => ({ start: 0, end: text.length, line: 1, col: 1, endLine: 1, endCol: text.length + 1, text });
let n = 0;
function finding(category: Category, severity: Severity, decision?: Decision, segment = 0): Finding {
  n++;
  return {
    id: `f${n}`,
    segment,
    operation: 'replace',
    mt: span(),
    corrected: span('y'),
    category,
    type: 'R:OTHER',
    severity,
    rule: 'test',
    message: 'test finding',
    ...(decision ? { decision } : {}),
  };
}

describe('mqm-core preset', () => {
  it('APT, per-word and per-1000 penalties, score and pass (hand-computed)', () => {
    // 2 minor (1 each) + 1 major (5) + 1 neutral (0) = 7 over 200 words: PWPT 0.035, NPT 35, score 96.5.
    const fs = [
      finding('fluency/spelling', 'minor'),
      finding('fluency/grammar', 'minor'),
      finding('accuracy/mistranslation', 'major'),
      finding('style/awkward', 'neutral'),
    ];
    const s = mqmScore(fs, 200, 10);
    expect(s.preset).toBe('mqm-core');
    expect(s.penalty).toBe(7);
    expect(s.words).toBe(200);
    expect(s.perThousand).toBeCloseTo(35, 12);
    expect(s.score).toBeCloseTo(96.5, 12);
    expect(s.threshold).toBe(95);
    expect(s.pass).toBe(true);
    // Same findings on 100 words: score 93 < 95 fails.
    expect(mqmScore(fs, 100, 10).pass).toBe(false);
    expect(mqmScore(fs, 100, 10, { threshold: 90 }).pass).toBe(true);
  });

  it('a critical error fails the document whatever the score', () => {
    const s = mqmScore([finding('accuracy/mistranslation', 'critical')], 10_000, 100);
    expect(s.penalty).toBe(25);
    expect(s.score).toBeCloseTo(99.75, 12);
    expect(s.pass).toBe(false);
  });

  it('category weights multiply the severity (full category or dimension)', () => {
    const fs = [finding('fluency/spelling', 'major'), finding('accuracy/omission', 'minor')];
    expect(mqmScore(fs, 100, 1, { weights: { 'fluency/spelling': 0.5 } }).penalty).toBe(2.5 + 1);
    expect(mqmScore(fs, 100, 1, { weights: { accuracy: 2 } }).penalty).toBe(5 + 2);
    expect(findingPenalty(fs[0]!, { weights: { fluency: 0 } })).toBe(0);
  });

  it('decisions: rejected findings drop out, category/severity overrides count', () => {
    const fs = [
      finding('accuracy/mistranslation', 'critical', { status: 'rejected' }),
      finding('fluency/grammar', 'minor', { status: 'accepted', severity: 'major' }),
      finding('fluency/punctuation', 'major', { status: 'open', category: 'accuracy/untranslated' }),
    ];
    const core = mqmScore(fs, 100, 2);
    expect(core.penalty).toBe(5 + 5);
    expect(core.pass).toBe(false); // score 90
    expect(mqmScore(fs, 1000, 2).pass).toBe(true); // the rejected critical no longer blocks
    // A decision that raises a finding to critical blocks.
    expect(mqmScore([finding('other', 'minor', { status: 'accepted', severity: 'critical' })], 1000, 1).pass).toBe(false);
  });

  it('no words: counted as one word so any penalty fails', () => {
    expect(mqmScore([], 0, 0)).toMatchObject({ penalty: 0, score: 100, pass: true });
    expect(mqmScore([finding('other', 'minor')], 0, 0)).toMatchObject({ penalty: 1, score: 0, pass: false });
  });
});

describe('wmt-google preset', () => {
  it('weights: major 5, minor 1, minor punctuation 0.1, untranslated words by severity; score = mean per segment', () => {
    const fs = [
      finding('accuracy/mistranslation', 'major', undefined, 0),
      finding('fluency/grammar', 'minor', undefined, 1),
      finding('fluency/punctuation', 'minor', undefined, 1),
      finding('fluency/punctuation', 'major', undefined, 2),
      finding('accuracy/untranslated', 'minor', undefined, 3),
      finding('style/awkward', 'neutral', undefined, 3),
    ];
    const s = mqmScore(fs, 50, 4, { preset: 'wmt-google' });
    expect(s.penalty).toBeCloseTo(5 + 1 + 0.1 + 5 + 1, 12);
    expect(s.score).toBeCloseTo(12.1 / 4, 12);
    expect(s.perThousand).toBeCloseTo((12.1 / 50) * 1000, 9);
    expect(s.threshold).toBe(1);
    expect(s.pass).toBe(false); // lower is better: 9.025 > 1
  });

  it("a segment weighs at most 25 (Google's Non-translation), however many errors it has", () => {
    const six = Array.from({ length: 6 }, () => finding('accuracy/untranslated', 'major', undefined, 0));
    expect(mqmScore([...six, finding('fluency/grammar', 'minor', undefined, 1)], 20, 2, { preset: 'wmt-google' }).penalty).toBe(25 + 1);
    expect(mqmScore([finding('accuracy/mistranslation', 'critical', undefined, 0)], 20, 1, { preset: 'wmt-google' }).penalty).toBe(25);
  });

  it('passes when the mean penalty is at most the threshold', () => {
    const fs = [finding('fluency/spelling', 'minor'), finding('fluency/punctuation', 'minor')];
    const s = mqmScore(fs, 100, 5, { preset: 'wmt-google' });
    expect(s.score).toBeCloseTo(1.1 / 5, 12);
    expect(s.pass).toBe(true);
    expect(mqmScore(fs, 100, 1, { preset: 'wmt-google' }).pass).toBe(false); // 1.1 > 1
    expect(mqmScore(fs, 100, 1, { preset: 'wmt-google', threshold: 2 }).pass).toBe(true);
  });

  it('honours decisions too', () => {
    const fs = [finding('accuracy/untranslated', 'major', { status: 'rejected' }), finding('fluency/grammar', 'major', { status: 'accepted', severity: 'minor' })];
    expect(mqmScore(fs, 10, 1, { preset: 'wmt-google' }).penalty).toBe(1);
  });
});

describe('countWords', () => {
  it('counts whitespace-separated tokens (Python whitespace)', () => {
    expect(countWords('  The cat\u00a0sat.\n')).toBe(3);
    expect(countWords('')).toBe(0);
  });
});
