// Spelled-out numbers from CLDR's rule-based number formatting (cldr-rbnf, <lang>-SpelloutRules.txt, the ICU
// RBNF rule syntax). A small formatter for whole numbers ≥ 0 — enough to list a language's number words
// ("huit", "zwölf", "dreiundzwanzig", "erste", "vingt-trois") for the number check; fractions, negative numbers
// and the lenient-parse rules are not read.
//
// The rule syntax (ICU RuleBasedNumberFormat): a rule set "%name:" holds rules "base[/radix]: text;". A number
// takes the last rule whose base is ≤ it; the rule's divisor is the highest power of its radix (10) ≤ the base.
// In the text, << is the number ÷ divisor and >> the remainder, formatted by the same rule set or the one named
// inside (<%other<, >%other>); =%other= is the number itself by another set; [ … ] is left out when the
// remainder is 0 ([a|b]: a, else b); $(cardinal,one{…}other{…})$ picks a plural form of the number ÷ divisor.
// A rule whose divisor divides the number but not its own base gives way to the previous rule (ICU's roll-back).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

type Part =
  | string
  | { sub: '<' | '>' | '='; set?: string; digits?: true }
  | { plural: 'cardinal' | 'ordinal'; forms: Record<string, string> }
  | { optional: Part[]; otherwise: Part[] };

interface Rule {
  base: number;
  divisor: number;
  parts: Part[];
  /** The text has a remainder substitution (>>): needed for the roll-back. */
  modulus: boolean;
}
export type RuleSets = ReadonlyMap<string, readonly Rule[]>;

/** Parses a SpelloutRules.txt file into its rule sets, by name as the rules write it ("%spellout-numbering",
 *  "%%et-un": two per cent signs mark a private set, a part of other sets' numbers). */
export function parseRbnf(text: string): RuleSets {
  const sets = new Map<string, Rule[]>();
  let current: Rule[] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const header = /^(%%?[\w-]+):$/.exec(line);
    if (header) {
      current = header[1] === '%%lenient-parse' ? undefined : [];
      if (current) sets.set(header[1]!, current);
      continue;
    }
    const m = /^(\d+)(?:\/(\d+))?:\s?(.*);$/.exec(line);
    // "-x", "x.x", "Inf", "NaN" rules are for numbers this formatter never formats.
    if (!current || !m) continue;
    const base = Number(m[1]);
    const radix = m[2] ? Number(m[2]) : 10;
    let divisor = 1;
    while (divisor * radix <= base) divisor *= radix;
    // A leading apostrophe keeps the text's leading space ("' =%spellout-cardinal=").
    const body = m[3]!.replace(/^'/, '');
    current.push({ base, divisor, parts: parseText(body), modulus: />(?:%[\w-]+)?>/.test(body) });
  }
  return sets;
}

/** A rule's text as parts: literal text, substitutions, plural forms, optional parts ([a] / [a|b]). */
function parseText(text: string): Part[] {
  const parts: Part[] = [];
  const re = /\[([^\]|]*)(?:\|([^\]]*))?\]|\$\((cardinal|ordinal),([^)]*)\)\$|<([^<]*)<|>(>|[^>]*)>|=([^=]*)=/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[1] !== undefined) parts.push({ optional: parseText(m[1]), otherwise: parseText(m[2] ?? '') });
    else if (m[3] !== undefined) {
      const forms: Record<string, string> = {};
      for (const f of m[4]!.matchAll(/(\w+)\{([^}]*)\}/g)) forms[f[1]!] = f[2]!;
      parts.push({ plural: m[3] as 'cardinal' | 'ordinal', forms });
    } else {
      const [sub, inner] = m[5] !== undefined ? (['<', m[5]] as const) : m[6] !== undefined ? (['>', m[6]] as const) : (['=', m[7]!] as const);
      if (inner === '' || inner === '>') parts.push({ sub });
      else if (inner.startsWith('%')) parts.push({ sub, set: inner });
      else parts.push({ sub, digits: true }); // a decimal pattern (=#,##0=)
    }
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

// Sub-numbers recur in every number of a range ("dreiundzwanzig" in 123, 223, …): one spelling per set and
// number, per rule-set table.
const memo = new WeakMap<RuleSets, Map<string, Map<number, string | undefined>>>();
const pluralRules = new Map<string, Intl.PluralRules>();
function plural(locale: string, type: 'cardinal' | 'ordinal'): Intl.PluralRules {
  const key = `${locale}/${type}`;
  let p = pluralRules.get(key);
  if (!p) pluralRules.set(key, (p = new Intl.PluralRules(locale, { type })));
  return p;
}

/** `n` spelled out by rule set `set` ("%spellout-cardinal"), or undefined when the rules do not reach it.
 *  `locale` (for plural forms) is the rules' own language. */
export function spellOut(sets: RuleSets, set: string, n: number, locale: string, depth = 0): string | undefined {
  let bySet = memo.get(sets);
  if (!bySet) memo.set(sets, (bySet = new Map()));
  let known = bySet.get(set);
  if (!known) bySet.set(set, (known = new Map()));
  if (known.has(n)) return known.get(n);
  const out = spellOutUncached(sets, set, n, locale, depth);
  known.set(n, out);
  return out;
}

function spellOutUncached(sets: RuleSets, set: string, n: number, locale: string, depth: number): string | undefined {
  const rules = sets.get(set);
  if (!rules || depth > 30) return undefined;
  let i = -1;
  for (let k = 0; k < rules.length && rules[k]!.base <= n; k++) i = k;
  if (i < 0) return undefined;
  let rule = rules[i]!;
  if (rule.modulus && i > 0 && n % rule.divisor === 0 && rule.base % rule.divisor !== 0) rule = rules[i - 1]!;
  const quotient = Math.floor(n / rule.divisor);
  const remainder = n % rule.divisor;
  const render = (parts: readonly Part[]): string | undefined => {
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') out += p;
      else if ('optional' in p) {
        const s = render(remainder !== 0 ? p.optional : p.otherwise);
        if (s === undefined) return undefined;
        out += s;
      } else if ('plural' in p) {
        out += p.forms[plural(locale, p.plural).select(quotient)] ?? p.forms.other ?? '';
      } else {
        const value = p.sub === '<' ? quotient : p.sub === '>' ? remainder : n;
        const s = p.digits ? String(value) : spellOut(sets, p.set ?? set, value, locale, depth + 1);
        if (s === undefined) return undefined;
        out += s;
      }
    }
    return out;
  };
  return render(rule.parts);
}

/** The installed cldr-rbnf rules of a language ("de", "pt_PT"), or undefined when CLDR has none. */
export function rbnfRules(code: string): RuleSets | undefined {
  let dir: string;
  try {
    dir = join(dirname(require.resolve('cldr-rbnf/package.json')), 'rbnf');
  } catch {
    return undefined;
  }
  const file = join(dir, `${code.replace(/-/g, '_')}-SpelloutRules.txt`);
  return existsSync(file) ? parseRbnf(readFileSync(file, 'utf8')) : undefined;
}

export interface SpelledNumbers {
  /** Cardinal words → value ("huit" 8, "zwölf" 12, "dreiundzwanzig" 23, "vingt-trois" 23). */
  cardinals: Map<string, number>;
  /** Ordinal words → value ("erste", "ersten" 1, "huitième" 8). */
  ordinals: Map<string, number>;
}

/** The values spelled out: 0–100, the round hundreds and thousands to 10,000 by every set, and 101–999 by the
 *  plain cardinal and ordinal sets where those are one word ("dreihundertzwölf"; an inflected "…zwölften" is
 *  rare). Larger numbers are written in digits, or as several words ("eine Million"). */
const ROUND = [...Array.from({ length: 101 }, (_, i) => i), ...Array.from({ length: 9 }, (_, i) => (i + 2) * 100), ...Array.from({ length: 10 }, (_, i) => (i + 1) * 1000)];
const BETWEEN = Array.from({ length: 899 }, (_, i) => i + 101).filter((n) => n % 100 !== 0);
const PLAIN = new Set(['%spellout-numbering', '%spellout-cardinal', '%spellout-cardinal-masculine', '%spellout-ordinal', '%spellout-ordinal-masculine']);

/** One-word spellings (letters, inner hyphens) of the language's public spell-out rule sets, lower-cased; the
 *  first value wins where two sets spell different numbers the same way. */
export function spelledNumberWords(code: string, locale: string = code): SpelledNumbers {
  const out: SpelledNumbers = { cardinals: new Map(), ordinals: new Map() };
  const sets = rbnfRules(code);
  if (!sets) return out;
  // Public sets only: a private one (%%…) spells a part of a number (French "unième" only after "vingt-et-").
  const names = [...sets.keys()].filter((s) => /^%spellout-(?:numbering|cardinal|ordinal)(?:-|$)/.test(s) && !/year|verbose/.test(s));
  const word = (name: string, n: number): string | undefined => {
    const s = spellOut(sets, name, n, locale)?.replace(/\u00ad/g, '').trim().toLowerCase();
    return s && /^\p{L}+(?:-\p{L}+)*$/u.test(s) ? s : undefined;
  };
  for (const name of names) {
    const target = name.startsWith('%spellout-ordinal') ? out.ordinals : out.cardinals;
    // Where 101 takes two words ("cent un", "сто один"), so does every number between the round hundreds; a
    // set that spells 101 as a set before it did spells the rest alike (German numbering and masculine).
    const w101 = PLAIN.has(name) ? word(name, 101) : undefined;
    const between = w101 !== undefined && target.get(w101) !== 101 ? BETWEEN : [];
    for (const n of [...ROUND, ...between]) {
      const s = word(name, n);
      if (s && !target.has(s)) target.set(s, n);
    }
  }
  return out;
}
