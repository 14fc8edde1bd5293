import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { cohenKappa, cohenKappaFromTable, fleissKappa, fleissKappaFromLabels, raterAgreement, spanOverlap } from '../../src/review/agreement.js';

describe("Cohen's kappa", () => {
  // Wikipedia, "Cohen's kappa", Simple example: 50 grant proposals, A and B say yes/no. Both yes 20, A yes B no 5,
  // A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5 × 0.6 + 0.5 × 0.4 = 0.5, κ = 0.4.
  it('gives the Wikipedia worked example: κ = 0.4', () => {
    const k = cohenKappaFromTable([
      [20, 5],
      [10, 15],
    ]);
    expect(k.items).toBe(50);
    expect(k.observed).toBeCloseTo(0.7, 12);
    expect(k.expected).toBeCloseTo(0.5, 12);
    expect(k.kappa).toBeCloseTo(0.4, 12);
  });

  // Wikipedia, same article, "Same percentages but different numbers": both tables agree on 60 of 100 items;
  // κ = 0.1304 for [[45, 15], [25, 15]] and 0.2593 for [[25, 35], [5, 35]] (values printed to 4 decimals there).
  it('gives the Wikipedia "same percentages" examples: 0.1304 and 0.2593', () => {
    expect(cohenKappaFromTable([[45, 15], [25, 15]]).kappa).toBeCloseTo(0.1304, 4);
    expect(cohenKappaFromTable([[25, 35], [5, 35]]).kappa).toBeCloseTo(0.2593, 4);
  });

  // R package irr, kappa2(), as run in ramnathv/RExRepos md/interRaterICC.md: 100 subjects, categories V, N, P;
  // rtr1 <- rep(lvls, c(60, 30, 10)); rtr2 <- rep(rep(lvls, 3), c(53,5,2, 11,14,5, 1,6,3)).
  // irr prints "%-agree = 70" (agree) and "Kappa = 0.429".
  it('gives R irr::kappa2 on the RExRepos example: 70% agreement, κ = 0.429', () => {
    const rep = (xs: string[], times: number[]) => xs.flatMap((x, i) => new Array<string>(times[i]!).fill(x));
    const rtr1 = rep(['V', 'N', 'P'], [60, 30, 10]);
    const rtr2 = rep(['V', 'N', 'P', 'V', 'N', 'P', 'V', 'N', 'P'], [53, 5, 2, 11, 14, 5, 1, 6, 3]);
    const k = cohenKappa(rtr1, rtr2);
    expect(k.observed).toBeCloseTo(0.7, 12);
    expect(k.kappa).toBeCloseTo(0.429, 3);
  });

  it('is undefined, not a number, when both raters used one label only; refuses unequal lists', () => {
    expect(cohenKappa(['x', 'x'], ['x', 'x']).kappa).toBeUndefined();
    expect(() => cohenKappa(['x'], ['x', 'y'])).toThrow(/same items/);
    expect(cohenKappa(['a', 'b'], ['b', 'a']).kappa).toBe(-1); // perfect disagreement with balanced margins
  });
});

describe("Fleiss' kappa", () => {
  // Wikipedia, "Fleiss' kappa", Worked example (also statsmodels' test_inter_rater.py, kappa_wp = 0.210): 10
  // subjects, 14 raters, 5 categories. The article's table gives P_i per subject and p_j per category, P̄ = 0.378,
  // P̄_e = 0.213 and κ = 0.210 (all to 3 decimals).
  const TABLE = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];

  it('gives the Wikipedia worked example: P_i, p_j, P̄ = 0.378, P̄_e = 0.213, κ = 0.210', () => {
    const f = fleissKappa(TABLE);
    expect([f.subjects, f.raters]).toEqual([10, 14]);
    const Pi = [1.0, 0.253, 0.308, 0.44, 0.33, 0.462, 0.242, 0.176, 0.286, 0.286];
    f.perSubject.forEach((p, i) => expect(p).toBeCloseTo(Pi[i]!, 3));
    const pj = [0.143, 0.2, 0.279, 0.15, 0.229];
    f.perCategory.forEach((p, j) => expect(p).toBeCloseTo(pj[j]!, 3));
    expect(f.observed).toBeCloseTo(0.378, 3);
    expect(f.expected).toBeCloseTo(0.213, 3);
    expect(f.kappa).toBeCloseTo(0.21, 3);
  });

  it('reads the same table from labels', () => {
    const cats = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const labels = TABLE.map((row) => row.flatMap((n, j) => new Array<string>(n).fill(cats[j]!)));
    expect(fleissKappaFromLabels(labels).kappa).toBeCloseTo(0.21, 3);
  });

  it('refuses subjects with different numbers of ratings, naming them', () => {
    expect(() => fleissKappa([[1, 1], [2, 1]])).toThrow(/subject 2 has 3 ratings, subject 1 has 2/);
    expect(() => fleissKappa([[1, 0]])).toThrow(/at least 2 ratings/);
  });
});

describe('span overlap of added annotations', () => {
  // By hand: A marks [0,10) and [20,30) (20 characters), B marks [5,15) and [40,45) (15). Shared characters: [5,10)
  // = 5. Precision 5/20 = 0.25, recall 5/15 = 1/3, F1 = 2·5/(20+15) = 2/7. Spans: A[0] overlaps B[0], nothing else
  // overlaps: 1 match, precision 1/2, recall 1/2, F1 = 2·1/(2+2) = 0.5.
  it('computes character- and span-level precision, recall and F1', () => {
    const o = spanOverlap(
      [{ start: 0, end: 10 }, { start: 20, end: 30 }],
      [{ start: 5, end: 15 }, { start: 40, end: 45 }],
    );
    expect(o.chars.precision).toBeCloseTo(0.25, 12);
    expect(o.chars.recall).toBeCloseTo(1 / 3, 12);
    expect(o.chars.f1).toBeCloseTo(2 / 7, 12);
    expect(o.spans).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, matched: 1 });
  });

  it('matches spans one to one, needs the same category when both give one, and counts insertion points', () => {
    // One wide span of A overlaps two of B: only one match.
    expect(spanOverlap([{ start: 0, end: 20 }], [{ start: 0, end: 5 }, { start: 10, end: 15 }]).spans.matched).toBe(1);
    expect(spanOverlap([{ start: 0, end: 5, category: 'fluency/grammar' }], [{ start: 0, end: 5, category: 'accuracy/omission' }]).spans.matched).toBe(0);
    expect(spanOverlap([{ start: 7, end: 7 }], [{ start: 7, end: 7 }]).spans.f1).toBe(1);
    expect(spanOverlap([], []).chars.f1).toBeUndefined();
  });
});

describe('agreement of raters on tqa findings', () => {
  const finding = (id: string, start: number, extra: Partial<Finding> = {}): Finding => ({
    id,
    segment: 0,
    operation: 'replace',
    mt: { start, end: start + 3, line: 1, col: start + 1, endLine: 1, endCol: start + 4, text: 'abc' },
    corrected: { start, end: start + 3, line: 1, col: start + 1, endLine: 1, endCol: start + 4, text: 'abd' },
    category: 'fluency/spelling',
    type: 'R:SPELL',
    severity: 'minor',
    rule: 'test',
    message: 'test',
    ...extra,
  });
  const accept = { status: 'accepted' as const };
  const reject = { status: 'rejected' as const };

  it('per finding: the share of agreeing rater pairs; kappas over the findings every rater decided', () => {
    const ana = [finding('f1', 0, { decision: accept }), finding('f2', 10, { decision: accept }), finding('f3', 20, { decision: reject }), finding('f4', 30, { decision: accept })];
    const ben = [
      finding('f1', 0, { decision: accept }),
      finding('f2', 10, { decision: { status: 'accepted', severity: 'major' } }),
      finding('f3', 20, { decision: reject }),
      finding('f4', 30), // undecided: not an item
    ];
    const r = raterAgreement([
      { rater: 'ana', findings: ana },
      { rater: 'ben', findings: ben },
    ]);
    expect(r.items).toBe(3);
    expect(r.findings.map((f) => [f.id, f.agreement])).toEqual([
      ['f1', 1],
      ['f2', 0],
      ['f3', 1],
    ]);
    expect(r.findings[1]!.labels).toEqual({ ana: 'fluency/spelling/minor', ben: 'fluency/spelling/major' });
    expect(r.agreement).toBeCloseTo(2 / 3, 12);
    // Categories: ana (spelling, spelling, rejected), ben the same: perfect agreement, κ = 1.
    expect(r.category.cohen!.kappa).toBe(1);
    // Severities: ana (minor, minor, rejected), ben (minor, major, rejected). By hand: p_o = 2/3; ana's margins
    // minor 2/3, rejected 1/3; ben's minor 1/3, major 1/3, rejected 1/3: p_e = 2/9 + 0 + 1/9 = 1/3;
    // κ = (2/3 − 1/3)/(1 − 1/3) = 0.5.
    expect(r.severity.cohen!.kappa).toBeCloseTo(0.5, 12);
    expect(r.severity.fleiss!.raters).toBe(2);
  });

  it('three raters: Fleiss only, and span F1 of what each pair added by hand', () => {
    const mk = (rater: string, decision: Finding['decision'], added: number[]) => ({
      rater,
      findings: [finding('f1', 0, { decision }), ...added.map((s, i) => finding(`${rater}-add${i}`, s, { origin: 'reviewer', decision: { status: 'accepted', reviewer: rater } }))],
    });
    const r = raterAgreement([mk('ana', accept, [40]), mk('ben', accept, [41]), mk('cy', reject, [])]);
    expect(r.category.cohen).toBeUndefined();
    expect(r.category.fleiss!.raters).toBe(3);
    expect(r.findings[0]!.agreement).toBeCloseTo(1 / 3, 12); // of 3 pairs, only ana–ben agree
    // ana [40,43) vs ben [41,44): 2 shared characters of 3 and 3: F1 = 4/6; vs cy (nothing marked): F1 = 0.
    expect(r.added.map((p) => [p.a, p.b, p.overlap.chars.f1])).toEqual([
      ['ana', 'ben', 4 / 6],
      ['ana', 'cy', 0],
      ['ben', 'cy', 0],
    ]);
    expect(() => raterAgreement([mk('ana', accept, [])])).toThrow(/at least 2 raters/);
  });
});
