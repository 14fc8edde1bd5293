// Python's notion of whitespace (str.split(), str.rstrip(), str.isspace()), which sacrebleu relies on.
// JS `\s` and String.prototype.trim differ: they lack U+001C–U+001F and U+0085 and add U+FEFF, so they are
// never used in src/metrics.

const PY_WS_CLASS = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** One or more Python whitespace characters. */
export const PY_WHITESPACE_RUN = new RegExp(`[${PY_WS_CLASS}]+`, 'gu');
const PY_WHITESPACE_CHAR = new RegExp(`^[${PY_WS_CLASS}]$`, 'u');

/** Python `c.isspace()` for a single character. */
export function isPyWhitespace(c: string): boolean {
  return PY_WHITESPACE_CHAR.test(c);
}

/** The same set as PY_WS_CLASS, on UTF-16 code units (every member is in the BMP). */
export function isPyWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Python `s.split()` with no argument: split on runs of whitespace, drop empty tokens. (A scan over char codes:
 *  this runs for every segment of every metric, and is several times faster than a regex split.) */
export function pySplit(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    if (isPyWhitespaceCode(s.charCodeAt(i))) {
      if (start >= 0) {
        out.push(s.slice(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** Python `s.rstrip()` with no argument. */
export function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && isPyWhitespaceCode(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Removes every Python whitespace character (sacrebleu chrF: `re.sub(r'\s+', '', s)`). */
export function pyRemoveWhitespace(s: string): string {
  return s.replace(PY_WHITESPACE_RUN, '');
}

/** Python `s.strip()` with no argument. */
export function pyStrip(s: string): string {
  let start = 0;
  while (start < s.length && isPyWhitespaceCode(s.charCodeAt(start))) start++;
  return start === 0 ? pyRstrip(s) : pyRstrip(s.slice(start));
}
