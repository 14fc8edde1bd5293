import type { UnitHit, UnitRule } from '../units.js';
import { surplus } from '../units.js';

// A URL or e-mail address is copied, not translated: one missing from the target is a lost link, one changed
// points elsewhere. Locale parts of a URL (/en/ → /de/, ?lang=en) are what translators legitimately change.

const URL_RE = /\b(?:https?|ftp):\/\/[^\s<>"'“”«»]+[^\s<>"'“”«».,;:!?)\]]|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"'“”«».,;:!?)\]]*/giu;
const EMAIL_RE = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;

/** A URL with its language parts neutralised (/en/, /en-US/, lang=en, hl=en, .en. subdomains). */
function normalise(url: string): string {
  return url
    .toLowerCase()
    .replace(/\/[a-z]{2}(?:[-_][a-z]{2,4})?(?=\/|$)/g, '/LL')
    .replace(/([?&](?:lang|hl|locale|language)=)[\w-]+/g, '$1LL')
    .replace(/^(https?:\/\/)[a-z]{2}(?:-[a-z]{2})?\./, '$1LL.');
}

export const urls: UnitRule = {
  id: 'check/urls',
  category: 'accuracy/mistranslation',
  type: 'R:OTHER',
  severity: 'minor',
  description: 'A URL or e-mail address of the source missing or changed in the target (language parts like /en/ → /de/ allowed)',
  equivalent: { pofilter: 'urls, emails', weblate: 'same-url (url), email' },
  scope: 'all languages',
  needsSource: true,
  run(unit) {
    const find = (s: string) => [...s.matchAll(URL_RE), ...s.matchAll(EMAIL_RE)].map((m) => ({ at: m.index, text: m[0] }));
    const src = find(unit.source!);
    if (src.length === 0) return [];
    const tgt = find(unit.target);
    const hits: UnitHit[] = [];
    const missing = surplus(src.map((u) => normalise(u.text)), tgt.map((u) => normalise(u.text)));
    const extra = new Set(surplus(tgt.map((u) => normalise(u.text)), src.map((u) => normalise(u.text))));
    for (const t of tgt) if (extra.has(normalise(t.text))) hits.push({ start: t.at, end: t.at + t.text.length, message: `"${t.text}" is not in the source${missing.length ? ` (the source has ${missing.map((m) => `"${src.find((s) => normalise(s.text) === m)!.text}"`).join(', ')})` : ''}` });
    if (missing.length && extra.size === 0) {
      hits.push({ start: 0, end: unit.target.length, message: `the source's ${missing.map((m) => `"${src.find((s) => normalise(s.text) === m)!.text}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing` });
    }
    return hits;
  },
};
