import type { UnitRule } from '../units.js';

// Keyboard accelerators: the marker before the access-key letter (& in Windows/Qt/KDE, _ in GTK/GNOME, ~ in
// LibreOffice). A source with exactly one marked letter needs exactly one in the target; CJK targets mark a
// Latin letter in brackets after the word ("ファイル(&F)"), which is also one marked letter.

const MARKERS: Array<{ marker: string; re: RegExp }> = [
  { marker: '&', re: /(?<!&)&(?=[\p{L}\p{N}])(?![\p{L}\p{N}#]+;)/gu },
  { marker: '_', re: /(?<![\p{L}\p{N}_])_(?=\p{L})/gu },
  { marker: '~', re: /(?<![\p{L}\p{N}~])~(?=\p{L})/gu },
];

export const accelerators: UnitRule = {
  id: 'check/accelerators',
  category: 'other',
  type: 'R:OTHER',
  severity: 'minor',
  description: 'A keyboard accelerator (&File, _Open, ~Save) of the source missing or doubled in the target',
  equivalent: { pofilter: 'accelerators', weblate: '— (Weblate strips accelerators by flag)' },
  scope: 'all languages',
  needsSource: true,
  run(unit) {
    for (const { marker, re } of MARKERS) {
      const s = unit.source!.match(re)?.length ?? 0;
      // Only a source with one marked letter and no other use of the marker is a label with an accelerator.
      if (s !== 1 || unit.source!.split(marker).length !== 2) continue;
      const t = unit.target.match(re)?.length ?? 0;
      if (t === 1) continue;
      return [{ start: 0, end: unit.target.length, message: t === 0 ? `the source's accelerator "${marker}" is missing` : `${t} accelerators "${marker}" where the source has one` }];
    }
    return [];
  },
};
