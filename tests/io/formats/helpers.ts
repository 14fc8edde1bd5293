// Shared by the format tests: fixture paths and independent decoders of original-file slices (what a finding's
// remapped span covers), written without the readers' code so that they can catch its mistakes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../../..', import.meta.url).pathname;
export const FIXTURES = join(ROOT, 'tests/fixtures/formats');
export const fixture = (name: string) => join(FIXTURES, name);
export const readFixture = (name: string) => readFileSync(fixture(name), 'utf8');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_m, n: string) =>
    n.startsWith('#x') ? String.fromCodePoint(parseInt(n.slice(2), 16)) : n.startsWith('#') ? String.fromCodePoint(Number(n.slice(1))) : ENTITIES[n]!,
  );
}

/** Text of an XML fragment: native-code elements dropped whole, other tags dropped, CDATA unwrapped, entities
 *  decoded, line breaks as spaces (as the readers do). */
export function plainXml(fragment: string): string {
  // A slice may start inside a CDATA section or end inside one: complete the markers so it parses.
  const close = fragment.indexOf(']]>');
  const firstOpen = fragment.indexOf('<![CDATA[');
  if (close !== -1 && (firstOpen === -1 || close < firstOpen)) fragment = `<![CDATA[${fragment}`;
  const lastOpen = fragment.lastIndexOf('<![CDATA[');
  if (lastOpen !== -1 && fragment.indexOf(']]>', lastOpen) === -1) fragment = `${fragment}]]>`;
  const noCode = fragment.replace(/<(ph|bpt|ept|it|ut|sub)\b[^>]*>[\s\S]*?<\/\1>/g, '');
  const parts = noCode.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  return parts
    .map((p) => (p.startsWith('<![CDATA[') ? p.slice(9, -3) : decodeEntities(p.replace(/<[^>]*>/g, ''))))
    .join('')
    .replace(/[\r\n]/g, ' ');
}

/** Text of a slice of PO msgstr strings: quotes between continuation lines dropped, C escapes decoded. */
export function plainPo(fragment: string): string {
  return fragment
    .replace(/"\s*\n\s*"/g, '')
    .replace(/\\(["\\nt])/g, (_m, c: string) => (c === 'n' ? ' ' : c === 't' ? '\t' : c));
}

/** Text of a slice of a CSV/TSV cell: doubled quotes single, line breaks as spaces. */
export function plainCsv(fragment: string): string {
  return fragment.replace(/""/g, '"').replace(/[\r\n]/g, ' ');
}

/** The finding text as the original file spells it: placeholders removed. */
export const withoutPlaceholders = (s: string) => s.replace(/[\uE000-\uF8FF]/g, '');
