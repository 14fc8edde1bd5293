import type { CheckUnit, UnitContext, UnitRule } from '../units.js';

// Consistency across a file: the same source translated two ways (the less frequent way is flagged, pointing at
// the other), and one translation used for two different sources (a sign that one of them is wrong). Sources
// and targets are compared without case, accelerators, surrounding spaces and end punctuation; plural forms and
// units that differ in placeholders are left out (they are different strings to the program).

const normCache = new Map<string, string>();
const norm = (s: string) => {
  let n = normCache.get(s);
  if (n === undefined) {
    n = normalise(s);
    if (normCache.size > 200_000) normCache.clear();
    normCache.set(s, n);
  }
  return n;
};
const normalise = (s: string) => s.replace(/[&_~](?=\p{L})/gu, '').replace(/[\s.:!?…;,。！？：]+$/u, '').trim().toLowerCase();

type Hit = { unit: CheckUnit; start: number; end: number; message: string };

function groups(ctx: UnitContext, keyOf: (u: CheckUnit) => string): Map<string, CheckUnit[]> {
  const out = new Map<string, CheckUnit[]>();
  for (const u of ctx.units) {
    if (u.source === undefined || u.pluralForm !== undefined || u.target.trim() === '' || norm(u.source) === '') continue;
    const k = keyOf(u);
    const list = out.get(k);
    if (list) list.push(u);
    else out.set(k, [u]);
  }
  return out;
}

export const inconsistentTranslation: UnitRule = {
  id: 'check/inconsistent-translation',
  category: 'terminology/inconsistent',
  type: 'R:OTHER',
  severity: 'minor',
  description: 'The same source translated differently in two units of the file',
  equivalent: { pofilter: '— (pomigrate/poconflicts)', weblate: 'inconsistent' },
  scope: 'all languages',
  needsSource: true,
  runAll(ctx) {
    const hits: Hit[] = [];
    for (const list of groups(ctx, (u) => norm(u.source!)).values()) {
      if (list.length < 2) continue;
      const counts = new Map<string, number>();
      for (const u of list) counts.set(norm(u.target), (counts.get(norm(u.target)) ?? 0) + 1);
      if (counts.size < 2) continue;
      const main = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      const ref = list.find((u) => norm(u.target) === main)!;
      for (const u of list) {
        if (norm(u.target) === main) continue;
        hits.push({ unit: u, start: 0, end: u.target.length, message: `"${u.source!.trim()}" is translated "${ref.target.trim()}" elsewhere (unit ${ref.index + 1})` });
      }
    }
    return hits;
  },
};

export const reusedTranslation: UnitRule = {
  id: 'check/reused-translation',
  category: 'terminology/inconsistent',
  type: 'R:OTHER',
  severity: 'minor',
  description: 'One translation used for two different sources (of three words or more) in the file',
  equivalent: { pofilter: '—', weblate: 'reused' },
  scope: 'all languages',
  needsSource: true,
  runAll(ctx) {
    const hits: Hit[] = [];
    for (const list of groups(ctx, (u) => norm(u.target)).values()) {
      if (list.length < 2 || (norm(list[0]!.target).match(/\p{L}+/gu) ?? []).length < 4) continue;
      // Sources that differ only in letters' case, spacing or punctuation are the same string.
      const loose = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
      const first = list[0]!;
      for (const u of list.slice(1)) {
        if (loose(u.source!) === loose(first.source!)) continue;
        // Two wordings of one message ("could not stat" / "unable to stat") may share a translation; sources
        // that share less than half their words are different messages.
        const ws = (x: string) => new Set(x.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
        const a = ws(u.source!);
        const b = ws(first.source!);
        const shared = [...a].filter((w) => b.has(w)).length;
        if (a.size === 0 || shared / (a.size + b.size - shared) >= 0.25) continue;
        hits.push({ unit: u, start: 0, end: u.target.length, message: `the same translation as unit ${first.index + 1}, whose source is "${first.source!.trim()}"` });
      }
    }
    return hits;
  },
};
