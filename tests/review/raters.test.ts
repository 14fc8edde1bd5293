// One rater's view of a document and the merged votes: pure functions over a hand-built report (two sentences of
// the seed; findings: Volodyr major, the-insert minor, theTake critical, large -scale minor; mqm-core weights
// minor 1, major 5, critical 25).
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/model.js';
import type { Annotation } from '../../src/review/annotations.js';
import { isSplit, pageAgreement, raterDoc, raterNames, votesByFinding, type RaterData } from '../../src/review/raters.js';
import { agreementView } from '../../src/web/view-model.js';
import { fixtureReport } from '../web/fixture.js';

const d = (status: Decision['status'], rater: string, extra: Partial<Decision> = {}): Decision => ({ status, reviewer: rater, at: '2026-12-02T18:00:00.000Z', ...extra });
const mark = (id: string, reviewer: string, start: number, end: number): Annotation => ({
  id, side: 'mt', segment: 1, segmentText: 'The large -scale invasion began.', start, end, category: 'style/awkward', severity: 'major', reviewer, at: '2026-12-02T18:00:00.000Z',
});

const data: RaterData = {
  decisions: new Map([
    ['ana', new Map([['f-thetake', d('rejected', 'ana')], ['f-volodyr', d('accepted', 'ana')], ['f-scale', d('accepted', 'ana', { severity: 'major' })]])],
    ['ben', new Map([['f-thetake', d('accepted', 'ben')], ['f-volodyr', d('accepted', 'ben')], ['f-scale', d('accepted', 'ben')], ['r-cem-x', d('rejected', 'ben')]])],
  ]),
  // cem only marked an error; ben rejected cem's mark (a decision on someone else's mark).
  annotations: [mark('r-ana-1', 'ana', 17, 26), mark('r-cem-x', 'cem', 4, 9)],
};

describe('rater views', () => {
  it('names everyone who decided or marked, sorted', () => {
    expect(raterNames(data)).toEqual(['ana', 'ben', 'cem']);
  });

  it('shows one rater’s decisions and own marks only, scored as that rater would', () => {
    const report = fixtureReport();
    const ana = raterDoc(report, 'ana', data);
    expect(ana.findings.map((f) => f.id).sort()).toEqual(['f-scale', 'f-the', 'f-thetake', 'f-volodyr', 'r-ana-1']);
    expect(ana.findings.find((f) => f.id === 'f-thetake')?.decision?.status).toBe('rejected');
    expect(ana.findings.find((f) => f.id === 'f-the')?.decision).toBeUndefined();
    // Kept: Volodyr 5 + the 1 + large -scale raised to major 5 + her own major mark 5 = 16 (theTake rejected).
    expect(ana.metrics.mqm.penalty).toBe(16);
    const ben = raterDoc(report, 'ben', data);
    // All four tool findings count (5 + 1 + 25 + 1); cem's mark is not in ben's view, nor is ben's decision on it.
    expect(ben.metrics.mqm.penalty).toBe(32);
    expect(ben.findings.some((f) => f.id === 'r-cem-x')).toBe(false);
    expect(raterDoc(report, 'nobody', data).findings.every((f) => f.decision === undefined)).toBe(true);
  });

  it('lists who decided what per finding, and which findings are split', () => {
    const report = fixtureReport();
    const views = new Map(raterNames(data).map((n) => [n, raterDoc(report, n, data)]));
    const votes = votesByFinding(views);
    expect(votes.get('f-thetake')).toEqual([
      { rater: 'ana', status: 'rejected', label: 'rejected' },
      { rater: 'ben', status: 'accepted', label: 'accuracy/mistranslation, critical' },
    ]);
    expect(votes.get('f-scale')!.map((v) => v.label)).toEqual(['fluency/punctuation, major', 'fluency/punctuation, minor']);
    expect(votes.has('f-the')).toBe(false);
    expect(votes.get('r-cem-x')).toEqual([{ rater: 'cem', status: 'accepted', label: 'style/awkward, major' }]);
    expect(isSplit(votes.get('f-thetake'))).toBe(true);
    expect(isSplit(votes.get('f-volodyr'))).toBe(false);
    expect(isSplit(votes.get('r-cem-x'))).toBe(false);
  });

  it('gives no agreement for one rater', () => {
    const report = fixtureReport();
    expect(pageAgreement(new Map([['ana', raterDoc(report, 'ana', data)]]))).toBeUndefined();
    const two = pageAgreement(new Map(['ana', 'ben'].map((n) => [n, raterDoc(report, n, data)])))!;
    // Items both decided: Volodyr (agree), theTake (rejected vs accepted), large -scale (major vs minor): 1 of 3.
    expect(two.items).toBe(3);
    expect(two.agreement).toBeCloseTo(1 / 3, 12);
  });

  it('prints the span F1 of the errors two raters marked, as the page shows it', () => {
    const report = fixtureReport();
    // "The large -scale invasion began.": ana marks [17, 26) "invasion ", ben [21, 26) "sion ": 9 and 5 characters,
    // 5 shared → character F1 = 2·5/(9+5) = 0.714; one span each, overlapping, same category → span F1 = 1.000.
    const both: RaterData = { decisions: data.decisions, annotations: [mark('r-ana-1', 'ana', 17, 26), mark('r-ben-1', 'ben', 21, 26)] };
    const views = new Map(['ana', 'ben'].map((n) => [n, raterDoc(report, n, both)]));
    const v = agreementView(pageAgreement(views)!);
    expect(v.added).toEqual([{ pair: 'ana–ben', chars: '0.714', spans: '1.000', matched: 1 }]);
    expect(v.agreement).toBe('0.333');
    expect(v.category.cohen).toBeDefined();
  });
});

