// Unit checks: the pofilter / Weblate catalogue, run per translation unit (a localization file's unit, or a line
// of a line-aligned text with its source line). Each unit carries its own source, so one unit's content never
// shifts or unpairs another's; the checks that compare units (inconsistent translations) see them all.
import type { Category, DocumentReport, Finding, Severity } from '../model.js';
import { mqmScore } from '../metrics/index.js';
import { lineSegments } from './text.js';
import { LineIndex } from '../io/lines.js';
import type { LocalizedInput } from '../io/formats/index.js';
import { isPlaceholderChar } from '../io/formats/piece.js';
import type { LanguagePack } from '../lang/types.js';
import { assignCheckIds, toFinding } from './finding.js';
import { lineAligned } from './rules/source-pairs.js';

export interface CheckUnit {
  /** 0-based unit number (= line of the joined text). */
  index: number;
  /** Where the target sits in the checked (joined) text. */
  start: number;
  end: number;
  /** The target with its own line breaks (same length as the joined text's slice: a break is one character). */
  target: string;
  source?: string;
  /** PO flags (c-format, python-format, no-c-format…). */
  flags?: readonly string[];
  state?: string;
  /** Largest target length allowed (XLIFF maxwidth / size-restriction, or config). */
  maxLength?: number;
  /** msgstr[n] of a plural entry. */
  pluralForm?: number;
  /** Number of msgstr forms of the entry this unit belongs to (plural entries only). */
  pluralCount?: number;
  /** The unit had no target at all in its file (not merely an empty one). */
  missing?: boolean;
  /** Inline-tag placeholder characters → their label (`<g id="1">`), for messages. */
  tags?: ReadonlyMap<string, string>;
}

export interface UnitContext {
  units: readonly CheckUnit[];
  pack: LanguagePack;
  sourcePack?: LanguagePack;
  allow: ReadonlySet<string>;
  /** Format-string flavours forced by config (`["c", "python-brace"]`); otherwise from PO flags / the source. */
  formats?: readonly string[];
  /** The reader decoded the format's escapes (PO): backslashes left in the texts are content. */
  decodedEscapes?: boolean;
  /** The file's declared plural count (PO Plural-Forms: nplurals=N). */
  nplurals?: number;
}

/** A hit inside one unit: offsets into unit.target. */
export interface UnitHit {
  start: number;
  end: number;
  message: string;
  suggestion?: string;
  severity?: Severity;
}

export interface UnitRule {
  id: string;
  category: Category;
  type: string;
  severity: Severity;
  description: string;
  /** What pofilter / Weblate call the same check (docs/checks.md). */
  equivalent: { pofilter?: string; weblate?: string };
  /** Languages it runs for, in words (docs): "all", "targets that write … ". */
  scope: string;
  appliesTo?(pack: LanguagePack): boolean;
  /** Needs the unit's source (skipped for units without one). */
  needsSource: boolean;
  /** Runs on empty targets too (the empty-target check); every other rule skips them. */
  onEmpty?: boolean;
  /** Per unit. */
  run?(unit: CheckUnit, ctx: UnitContext): UnitHit[];
  /** Across units (consistency): hits carry their unit. */
  runAll?(ctx: UnitContext): Array<UnitHit & { unit: CheckUnit }>;
}

/** Restores a piece's line breaks (read as spaces) so that newline and escape checks see them. */
function withBreaks(text: string, breaks: readonly number[] | undefined): string {
  if (!breaks?.length) return text;
  let out = '';
  let at = 0;
  for (const b of breaks) {
    out += text.slice(at, b) + '\n';
    at = b + 1;
  }
  return out + text.slice(at);
}

/** The units of a localization file as read, positioned in its joined MT text. */
export function unitsFromLocalized(li: LocalizedInput): CheckUnit[] {
  const forms = new Map<string, number>();
  for (const u of li.units) {
    const f = u.correctedUnit.pluralForm;
    if (f === undefined) continue;
    const base = u.key.replace(/\[\d+\]$/, '');
    forms.set(base, Math.max(forms.get(base) ?? 0, f + 1));
  }
  return li.units.map((u, i) => {
    const fu = u.correctedUnit;
    const start = li.mt.starts[i]!;
    const tags = new Map<string, string>();
    for (const [c, t] of [...(u.source?.tags ?? []), ...u.mt.tags]) tags.set(c, t.label);
    const unit: CheckUnit = { index: i, start, end: start + u.mt.text.length, target: withBreaks(u.mt.text, u.mt.breaks) };
    if (u.source) unit.source = withBreaks(u.source.text, u.source.breaks);
    if (fu.flags) unit.flags = fu.flags;
    if (u.state !== undefined) unit.state = u.state;
    if (fu.maxLength !== undefined) unit.maxLength = fu.maxLength;
    if (fu.pluralForm !== undefined) {
      unit.pluralForm = fu.pluralForm;
      unit.pluralCount = forms.get(u.key.replace(/\[\d+\]$/, '')) ?? 1;
    }
    if (!fu.target && !fu.mt) unit.missing = true;
    if (tags.size) unit.tags = tags;
    return unit;
  });
}

/** A line-aligned plain text and its source: one unit per line that has text on both sides. */
export function unitsFromLines(mt: string, source: string): CheckUnit[] {
  const pairs = lineAligned(mt, source) ?? [];
  const lines = new LineIndex(mt);
  return pairs.map((p) => ({ index: lines.position(p.mt.start).line - 1, start: p.mt.start, end: p.mt.end, target: mt.slice(p.mt.start, p.mt.end), source: p.source }));
}

/** Runs the unit checks; findings on the joined MT text (segment = unit number). Ids are assigned by the caller
 *  together with the other findings. */
export function runUnitChecks(mt: string, rules: readonly UnitRule[], ctx: UnitContext, disabled: ReadonlySet<string> = new Set()): Finding[] {
  const lines = new LineIndex(mt);
  const out: Finding[] = [];
  const add = (rule: UnitRule, unit: CheckUnit, h: UnitHit) => {
    const text = unit.target.slice(h.start, h.end);
    if (text !== '' && ctx.allow.has(text)) return;
    const hit = { start: unit.start + h.start, end: unit.start + h.end, message: h.message, ...(h.suggestion !== undefined ? { suggestion: h.suggestion } : {}), ...(h.severity ? { severity: h.severity } : {}) };
    out.push(toFinding(rule, hit, mt, lines, unit.index, 'check'));
  };
  for (const rule of rules) {
    if (disabled.has(rule.id)) continue;
    if (rule.appliesTo && !rule.appliesTo(ctx.pack)) continue;
    if (rule.run) {
      for (const u of ctx.units) {
        if (rule.needsSource && u.source === undefined) continue;
        if (!rule.onEmpty && u.target.trim() === '') continue;
        for (const h of rule.run(u, ctx)) add(rule, u, h);
      }
    }
    if (rule.runAll) for (const h of rule.runAll(ctx)) add(rule, h.unit, h);
  }
  return out;
}

/** The unit's text without inline-tag placeholders (for checks that read words). */
export function withoutTags(s: string): string {
  let out = '';
  for (const ch of s) out += isPlaceholderChar(ch) ? ' ' : ch;
  return out;
}

/** Multiset difference helpers: what `a` holds more often than `b`. */
export function surplus(a: readonly string[], b: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const x of b) count.set(x, (count.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = count.get(x) ?? 0;
    if (n > 0) count.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

/** A checked document with the unit checks' findings added (ids content-based, the MQM-based score re-computed
 *  over all findings). One span, one finding: where a text check flagged the same span, the unit check's finding
 *  stays (it compared the unit with its own source: it says more), an audit's finding stays over both; and a text
 *  check's finding inside a unit reported as not translated (the source copied, an empty target) goes — English
 *  left in a Russian target is one defect, not one per lone letter or untranslated word in it. */
export function withUnitFindings(doc: DocumentReport, unitFindings: Finding[]): DocumentReport {
  if (unitFindings.length === 0) return doc;
  const audited = new Set(doc.findings.filter((f) => f.origin !== 'check').map((f) => `${f.mt.start}:${f.mt.end}`));
  const added = unitFindings.filter((f) => !audited.has(`${f.mt.start}:${f.mt.end}`));
  const replaced = new Set(added.map((f) => `${f.mt.start}:${f.mt.end}`));
  const untranslatedUnits = added.filter((f) => f.category === 'accuracy/untranslated' && f.mt.end > f.mt.start);
  const textFindings = doc.findings.filter(
    (f) =>
      f.origin !== 'check' ||
      (!replaced.has(`${f.mt.start}:${f.mt.end}`) && !untranslatedUnits.some((u) => u.mt.start <= f.mt.start && f.mt.end <= u.mt.end)),
  );
  assignCheckIds(added, doc.mt.text);
  const findings = [...textFindings, ...added].sort((a, b) => a.mt.start - b.mt.start || a.mt.end - b.mt.end || a.rule.localeCompare(b.rule));
  const m = doc.metrics.mqm;
  const segments = doc.segments.length || lineSegments(doc.mt.text);
  const mqm = mqmScore(findings, m.words, segments, { preset: m.preset, threshold: m.threshold });
  return { ...doc, findings, metrics: { ...doc.metrics, mqm } };
}
