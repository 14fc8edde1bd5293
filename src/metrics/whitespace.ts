// Python's notion of whitespace (str.split(), str.rstrip(), str.isspace()), which sacrebleu relies on.
// JS `\s` and String.prototype.trim differ: they lack U+001C–U+001F and U+0085 and add U+FEFF, so they are
// never used in src/metrics.

const PY_WS_CLASS = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** One or more Python whitespace characters. */
export const PY_WHITESPACE_RUN = new RegExp(`[${PY_WS_CLASS}]+`, 'gu');
const PY_TRAILING_WHITESPACE = new RegExp(`[${PY_WS_CLASS}]+$`, 'u');
const PY_WHITESPACE_CHAR = new RegExp(`^[${PY_WS_CLASS}]$`, 'u');

/** Python `c.isspace()` for a single character. */
export function isPyWhitespace(c: string): boolean {
  return PY_WHITESPACE_CHAR.test(c);
}

/** Python `s.split()` with no argument: split on runs of whitespace, drop empty tokens. */
export function pySplit(s: string): string[] {
  const out = s.split(PY_WHITESPACE_RUN);
  // A leading or trailing run yields one empty string at that end; nothing else can be empty.
  if (out.length > 0 && out[0] === '') out.shift();
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Python `s.rstrip()` with no argument. */
export function pyRstrip(s: string): string {
  return s.replace(PY_TRAILING_WHITESPACE, '');
}

/** Removes every Python whitespace character (sacrebleu chrF: `re.sub(r'\s+', '', s)`). */
export function pyRemoveWhitespace(s: string): string {
  return s.replace(PY_WHITESPACE_RUN, '');
}
