// nspell's correct() without nspell's start-up. nspell expands every .dic line through its affix rules into one
// object with a key per word form (fr: 3 million keys, ~25 s; it/pt: over 16 million, minutes and GBs). Here
// nothing is expanded: a word is looked up by undoing affixes — every rule entry whose added text the word ends
// (SFX) or starts (PFX) with gives the candidate inputs, each kept only when nspell's own forward step (same
// condition, same strip, same add, from nspell's own .aff parser) turns it back into the word — following
// continuation flags and prefix/suffix combinations as nspell/lib/util/add.js and apply.js generate them. The
// word is a form exactly when some candidate is a .dic root carrying that rule's flag, so answers are nspell's
// (tests/lang/spell-lookup.test.ts compares them with nspell itself).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface AffEntry {
  add: string;
  /** SFX: a RegExp anchored at the end; PFX: a plain string (String.replace removes its first occurrence). */
  remove: string | RegExp;
  match: string | RegExp;
  continuation: string[];
}
interface AffRule {
  type: 'PFX' | 'SFX';
  combineable: boolean;
  entries: AffEntry[];
}
interface Affix {
  compoundRuleCodes: Record<string, string[]>;
  conversion: { in: [RegExp, string][] };
  compoundRules: string[];
  rules: Record<string, AffRule>;
  flags: Record<string, unknown>;
}

const parseAffix = require('nspell/lib/util/affix.js') as (aff: Buffer | string) => Affix;
const ruleCodes = require('nspell/lib/util/rule-codes.js') as (flags: Record<string, unknown>, value: string) => string[];

interface Entry {
  flag: string;
  rule: AffRule;
  e: AffEntry;
  /** SFX: the literal text the strip removes (nspell builds it as /text$/). */
  suffixStrip: string;
  /** PFX: the condition starts with the strip text itself, so the strip can only have been at the start. */
  stripAtStart: boolean;
}

/** nspell's forward step (apply.js) for one entry, or undefined when the entry's condition does not hold. */
function step(x: Entry, value: string): string | undefined {
  const { e, rule } = x;
  if (e.match && !(e.match as RegExp).test(value)) return undefined;
  const next = e.remove ? value.replace(e.remove as string, '') : value;
  return rule.type === 'SFX' ? next + e.add : e.add + next;
}

/** Calls `found` with every value that the entry's forward step turns into `w` (checked by running it). */
function unstep(x: Entry, w: string, found: (flag: string, v: string) => void): void {
  if (x.rule.type === 'SFX') {
    const base = w.slice(0, w.length - x.e.add.length);
    if (step(x, base) === w) found(x.flag, base);
    if (x.suffixStrip && step(x, base + x.suffixStrip) === w) found(x.flag, base + x.suffixStrip);
  } else {
    const rest = w.slice(x.e.add.length);
    if (step(x, rest) === w) found(x.flag, rest);
    const strip = x.e.remove as string;
    // String.replace drops the first occurrence of the strip text, wherever it is.
    if (strip) for (let i = 0, end = x.stripAtStart ? 0 : rest.length; i <= end; i++) {
      const v = rest.slice(0, i) + strip + rest.slice(i);
      if (step(x, v) === w) found(x.flag, v);
    }
  }
}

/** Rule entries by the text they add: the entries that can have made a word are found by its ends. */
class ByAffix {
  private readonly suffixes = new Map<string, Entry[]>();
  private readonly prefixes = new Map<string, Entry[]>();
  private maxSuffix = 0;
  private maxPrefix = 0;

  add(x: Entry): void {
    const sfx = x.rule.type === 'SFX';
    const table = sfx ? this.suffixes : this.prefixes;
    const list = table.get(x.e.add);
    if (list) list.push(x);
    else table.set(x.e.add, [x]);
    if (sfx) this.maxSuffix = Math.max(this.maxSuffix, x.e.add.length);
    else this.maxPrefix = Math.max(this.maxPrefix, x.e.add.length);
  }

  /** Every (rule flag, input) one entry step turns into `w`. */
  undo(w: string, found: (flag: string, v: string) => void): void {
    for (let k = Math.min(this.maxSuffix, w.length); k >= 0; k--) {
      const list = this.suffixes.get(k ? w.slice(w.length - k) : '');
      if (list) for (const x of list) unstep(x, w, found);
    }
    for (let k = Math.min(this.maxPrefix, w.length); k >= 0; k--) {
      const list = this.prefixes.get(w.slice(0, k));
      if (list) for (const x of list) unstep(x, w, found);
    }
  }
}

const LITERAL = /^[^\\^$.|?*+()[\]{}]*$/;
const CHECKED = ['ONLYINCOMPOUND', 'FORBIDDENWORD', 'KEEPCASE'] as const;

/** A (rule flag, input) pair: `input` run through rule `flag` (with its continuations) yields the word. */
type Source = [flag: string, input: string];

export class HunspellLookup {
  private readonly rules: Record<string, AffRule>;
  /** Root → the codes of each of its .dic lines. */
  private readonly roots = new Map<string, string[][]>();
  /** Roots listed on a line without NEEDAFFIX (those are forms themselves). */
  private readonly listed = new Set<string>();
  private readonly flagged: Record<(typeof CHECKED)[number], Set<string>>;
  private readonly all = new ByAffix();
  /** Continuation flag → the entries whose continuation holds it. */
  private readonly continuedBy = new Map<string, ByAffix>();
  /** Flags that some .dic line holds after a combineable flag of the other affix type (add.js combines those). */
  private readonly combinedSecond = new Set<string>();
  private readonly compound: RegExp[];
  private readonly compoundMin: number;
  private readonly conversion: [RegExp, string][];

  constructor(aff: Buffer, dic: Buffer) {
    const options = parseAffix(aff);
    const { rules, flags, compoundRuleCodes } = options;
    this.rules = rules;
    for (const [flag, rule] of Object.entries(rules)) {
      for (const e of rule.entries) {
        let suffixStrip = '';
        if (rule.type === 'SFX' && e.remove) {
          suffixStrip = (e.remove as RegExp).source.slice(0, -1);
          if (!LITERAL.test(suffixStrip)) throw new Error(`unsupported SFX strip pattern /${(e.remove as RegExp).source}/`);
        }
        const stripAtStart = rule.type === 'PFX' && !!e.remove && !!e.match && (e.match as RegExp).source.startsWith('^' + (e.remove as string)) && LITERAL.test(e.remove as string);
        const x: Entry = { flag, rule, e, suffixStrip, stripAtStart };
        this.all.add(x);
        for (const c of new Set(e.continuation)) {
          if (!rules[c]) continue;
          let by = this.continuedBy.get(c);
          if (!by) this.continuedBy.set(c, (by = new ByAffix()));
          by.add(x);
        }
      }
    }
    const needAffix = 'NEEDAFFIX' in flags ? (flags.NEEDAFFIX as string) : undefined;
    // A listed word's flags are those of all its listed lines (add.js concatenates them).
    this.flagged = {} as Record<(typeof CHECKED)[number], Set<string>>;
    const checked: [string, Set<string>][] = [];
    for (const name of CHECKED) {
      this.flagged[name] = new Set();
      const flag = flags[name];
      if (typeof flag === 'string') checked.push([flag, this.flagged[name]]);
    }
    const add = (word: string, codes: string[]) => {
      if (needAffix === undefined || codes.indexOf(needAffix) < 0) {
        this.listed.add(word);
        for (const [flag, set] of checked) if (codes.indexOf(flag) > -1) set.add(word);
      }
      for (const code of codes) if (code in compoundRuleCodes) compoundRuleCodes[code]!.push(word);
      for (let q = 1; q < codes.length; q++) {
        const ry = rules[codes[q]!];
        if (!ry?.combineable || this.combinedSecond.has(codes[q]!)) continue;
        for (let p = 0; p < q; p++) {
          const rx = rules[codes[p]!];
          if (rx?.combineable && rx.type !== ry.type) {
            this.combinedSecond.add(codes[q]!);
            break;
          }
        }
      }
      if (codes.length) {
        const lines = this.roots.get(word);
        if (lines) lines.push(codes);
        else this.roots.set(word, [codes]);
      }
    };
    parseDic(dic.toString('utf8'), flags, add);
    // nspell/lib/dictionary.js: a compound rule's flag characters become alternations of the words carrying them.
    this.compound = options.compoundRules.map((rule) => {
      let source = '';
      for (const ch of rule) {
        const words = compoundRuleCodes[ch]!;
        source += words.length ? '(?:' + words.join('|') + ')' : ch;
      }
      return new RegExp(source, 'i');
    });
    this.compoundMin = flags.COMPOUNDMIN as number;
    this.conversion = options.conversion.in;
  }

  /** Every (rule, input) whose output, with continuations, includes `w`: nspell's apply() run backwards.
   *  Kept for a while: inflections of one stem ask about the same inputs again. */
  private sources(w: string): Source[] {
    let found = this.sourceCache.get(w);
    if (!found) {
      found = this.computeSources(w);
      if (this.sourceCache.size >= 20_000) this.sourceCache.clear();
      this.sourceCache.set(w, found);
    }
    return found;
  }

  private readonly sourceCache = new Map<string, Source[]>();

  private computeSources(w: string): Source[] {
    const found: Source[] = [];
    const seen = new Map<string, Set<string>>();
    const push = (flag: string, v: string) => {
      let inputs = seen.get(flag);
      if (!inputs) seen.set(flag, (inputs = new Set()));
      if (!inputs.has(v)) {
        inputs.add(v);
        found.push([flag, v]);
      }
    };
    this.all.undo(w, push);
    // A continuation: an entry of rule X made `n` from `v`, and n run through continued rule Z yields w.
    // (Forward generation is finite, so this closure is; the bound only guards against a malformed .aff.)
    for (let i = 0; i < found.length && i < 100_000; i++) {
      const [z, n] = found[i]!;
      this.continuedBy.get(z)?.undo(n, push);
    }
    return found;
  }

  /** Is `w` a key of nspell's expanded dictionary? */
  has(w: string): boolean {
    if (this.listed.has(w)) return true;
    const found = this.sources(w);
    for (const [flag, v] of found) if (this.roots.get(v)?.some((codes) => codes.includes(flag))) return true;
    // add.js: a combineable rule's outputs run through a later combineable rule of the other type, same line.
    for (const [y, m] of found) {
      if (!this.combinedSecond.has(y)) continue;
      const ry = this.rules[y]!;
      for (const [x, v] of this.sources(m)) {
        const rx = this.rules[x]!;
        if (!rx.combineable || rx.type === ry.type) continue;
        const lines = this.roots.get(v);
        if (lines?.some((codes) => codes.some((c, p) => c === x && codes.indexOf(y, p + 1) > p))) return true;
      }
    }
    return false;
  }

  private exact(value: string): boolean {
    if (this.has(value)) return !this.flagged.ONLYINCOMPOUND.has(value);
    if (value.length >= this.compoundMin) for (const re of this.compound) if (re.test(value)) return true;
    return false;
  }

  private ignore(w: string): boolean {
    return this.flagged.KEEPCASE.has(w) || this.flagged.FORBIDDENWORD.has(w);
  }

  /** nspell's correct() (correct.js, util/form.js, util/exact.js). */
  correct(value: string): boolean {
    let normal = value.trim();
    if (!normal) return false;
    for (const [re, to] of this.conversion) normal = normal.replace(re, to);
    if (this.exact(normal)) return !this.flagged.FORBIDDENWORD.has(normal);
    if (normal.toUpperCase() === normal) {
      const alternative = normal.charAt(0) + normal.slice(1).toLowerCase();
      if (this.ignore(alternative)) return false;
      if (this.exact(alternative)) return true;
    }
    const alternative = normal.toLowerCase();
    if (alternative !== normal) {
      if (this.ignore(alternative)) return false;
      if (this.exact(alternative)) return true;
    }
    return false;
  }
}

/** nspell/lib/util/dictionary.js: lines after the first (the count), not starting with a tab; "word/flags". */
function parseDic(value: string, flags: Record<string, unknown>, add: (word: string, codes: string[]) => void): void {
  // Most lines share a few hundred flag strings: one (read-only) code array each instead of one per line.
  const codesOf = new Map<string, string[]>();
  const codeList = (text: string): string[] => {
    let list = codesOf.get(text);
    if (!list) codesOf.set(text, (list = ruleCodes(flags, text)));
    return list;
  };
  const parseLine = (raw: string): void => {
    let line = raw;
    let slashOffset = line.indexOf('/');
    const hashOffset = line.indexOf('#');
    let codes = '';
    let word: string;
    while (slashOffset > -1 && line.charCodeAt(slashOffset - 1) === 92) {
      line = line.slice(0, slashOffset - 1) + line.slice(slashOffset);
      slashOffset = line.indexOf('/', slashOffset);
    }
    if (hashOffset > -1) {
      if (slashOffset > -1 && slashOffset < hashOffset) {
        word = line.slice(0, slashOffset);
        const ws = /\s/g;
        ws.lastIndex = slashOffset + 1;
        const result = ws.exec(line);
        codes = line.slice(slashOffset + 1, result ? result.index : undefined);
      } else word = line.slice(0, hashOffset);
    } else if (slashOffset > -1) {
      word = line.slice(0, slashOffset);
      codes = line.slice(slashOffset + 1);
    } else word = line;
    word = word.trim();
    if (word) add(word, codeList(codes.trim()));
  };
  let last = value.indexOf('\n') + 1;
  let index = value.indexOf('\n', last);
  while (index > -1) {
    if (value.charCodeAt(last) !== 9) parseLine(value.slice(last, index));
    last = index + 1;
    index = value.indexOf('\n', last);
  }
  parseLine(value.slice(last));
}
