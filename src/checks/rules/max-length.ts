import type { UnitRule } from '../units.js';

// A length limit the file sets for a unit (XLIFF 1.2 maxwidth with size-unit="char", 2.x size restrictions) or
// the config's maxLength: a longer target is cut off on screen.

export const maxLength: UnitRule = {
  id: 'check/max-length',
  category: 'design-markup/tag',
  type: 'R:OTHER',
  severity: 'major',
  description: 'A target longer than the limit its file or the config sets (XLIFF maxwidth / size-restriction, maxLength)',
  equivalent: { pofilter: '—', weblate: 'max-length, max-size' },
  scope: 'all languages',
  needsSource: false,
  run(unit) {
    if (unit.maxLength === undefined) return [];
    const n = [...unit.target].length;
    return n > unit.maxLength ? [{ start: 0, end: unit.target.length, message: `${n} characters; the limit is ${unit.maxLength}` }] : [];
  },
};
