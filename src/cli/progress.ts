import cliProgress from 'cli-progress';
import type { AuditStage } from '../audit.js';

/** The audit's stages, and reading the files before them (so that the bar shows from the first second). */
export type ProgressStage = AuditStage | 'read';

const LABELS: Record<ProgressStage, string> = { read: 'reading', align: 'aligning', edits: 'extracting edits', classify: 'classifying', score: 'scoring' };

/** A progress bar on stderr for long audits. Silent when stderr is not a terminal (CI logs, pipes), so machine
 *  output on stdout stays clean either way. Returns the onProgress callback and a stop function. */
export function auditProgress(enabled = process.stderr.isTTY === true): {
  onProgress: (stage: ProgressStage, done: number, total: number) => void;
  stop: () => void;
} {
  if (!enabled) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: ' {stage} |{bar}| {percentage}% {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let current: ProgressStage | undefined;
  return {
    onProgress(stage, done, total) {
      // A one-step stage (reading, aligning the segments) still shows its name: the terminal is never silent.
      if (stage !== current) {
        if (current) bar.stop();
        current = stage;
        bar.start(total, done, { stage: LABELS[stage].padEnd(16) });
      } else bar.update(done);
    },
    stop() {
      if (current) bar.stop();
    },
  };
}
