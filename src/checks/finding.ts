import type { Finding, Span } from '../model.js';
import type { LineIndex } from '../io/lines.js';
import { assignIds } from '../edits/fingerprint.js';
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

/** Content ids with the engine's fingerprint (operation, MT span text, the proposed fix as the correction, ~20
 *  characters of context, never positions); a repeat of the same content gets #2, #3 in text order. */
export function assignCheckIds(findings: Finding[], mt: string): Finding[] {
  const ids = assignIds(findings, mt);
  findings.forEach((f, i) => (f.id = ids[i]!));
  return findings;
}
