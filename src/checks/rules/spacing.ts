import type { UnitHit, UnitRule } from '../units.js';

// Spaces at the edges of a unit are layout the program relies on ("Name: " before a value); the target keeps
// the source's. A doubled space inside the text is a typo unless the source has one there too.

export const edgeSpaces: UnitRule = {
  id: 'check/edge-spaces',
  category: 'fluency/typography',
  type: 'R:ORTH',
  severity: 'minor',
  description: 'Leading or trailing spaces that differ from the source',
  equivalent: { pofilter: 'startwhitespace, endwhitespace', weblate: 'begin-space, end-space' },
  scope: 'all languages',
  needsSource: true,
  run(unit) {
    const hits: UnitHit[] = [];
    // Loops, not /\s*$/: a trailing-run regex is tried at every position of a long string.
    const blank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u00a0';
    const lead = (x: string) => {
      let k = 0;
      while (blank(x[k])) k++;
      return x.slice(0, k);
    };
    const trail = (x: string) => {
      let k = x.length;
      while (k > 0 && blank(x[k - 1])) k--;
      return x.slice(k);
    };
    const s = unit.source!;
    const t = unit.target;
    // A target whose source ends with a line break: the break, not spaces, is what matters (check/newlines).
    if ((lead(s) === '') !== (lead(t) === '')) hits.push({ start: 0, end: lead(t).length, suggestion: lead(s), message: lead(s) ? 'the source starts with a space, the target does not' : 'leading space not in the source' });
    if ((trail(s) === '') !== (trail(t) === '')) hits.push({ start: t.length - trail(t).length, end: t.length, suggestion: trail(s), message: trail(s) ? 'the source ends with a space, the target does not' : 'trailing space not in the source' });
    return hits;
  },
};

export const doubleSpace: UnitRule = {
  id: 'check/double-space',
  category: 'fluency/typography',
  type: 'R:ORTH',
  severity: 'minor',
  description: 'Two spaces in a row inside the text where the source has none',
  equivalent: { pofilter: 'doublespacing', weblate: 'double-space' },
  scope: 'all languages',
  needsSource: false,
  run(unit) {
    if (!unit.target.includes('  ') || (unit.source !== undefined && /\S {2,}\S/.test(unit.source))) return [];
    // Two spaces after a full stop is a typing convention, not a typo.
    return [...unit.target.matchAll(/(?<=[^\s.!?:;]) {2,}(?=\S)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, suggestion: ' ', message: 'two spaces in a row' }));
  },
};
