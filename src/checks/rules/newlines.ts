import type { UnitRule } from '../units.js';

// Line breaks inside a unit (a PO "\n", a break in an XLIFF target): a different count changes the layout, and
// a leading/trailing one that differs is what `msgfmt --check` refuses.

const count = (s: string) => (s.match(/\r\n|[\n\r\u2028\u2029\u0085]/g) ?? []).length;

export const newlines: UnitRule = {
  id: 'check/newlines',
  category: 'fluency/punctuation',
  type: 'R:ORTH',
  severity: 'minor',
  description: 'No line break where the source has some; a leading or trailing one that differs (msgfmt -c refuses it) is major',
  equivalent: { pofilter: 'newlines', weblate: 'end-newline, begin-newline, newline-count' },
  scope: 'all languages',
  needsSource: true,
  run(unit) {
    const s = unit.source!;
    const t = unit.target;
    const edge = (re: RegExp) => re.test(s) !== re.test(t);
    if (edge(/^[\n\r]/) || edge(/[\n\r]$/)) {
      const end = /[\n\r]$/.test(s) !== /[\n\r]$/.test(t);
      return [{ start: end ? t.length : 0, end: end ? t.length : 0, severity: 'major', message: `${end ? 'trailing' : 'leading'} line break ${(end ? /[\n\r]$/ : /^[\n\r]/).test(s) ? 'missing (the source has one)' : 'not in the source'}` }];
    }
    const a = count(s);
    const b = count(t);
    // A break the translator adds to wrap a long one-line message is layout taste; breaks of a laid-out text
    // (the source has some) must match.
    // A laid-out text rewrapped to another number of lines is the translator's layout too (German runs longer);
    // what is lost is a layout the target drops altogether.
    if (a === 0 || b > 0) return [];
    return [{ start: 0, end: t.length, message: `no line break where the source has ${a}` }];
  },
};
