import cliProgress from 'cli-progress';
import type { AuditStage } from '../audit.js';

const LABELS: Record<AuditStage, string> = { align: 'aligning', edits: 'extracting edits', classify: 'classifying', score: 'scoring' };

/** A progress bar on stderr for long audits. Silent when stderr is not a terminal (CI logs, pipes), so machine
 *  output on stdout stays clean either way. Returns the onProgress callback and a stop function. */
export function auditProgress(enabled = process.stderr.isTTY === true): {
  onProgress: (stage: AuditStage, done: number, total: number) => void;
  stop: () => void;
} {
  if (!enabled) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: ' {stage} |{bar}| {percentage}% {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let current: AuditStage | undefined;
  return {
    onProgress(stage, done, total) {
      if (total < 2) return; // a one-step stage has nothing to show
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
