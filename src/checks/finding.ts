import { createHash } from 'node:crypto';
import type { Finding, Span } from '../model.js';
import type { LineIndex } from '../io/lines.js';
import { operationFor, type CheckHit } from './types.js';

interface RuleLike {
  id: string;
  category: Finding['category'];
  type: string;
  severity: Finding['severity'];
}

/** A check hit as a Finding: `corrected` is an empty span at the MT span's position (there is no corrected text)
 *  whose text is the proposed fix, also in `suggestion`. */
export function toFinding(
  rule: RuleLike,
  hit: CheckHit,
  mt: string,
  lines: LineIndex,
  segment: number,
  origin: 'check' | 'learned',
): Finding {
  const span = lines.span(hit.start, hit.end);
  const at = lines.span(hit.start, hit.start);
  const corrected: Span = { ...at, text: hit.suggestion ?? '' };
  const f: Finding = {
    id: '',
    segment,
    operation: operationFor(span.text, hit.suggestion),
    mt: span,
    corrected,
    category: hit.category ?? rule.category,
    type: hit.type ?? rule.type,
    severity: hit.severity ?? rule.severity,
    rule: rule.id,
    message: hit.message,
    origin,
  };
  if (hit.suggestion !== undefined) f.suggestion = hit.suggestion;
  return f;
}

/** Content fingerprints: rule, MT span text, proposed fix and ~20 characters of context on each side, with
 *  whitespace normalised, never positions; a repeat of the same content gets #2, #3 in text order. */
export function assignCheckIds(findings: Finding[], mt: string): Finding[] {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const norm = (s: string) => s.replace(/\s+/gu, ' ');
    const before = norm(mt.slice(Math.max(0, f.mt.start - 20), f.mt.start));
    const after = norm(mt.slice(f.mt.end, f.mt.end + 20));
    const key = [f.rule, f.operation, norm(f.mt.text), norm(f.suggestion ?? ''), before, after].join('\u0000');
    const base = createHash('sha1').update(key).digest('hex').slice(0, 16);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    f.id = n === 1 ? base : `${base}#${n}`;
  }
  return findings;
}
