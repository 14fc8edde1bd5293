// Table test: whatever the classifier produces — on the seed through the real alignment engine, and on 300
// MLQE-PE ro-en post-edits — is in the model's taxonomy and in ERRANT's notation, from a listed rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyEdits, RULES, rulesFor } from '../../src/classify/index.js';
import { extractEdits } from '../../src/edits/extract.js';
import { CATEGORIES, SEVERITIES, type Classification } from '../../src/model.js';
import { alignSegments } from '../../src/segment/align-segments.js';
import { diffEdits } from './make-edit.js';

const BOTH = 'DET|PREP|PRON|NOUN|NOUN:POSS|VERB|VERB:TENSE|VERB:FORM|ADJ|ADV|CONJ|PART|CONTR|PUNCT|OTHER';
const R_ONLY = 'SPELL|ORTH|WO|NOUN:NUM|NOUN:INFL|VERB:SVA|VERB:INFL|ADJ:FORM|MORPH|MERGE|SPLIT';
const ERRANT_TYPE = new RegExp(`^(?:[MRU]:(?:${BOTH})|R:(?:${R_ONLY}))$`);

function checkAll(results: Classification[]): void {
  const ids = new Set(RULES.map((r) => r.id));
  for (const r of results) {
    expect(CATEGORIES).toContain(r.category);
    expect(SEVERITIES).toContain(r.severity);
    expect(r.type).toMatch(ERRANT_TYPE);
    expect(ids.has(r.rule)).toBe(true);
    expect(r.message).toMatch(/^\S.*\S$/);
    expect(r.message).not.toContain('\n');
  }
}

describe('taxonomy', () => {
  it('the notation check itself rejects what ERRANT cannot write', () => {
    for (const bad of ['M:SPELL', 'U:WO', 'R:SPACE', 'R:NUM', 'UNK', 'R:', 'X:DET']) expect(bad).not.toMatch(ERRANT_TYPE);
    for (const good of ['M:DET', 'U:PREP', 'R:VERB:SVA', 'R:MERGE', 'M:NOUN:POSS']) expect(good).toMatch(ERRANT_TYPE);
  });

  it('rule ids are unique, described, and the table ends with the fallback', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(r.describe.length).toBeGreaterThan(10);
    expect(ids[ids.length - 1]).toBe('fallback');
    expect(rulesFor('en-GB')).toBe(RULES);
    // A language without a pack gets the generic table (language packs, src/lang): shared rules, then the fallback.
    expect(rulesFor('xx').map((r) => r.id).at(-1)).toBe('fallback');
    expect(rulesFor('xx')).not.toBe(RULES);
  });

  it('the seed, through alignSegments + extractEdits, classifies into the taxonomy', () => {
    const mt = readFileSync('texts/ukraine-security-guarantees/mt.txt', 'utf8');
    const corrected = readFileSync('texts/ukraine-security-guarantees/corrected.txt', 'utf8');
    const pairs = alignSegments(mt, corrected, { segmentation: 'auto' });
    const edits = extractEdits(mt, corrected, pairs);
    const results = classifyEdits(edits, { mt, corrected, pairs });
    expect(results.length).toBe(edits.length);
    expect(edits.length).toBeGreaterThan(30);
    checkAll(results);
  });

  it('300 MLQE-PE ro-en post-edits classify into the taxonomy, with several categories in use', () => {
    const mt = readFileSync('tests/fixtures/mlqe-pe/ro-en-dev/dev.mt', 'utf8').split('\n');
    const pe = readFileSync('tests/fixtures/mlqe-pe/ro-en-dev/dev.pe', 'utf8').split('\n');
    const all: Classification[] = [];
    for (let i = 0; i < 300; i++) {
      const c = diffEdits(mt[i]!, pe[i]!);
      all.push(...classifyEdits(c.edits, c.ctx));
    }
    expect(all.length).toBeGreaterThan(300);
    checkAll(all);
    const categories = new Set(all.map((r) => r.category));
    for (const c of ['accuracy/mistranslation', 'accuracy/omission', 'accuracy/addition', 'fluency/grammar', 'fluency/punctuation', 'fluency/spelling'])
      expect(categories).toContain(c);
    // Nothing in real post-edits should be left to the fallback.
    expect(all.filter((r) => r.rule === 'fallback').length).toBe(0);
  });
});

describe('src/classify/README.md', () => {
  it('lists every rule of the table, in order, with its description', () => {
    const readme = readFileSync('src/classify/README.md', 'utf8');
    const rows = [...readme.matchAll(/^\| `([^`]+)` \| (.*) \|$/gm)].map((m) => [m[1], m[2]!.replace(/\\\|/g, '|')]);
    expect(rows).toEqual(RULES.map((r) => [r.id, r.describe]));
  });
});
