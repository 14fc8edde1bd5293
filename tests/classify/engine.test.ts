// The rule engine: first verdict wins, guards skip rules, each segment side is analysed once and only when a
// rule needs it.
import { describe, expect, it } from 'vitest';
import { classifyEdits, classifyWith, RULES } from '../../src/classify/index.js';
import { english } from '../../src/classify/en/index.js';
import type { Language, Rule } from '../../src/classify/types.js';
import { fallbackRule } from '../../src/classify/rules/fallback.js';
import { editBetween, makeEdits, tokenize } from './make-edit.js';
import { ANALYSIS_WINDOW } from '../../src/classify/edit-view.js';
import { LineIndex } from '../../src/io/lines.js';
import type { Edit, SegmentPair } from '../../src/model.js';

function counting(): { lang: Language; calls: string[] } {
  const calls: string[] = [];
  const lang: Language = {
    ...english,
    analyze: (text, tokens) => {
      calls.push(tokens.map((t) => t.text).join(' '));
      return english.analyze(text, tokens);
    },
  };
  return { lang, calls };
}

describe('classifyWith', () => {
  it('the first rule with a verdict decides, and its id is the rule', () => {
    const c = makeEdits('a b c', 'a x c', [[1, 2, 1, 2]]);
    const never: Rule = { id: 'never', describe: 'never fires', classify: () => undefined };
    const guarded: Rule = { id: 'guarded', describe: 'guard says no', applies: () => false, classify: () => ({ category: 'other', type: 'R:OTHER', severity: 'critical', message: 'x' }) };
    const first: Rule = { id: 'first', describe: 'fires', classify: () => ({ category: 'style/awkward', type: 'R:OTHER', severity: 'minor', message: 'first' }) };
    const second: Rule = { id: 'second', describe: 'fires too', classify: () => ({ category: 'other', type: 'R:OTHER', severity: 'major', message: 'second' }) };
    const [r] = classifyWith(c.edits, c.ctx, english, [never, guarded, first, second]);
    expect(r).toEqual({ category: 'style/awkward', type: 'R:OTHER', severity: 'minor', message: 'first', rule: 'first' });
  });

  it('the fallback classifies anything, as "other" with the ERRANT type', () => {
    const c = makeEdits('a b c', 'a x c', [[1, 2, 1, 2]]);
    const [r] = classifyWith(c.edits, c.ctx, english, [fallbackRule]);
    expect(r).toEqual({ category: 'other', type: 'R:NOUN', severity: 'minor', rule: 'fallback', message: '"b" → "x": unclassified change' });
  });

  it('tags each segment side once however many edits and rules look at it', () => {
    const { lang, calls } = counting();
    const c = makeEdits('This are gramamtical sentence about the softwares .', 'This is a grammatical sentence about software .', [
      [1, 2, 1, 2], [2, 2, 2, 3], [2, 3, 3, 4], [5, 6, 6, 6], [6, 7, 6, 7],
    ]);
    const res = classifyWith(c.edits, c.ctx, lang, RULES);
    expect(res.map((r) => r.type)).toEqual(['R:VERB:SVA', 'M:DET', 'R:SPELL', 'U:DET', 'R:NOUN:INFL']);
    expect(calls.length).toBe(2); // the MT side and the corrected side of the one segment
  });

  it('surface edits are decided without tagging', () => {
    const { lang, calls } = counting();
    const c = editBetween('Photo : Getty Images', 'Photo: Getty Images');
    const res = classifyWith(c.edits, c.ctx, lang, RULES);
    expect(res.map((r) => r.rule)).toEqual(['french-typography']);
    expect(calls).toEqual([]);
  });
});

describe('no-change', () => {
  it('an edit whose sides read the same is UNK, neutral', () => {
    const c = makeEdits('a b c', 'a b c', [[1, 2, 1, 2]]);
    expect(classifyEdits(c.edits, c.ctx)[0]).toEqual({ category: 'other', type: 'UNK', severity: 'neutral', rule: 'no-change', message: '"b": no change' });
  });
});

describe('edits without their segment pair', () => {
  it('are tokenised on their own spans and still classified', () => {
    const c = makeEdits('the talks to three would follow', 'the three-way talks would follow', [[1, 4, 1, 3]]);
    const lost = { ...c.ctx, pairs: [] };
    const [alone] = classifyEdits(c.edits, lost);
    const [paired] = classifyEdits(c.edits, c.ctx);
    expect(alone).toEqual(paired);
    const spelling = makeEdits('a gramamtical sentence', 'a grammatical sentence', [[1, 2, 1, 2]]);
    expect(classifyEdits(spelling.edits, { ...spelling.ctx, pairs: [] })[0]!.type).toBe('R:SPELL');
  });
});

describe('analysis window', () => {
  it('edits in document order over more segments than the window are each tagged once, and out-of-order edits stay right', () => {
    const n = ANALYSIS_WINDOW + 20;
    const mtLines = Array.from({ length: n }, (_, i) => `the line ${i} are short`);
    const corLines = Array.from({ length: n }, (_, i) => `the line ${i} is short`);
    const mt = mtLines.join('\n');
    const corrected = corLines.join('\n');
    let mo = 0;
    let co = 0;
    const pairs: SegmentPair[] = [];
    const edits: Edit[] = [];
    const mtIdx = new LineIndex(mt);
    const corIdx = new LineIndex(corrected);
    for (let i = 0; i < n; i++) {
      const mtTokens = tokenize(mt, mo, mo + mtLines[i]!.length);
      const correctedTokens = tokenize(corrected, co, co + corLines[i]!.length);
      pairs.push({ id: i, mt: { start: mo, end: mo + mtLines[i]!.length }, corrected: { start: co, end: co + corLines[i]!.length }, mtTokens, correctedTokens });
      edits.push({
        segment: i,
        operation: 'replace',
        mt: mtIdx.span(mtTokens[3]!.start, mtTokens[3]!.end),
        corrected: corIdx.span(correctedTokens[3]!.start, correctedTokens[3]!.end),
        mtTokens: [3, 4],
        correctedTokens: [3, 4],
      });
      mo += mtLines[i]!.length + 1;
      co += corLines[i]!.length + 1;
    }
    const { lang, calls } = counting();
    const inOrder = classifyWith(edits, { mt, corrected, pairs }, lang, RULES);
    expect(calls.length).toBe(2 * n);
    expect(new Set(inOrder.map((r) => r.type))).toEqual(new Set(['R:VERB:SVA']));
    const shuffled = [...edits].reverse();
    const reversed = classifyWith(shuffled, { mt, corrected, pairs }, lang, RULES);
    expect(reversed).toEqual([...inOrder].reverse());
  });
});
