// Severity by MQM's definitions, written down once; every rule states what an edit does to the text (its
// effect) and this policy turns it into a severity.
//   critical — the error could mislead or harm (a reversed meaning: negation, antonym);
//   major    — the meaning is changed or understanding is hindered;
//   minor    — noticeable, but the meaning is clear (grammar, spelling, punctuation, awkward or near wording);
//   neutral  — MQM's "preferential": a change that fixes nothing MQM counts (no penalty).
// What the corrected text is changes one thing: an independent reference translation differs from the MT in
// many choices that are not errors of the MT, so a difference that keeps the meaning is neutral there; meaning
// changes, grammar and spelling errors of the MT, and omitted or added content count as they do against a
// post-edit (a post-editor's change is taken as a judgement that something was wrong).
import type { CorrectedKind, Severity } from '../model.js';

export type Effect =
  /** Reverses what the text says (negation, antonym) — misleading. */
  | 'misleading'
  /** Says something else (unrelated sense, another entity, a number, lost or invented content). */
  | 'meaning-changed'
  /** The meaning is hard to recover (garbled or broken text, a long reordering). */
  | 'understanding-hindered'
  /** An error of the MT that a reader notices, the meaning clear (grammar, spelling, punctuation, typography). */
  | 'noticeable'
  /** The same meaning, worded differently (synonym, derivation, near hypernym): a post-editor's change is a
   *  noticeable word-choice issue; a reference's is a choice, not an error. */
  | 'same-meaning'
  /** Fixes nothing MQM counts. */
  | 'preferential';

/** The severity of an effect, for a correction of the given kind (post-edit by default). */
export function severityOf(effect: Effect, kind: CorrectedKind = 'post-edit'): Severity {
  switch (effect) {
    case 'misleading':
      return 'critical';
    case 'meaning-changed':
    case 'understanding-hindered':
      return 'major';
    case 'noticeable':
      return 'minor';
    case 'same-meaning':
      return kind === 'reference' ? 'neutral' : 'minor';
    case 'preferential':
      return 'neutral';
  }
}
