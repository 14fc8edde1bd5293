// What a reviewer's decision changes about a finding, in one place for the score, the exports, the web view and
// the gate: a rejected finding no longer counts, and a decision's category or severity replaces the finding's.
import type { Category, Finding, Severity } from './model.js';

export function isRejected(f: Finding): boolean {
  return f.decision?.status === 'rejected';
}

export function effectiveCategory(f: Finding): Category {
  return f.decision?.category ?? f.category;
}

export function effectiveSeverity(f: Finding): Severity {
  return f.decision?.severity ?? f.severity;
}
