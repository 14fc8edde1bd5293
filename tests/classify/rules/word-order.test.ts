import { describe, expect, it } from 'vitest';
import { withoutChange } from '../../../src/classify/describe.js';
import { classifyEdits } from '../../../src/classify/index.js';
import { classifyBetween, diffEdits, makeEdits } from '../make-edit.js';

describe('word-order', () => {
  it('"call conference" → "conference call" (the seed) is R:WO fluency/grammar, minor', () => {
    const r = classifyBetween('in a virtual call conference with the coalition', 'in a virtual conference call with the coalition');
    expect([r.rule, r.category, r.type, r.severity]).toEqual(['word-order', 'fluency/grammar', 'R:WO', 'minor']);
  });
  it('"absence remarkable" → "remarkable absence" across a line break', () => {
    const r = classifyBetween('said that the absence remarkable\nof Canada', 'said that the remarkable absence of Canada');
    expect([r.rule, r.type]).toEqual(['word-order', 'R:WO']);
  });
  it('a move operation is R:WO even when its two sides read the same', () => {
    const mt = 'the president’s conversations [ Donald Trump ] with';
    const cor = 'the president’s [ Donald Trump ] conversations with';
    const c = makeEdits(mt, cor, [{ mt: [2, 3], cor: [6, 7], op: 'move' }]);
    const [r] = classifyEdits(c.edits, c.ctx);
    expect([r!.rule, r!.category, r!.type, r!.severity]).toEqual(['move', 'fluency/grammar', 'R:WO', 'minor']);
    expect(r!.message).toBe('"conversations" moved (word order)'); // never "x" → "x"
    expect(withoutChange(r!.message)).toBe(r!.message);
  });
  it('a moved function word with identical sides is not read as a punctuation or case change', () => {
    const c = makeEdits('adding the structure to the coalition', 'adding structure to the the coalition', [{ mt: [1, 2], cor: [4, 5], op: 'move' }]);
    expect(classifyEdits(c.edits, c.ctx)[0]!.rule).toBe('move');
  });
  // MQM: major is for a changed meaning or hindered understanding; the same words in another order keep both.
  it('a long reordering (more than 4 tokens) is style/awkward, minor (neutral against a reference)', () => {
    const r = classifyBetween(
      'Yesterday in the big hall of the palace the leaders met',
      'Yesterday the leaders met in the big hall of the palace',
    );
    expect([r.rule, r.category, r.type, r.severity]).toEqual(['word-order', 'style/awkward', 'R:WO', 'minor']);
    const ref = classifyBetween(
      'Yesterday in the big hall of the palace the leaders met',
      'Yesterday the leaders met in the big hall of the palace',
      { correctedKind: 'reference' },
    );
    expect([ref.category, ref.severity]).toEqual(['style/awkward', 'neutral']);
  });
});

describe('word-order: displaced phrases', () => {
  it('a word deleted here and inserted there (two edits) is word order on both ends', () => {
    const mt = 'during the president’s conversations [Donald Trump] With President Putin';
    const cor = 'during the president’s [Donald Trump] conversations with President Putin';
    const c = diffEdits(mt, cor);
    const res = classifyEdits(c.edits, c.ctx);
    expect(res.length).toBe(2);
    for (const r of res) expect([r.rule, r.category, r.severity]).toEqual(['word-order', 'fluency/grammar', 'minor']);
    expect(res[0]!.message).toContain('conversations displaced');
  });
  it('a word deleted that does not reappear is not word order', () => {
    expect(classifyBetween('the leaders met the big president in Paris', 'the leaders met the president in Paris').rule).not.toBe('word-order');
  });
});
