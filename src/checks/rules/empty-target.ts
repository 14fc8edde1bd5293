import type { UnitRule } from '../units.js';

// A unit left untranslated: no target, an empty one, or one that holds only tags, placeholders and punctuation
// where the source has words ("<g id="1"/>" for "Click <g id="1">here</g>").

export const emptyTarget: UnitRule = {
  id: 'check/empty-target',
  category: 'accuracy/untranslated',
  type: 'M:OTHER',
  severity: 'major',
  description: 'A unit without a translation: no target, an empty one, or only tags / placeholders where the source has words',
  equivalent: { pofilter: 'untranslated, blank', weblate: 'empty (untranslated strings)' },
  scope: 'all languages',
  needsSource: false,
  onEmpty: true,
  run(unit) {
    const hasWords = (s: string) => /\p{L}/u.test(s.replace(/[\uE000-\uF8FF]|%\w|%\d\$\w|\{[^{}]*\}/g, ''));
    if (unit.target.trim() === '') {
      if (unit.source !== undefined && unit.source.trim() === '') return [];
      return [{ start: 0, end: 0, message: unit.missing ? 'untranslated: the unit has no target' : 'untranslated: the target is empty' }];
    }
    if (unit.source !== undefined && hasWords(unit.source) && !hasWords(unit.target)) {
      return [{ start: 0, end: unit.target.length, message: 'the target holds only tags or placeholders; the source has words' }];
    }
    return [];
  },
};
