import type { Report } from '../model.js';
import type { FormatOptions } from './options.js';

/** The audit report exactly as the model holds it (the contract of `tqa audit --format json`): every finding,
 *  rejected ones included with their `decision`. With a gate, one extra top-level key `gate`. */
export function formatJson(report: Report, opts: FormatOptions = {}): string {
  const out = opts.gate ? { ...report, gate: opts.gate } : report;
  return `${JSON.stringify(out, null, 2)}\n`;
}
