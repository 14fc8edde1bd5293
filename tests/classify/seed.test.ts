// The seed article end to end through the real alignment engine: its named errors come out right.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyEdits } from '../../src/classify/index.js';
import { extractEdits } from '../../src/edits/extract.js';
import { parseGlossary } from '../../src/io/glossary.js';
import type { Classification, Edit, Glossary } from '../../src/model.js';
import { alignSegments } from '../../src/segment/align-segments.js';

const dir = 'texts/ukraine-security-guarantees';
type Found = Classification & { edit: Edit };

function audit(glossary?: Glossary): Found[] {
  const mt = readFileSync(`${dir}/mt.txt`, 'utf8');
  const corrected = readFileSync(`${dir}/corrected.txt`, 'utf8');
  const pairs = alignSegments(mt, corrected, { segmentation: 'auto' });
  const edits = extractEdits(mt, corrected, pairs);
  return classifyEdits(edits, { mt, corrected, pairs, ...(glossary ? { glossary } : {}) }).map((c, i) => ({ ...c, edit: edits[i]! }));
}

/** The one finding whose MT text contains `mt` and whose correction contains `cor`. */
function find(found: Found[], mt: string, cor: string): Found {
  const hits = found.filter((f) => f.edit.mt.text.includes(mt) && f.edit.corrected.text.includes(cor));
  expect(hits.map((h) => `${h.edit.mt.text} → ${h.edit.corrected.text}`)).toHaveLength(1);
  return hits[0]!;
}

const axes = (f: Found) => [f.category, f.severity];

describe('the seed article (texts/ukraine-security-guarantees)', () => {
  let withGlossary: Found[];
  let without: Found[];
  beforeAll(() => {
    withGlossary = audit(parseGlossary(readFileSync(`${dir}/glossary.tsv`, 'utf8'), 'glossary.tsv'));
    without = audit();
  });

  it('"Volodyr" → "Volodymyr" is a misspelt name, major', () => {
    const f = find(withGlossary, 'Volodyr', 'Volodymyr');
    expect([f.category, f.type, f.severity]).toEqual(['locale-convention/name', 'R:SPELL', 'major']);
  });
  it('"theTake" → "NATO" is a name mistranslation that names the run-together token, major', () => {
    const f = find(withGlossary, 'theTake', 'NATO');
    expect(axes(f)).toEqual(['accuracy/mistranslation', 'major']);
    expect(f.message).toContain('"the" + "Take"');
  });
  it('"Stable safety" → "robust security": a mistranslation and a glossary term', () => {
    expect(axes(find(withGlossary, 'Stable', 'robust'))).toEqual(['accuracy/mistranslation', 'major']);
    expect(axes(find(withGlossary, 'safety', 'security'))).toEqual(['terminology/wrong-term', 'major']);
    expect(axes(find(without, 'safety', 'security'))).toEqual(['accuracy/mistranslation', 'major']);
  });
  it('"Volunteer coalition" / "coalition of volunteers" → "Coalition of the Willing" are glossary terms', () => {
    // However the extraction cuts these rewrites, every piece is terminology, except a pure capitalisation.
    const pieces = withGlossary.filter((f) => /olunteer|Willing/.test(f.edit.mt.text + f.edit.corrected.text));
    expect(new Set(pieces.map((f) => f.edit.segment)).size).toBe(3);
    for (const f of pieces) {
      if (f.type === 'R:ORTH') expect(f.rule).toBe('case');
      else expect(axes(f)).toEqual(['terminology/wrong-term', 'major']);
    }
  });
  it('"large -scale" is R:MERGE typography; "thespecial" is R:SPLIT', () => {
    const merge = find(withGlossary, 'large -scale', 'large-scale');
    expect([merge.category, merge.type, merge.severity]).toEqual(['fluency/typography', 'R:MERGE', 'minor']);
    const split = find(withGlossary, 'thespecial', 'the special');
    expect([split.category, split.type]).toEqual(['fluency/spelling', 'R:SPLIT']);
  });
  it('"Photo :" and "MM." are French typography', () => {
    expect(axes(find(withGlossary, 'Photo :', 'Photo:'))).toEqual(['locale-convention/typography', 'minor']);
    expect(axes(find(withGlossary, 'MM.', 'Messrs.'))).toEqual(['locale-convention/typography', 'minor']);
  });
  it('"routes" → "itineraries" and "principal teacher" → "professor" are major mistranslations', () => {
    const routes = find(withGlossary, 'routes', 'itineraries');
    expect(axes(routes)).toEqual(['accuracy/mistranslation', 'major']);
    expect(routes.message).toContain('false friend');
    expect(axes(find(withGlossary, 'principal teacher', 'professor'))).toEqual(['accuracy/mistranslation', 'major']);
  });
  it('"talks to three" → "three-way talks": terminology with the glossary, a calque without', () => {
    const term = withGlossary.filter((f) => f.edit.mt.text.includes('to three') || f.edit.corrected.text.includes('three-way'));
    expect(term.length).toBeGreaterThan(0);
    for (const f of term) expect(axes(f)).toEqual(['terminology/wrong-term', 'major']);
    const plain = without.filter((f) => f.edit.segment === term[0]!.edit.segment && /three/.test(f.edit.mt.text + f.edit.corrected.text));
    expect(plain.length).toBeGreaterThan(0);
    for (const f of plain) expect(['accuracy/mistranslation', 'style/awkward', 'fluency/grammar']).toContain(f.category);
  });
  it('the stray "." lines and mid-sentence line breaks are typography, minor', () => {
    const stray = withGlossary.filter((f) => /\n\.$/.test(f.edit.mt.text));
    expect(stray.length).toBe(2);
    for (const f of stray) expect([f.category, f.type, f.severity]).toEqual(['fluency/typography', 'R:ORTH', 'minor']);
  });
  it('"call conference" → "conference call" is word order, and every move is decided by the move rule', () => {
    expect(find(withGlossary, 'call conference', 'conference call').type).toBe('R:WO');
    const moves = withGlossary.filter((f) => f.edit.operation === 'move');
    expect(moves.length).toBeGreaterThan(0);
    for (const f of moves) expect([f.rule, f.type]).toEqual(['move', 'R:WO']);
  });
  it('no finding is critical (the post-edit reverses no meaning), and the fallback is never used', () => {
    expect(withGlossary.filter((f) => f.severity === 'critical')).toEqual([]);
    expect(withGlossary.filter((f) => f.rule === 'fallback')).toEqual([]);
  });
});
