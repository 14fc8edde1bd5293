import type { CheckUnit, UnitContext, UnitHit, UnitRule } from '../units.js';
import { surplus } from '../units.js';

// Format strings by flavour. A placeholder the source has and the target lacks (or the reverse) breaks the
// program at run time: printf reads an argument that is not there ("cannot pread pack file" → "Kann Paketdatei
// %s nicht lesen" in git's German), a name placeholder prints as written. The flavour comes from the PO flags
// (`#, c-format`, `python-brace-format`…, `no-c-format` turns one off), the config, or, without either, from
// what the source itself holds (auto: only the unambiguous spellings, so "100 %" is no placeholder).

export interface Placeholder {
  start: number;
  end: number;
  /** What is compared: "%s", "%2$d", "{name}", "{{count}}", "%1". */
  key: string;
  flavour: Flavour;
}

export type Flavour = 'c' | 'python' | 'brace' | 'i18next' | 'qt' | 'ruby' | 'template';

/** PO flags → flavours (gettext's list; php/perl/objc/sh printf is C-like here). */
const FLAG_FLAVOURS: Record<string, Flavour[]> = {
  'c-format': ['c'],
  'objc-format': ['c'],
  'php-format': ['c'],
  'perl-format': ['c'],
  'sh-format': ['template'],
  'python-format': ['python', 'c'],
  'python-brace-format': ['brace'],
  'java-format': ['brace'],
  'java-printf-format': ['c'],
  'csharp-format': ['brace'],
  'javascript-format': ['c', 'brace'],
  'qt-format': ['qt'],
  'qt-plural-format': ['qt'],
  'kde-format': ['qt'],
  'ruby-format': ['ruby', 'c'],
  'boost-format': ['c'],
  'lua-format': ['c'],
  'gcc-internal-format': ['c'],
  'icu-format': ['brace'],
};

// C/printf (POSIX positional %1$s, Objective-C %@, length modifiers). In auto mode the space flag is not read:
// "100 % sicher" is French/German typography, not "% s".
const PRINTF_RE = /%(?:(\d+)\$)?([-+#0']*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|L|q|j|z|t|I64|I32)?([diouxXeEfFgGaAcspn@])/gy;
const PRINTF_FLAGGED_RE = /%(?:(\d+)\$)?([-+ #0']*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|L|q|j|z|t|I64|I32)?([diouxXeEfFgGaAcspn@])/gy;
const PYTHON_RE = /%\(([A-Za-z_][\w.-]*)\)[-+ #0]*(?:\d+)?(?:\.\d+)?[diouxXeEfFgGcrsa]/gy;
const I18NEXT_RE = /\{\{\s*-?\s*([^{}]+?)\s*\}\}|\$t\(([^()]+)\)/gy;
const RUBY_RE = /%\{([A-Za-z_]\w*)\}|%<([A-Za-z_]\w*)>[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]/gy;
const TEMPLATE_RE = /\$\{([A-Za-z_][\w.]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/gy;
const QT_RE = /%L?(\d{1,2})(?!\d)/gy;

/** Placeholders of the given flavours in text, leftmost first; one span is one placeholder of one flavour. */
export function placeholders(text: string, flavours: ReadonlySet<Flavour>, flagged: boolean): Placeholder[] {
  const out: Placeholder[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '%') {
      if (text[i + 1] === '%') {
        i++;
        continue;
      }
      const p = (flavours.has('python') && at(PYTHON_RE, text, i, (m) => `%(${m[1]})${m[0].slice(-1)}`, 'python')) ||
        (flavours.has('ruby') && at(RUBY_RE, text, i, (m) => (m[1] ? `%{${m[1]}}` : `%<${m[2]}>`), 'ruby')) ||
        (flavours.has('c') && at(flagged ? PRINTF_FLAGGED_RE : PRINTF_RE, text, i, printfKey, 'c')) ||
        (flavours.has('qt') && at(QT_RE, text, i, (m) => `%${m[1]}`, 'qt'));
      if (p) {
        out.push(p);
        i = p.end - 1;
      }
    } else if (c === '{') {
      const p = (flavours.has('i18next') && at(I18NEXT_RE, text, i, (m) => `{{${m[1] ?? ''}}}`, 'i18next')) || (flavours.has('brace') && braceAt(text, i));
      if (p) {
        out.push(p);
        i = p.end - 1;
      }
    } else if (c === '$') {
      const p = (flavours.has('i18next') && at(I18NEXT_RE, text, i, (m) => `$t(${m[2]})`, 'i18next')) || (flavours.has('template') && at(TEMPLATE_RE, text, i, (m) => `$${m[1] ?? m[2]}`, 'template'));
      if (p) {
        out.push(p);
        i = p.end - 1;
      }
    }
  }
  return out;
}

function at(re: RegExp, text: string, i: number, key: (m: RegExpExecArray) => string, flavour: Flavour): Placeholder | undefined {
  re.lastIndex = i;
  const m = re.exec(text);
  if (!m || m.index !== i) return undefined;
  return { start: i, end: i + m[0].length, key: key(m), flavour };
}

function printfKey(m: RegExpExecArray): string {
  const conv = m[6] === 'i' ? 'd' : m[6]!;
  const len = m[5] ?? '';
  return m[1] ? `%${m[1]}$${len}${conv}` : `%${len}${conv}`;
}

/** A brace placeholder: {0}, {name}, {0:N2}, {name!r}, ICU {count, plural, …} — the argument is what counts.
 *  Text in braces that is not an argument name ("{ a, b }" in prose, JSON) is not one. */
function braceAt(text: string, i: number): Placeholder | undefined {
  const m = /\{([A-Za-z_][\w.-]*|\d+)(\s*[,:!}])/y;
  m.lastIndex = i;
  const r = m.exec(text);
  if (!r) return undefined;
  // The span: to the matching close brace (ICU arguments nest), else to the name.
  let depth = 0;
  let end = i + r[0].length;
  for (let k = i; k < text.length; k++) {
    if (text[k] === '{') depth++;
    else if (text[k] === '}' && --depth === 0) {
      end = k + 1;
      break;
    }
  }
  return { start: i, end, key: `{${r[1]}}`, flavour: 'brace' };
}

const AUTO: ReadonlySet<Flavour> = new Set(['c', 'python', 'brace', 'i18next', 'ruby', 'qt']);

/** The flavours that apply to a unit, and whether they were declared (flags/config) or guessed. */
export function flavoursOf(unit: CheckUnit, ctx: UnitContext): { flavours: Set<Flavour>; declared: boolean } {
  if (ctx.formats?.length) return { flavours: new Set(ctx.formats.flatMap((f) => FLAG_FLAVOURS[`${f}-format`] ?? FLAG_FLAVOURS[f] ?? [f as Flavour])), declared: true };
  const flags = unit.flags ?? [];
  const declared = new Set<Flavour>();
  for (const f of flags) for (const v of FLAG_FLAVOURS[f] ?? []) declared.add(v);
  if (declared.size) return { flavours: declared, declared: true };
  const auto = new Set(AUTO);
  for (const f of flags) if (f.startsWith('no-')) for (const v of FLAG_FLAVOURS[f.slice(3)] ?? []) auto.delete(v);
  return { flavours: auto, declared: false };
}

const MARKERS = /[%{$]/;
const NUMBER_CONVERSION = /^%(\d+\$)?(hh|h|ll|l|L|q|j|z|t|I64|I32)?[diouxX]$/;

export const formatString: UnitRule = {
  id: 'check/format-string',
  category: 'accuracy/mistranslation',
  type: 'R:OTHER',
  severity: 'major',
  description: 'A format placeholder (%s, %1$s, %(name)s, {name}, {0}, ICU {count, plural…}, {{x}}, %1, %{x}) missing, added or reordered against the source',
  equivalent: { pofilter: 'printf, pythonbraceformat, variables', weblate: 'c-format, python-format, python-brace-format, icu-message-format, java-format, c-sharp-format, i18next-interpolation, angularjs-format, qt-format, ruby-format, php-format' },
  scope: 'all languages',
  needsSource: true,
  run(unit, ctx) {
    // Most units hold no placeholder character at all.
    if (!MARKERS.test(unit.source!) && !MARKERS.test(unit.target)) return [];
    const { flavours, declared } = flavoursOf(unit, ctx);
    const src = placeholders(unit.source!, flavours, declared);
    const tgt = placeholders(unit.target, flavours, declared);
    if (src.length === 0 && tgt.length === 0) return [];
    // A plural form may write its number in words ("one file" for msgstr[0]): number conversions may go.
    const plural = unit.pluralForm !== undefined;
    const keysOf = (ps: Placeholder[], f: (p: Placeholder) => boolean) => ps.filter(f).map((p) => p.key);
    const hits: UnitHit[] = [];
    // Brace and i18next arguments may repeat per ICU branch: compare which names occur, not how often.
    const setLike = (p: Placeholder) => p.flavour === 'brace' || p.flavour === 'i18next';
    const srcSet = new Set(keysOf(src, setLike));
    const tgtSet = new Set(keysOf(tgt, setLike));
    // printf: a target that numbers its arguments (%2$s %1$s) reorders the source's %s %s.
    const positional = tgt.some((p) => /^%\d+\$/.test(p.key));
    let n = 0;
    const srcCounted = src
      .filter((p) => !setLike(p))
      .map((p) => (positional && p.flavour === 'c' && !/^%\d+\$/.test(p.key) ? `%${++n}$${p.key.slice(1)}` : p.key));
    const tgtCounted = keysOf(tgt, (p) => !setLike(p));
    for (const p of tgt) {
      const extra = setLike(p) ? !srcSet.has(p.key) : surplus(tgtCounted, srcCounted).includes(p.key);
      if (!extra || (plural && NUMBER_CONVERSION.test(p.key))) continue;
      hits.push({ start: p.start, end: p.end, message: `placeholder "${unit.target.slice(p.start, p.end)}" is not in the source` });
    }
    const missing = [...surplus(srcCounted, tgtCounted), ...[...srcSet].filter((k) => !tgtSet.has(k))].filter((k) => !(plural && NUMBER_CONVERSION.test(k)));
    if (missing.length) {
      hits.push({ start: 0, end: unit.target.length, message: `the source's placeholder${missing.length > 1 ? 's' : ''} ${missing.map((k) => `"${k}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing` });
    }
    // Same conversions in another order (without positions): printf reads the arguments in the source's order.
    if (hits.length === 0 && !positional) {
      const s = src.filter((p) => p.flavour === 'c').map((p) => p.key);
      const t = tgt.filter((p) => p.flavour === 'c').map((p) => p.key);
      if (s.length === t.length && s.join() !== t.join()) {
        hits.push({ start: 0, end: unit.target.length, message: `printf conversions in another order (${t.join(' ')} for the source's ${s.join(' ')}); number them (%1$s) to reorder` });
      }
    }
    return hits;
  },
};
