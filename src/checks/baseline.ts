import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { Report } from '../model.js';
import { InputError } from '../io/errors.js';

// A baseline holds the content fingerprints (Finding.id) of accepted findings: the gate fails only on findings
// that are not in it. Ids are content-based, so a finding survives edits elsewhere in the file; the rule and
// text are stored for the humans who review the file in a pull request.
const BaselineSchema = z.object({
  tool: z.literal('tqa'),
  kind: z.literal('baseline'),
  version: z.literal(1),
  findings: z.array(z.object({ id: z.string().min(1), document: z.string(), rule: z.string(), text: z.string() })),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export function makeBaseline(report: Report): Baseline {
  const findings = report.documents.flatMap((d) =>
    d.findings.map((f) => ({ id: f.id, document: d.id, rule: f.rule, text: f.mt.text })),
  );
  findings.sort((a, b) => a.document.localeCompare(b.document) || a.id.localeCompare(b.id));
  return { tool: 'tqa', kind: 'baseline', version: 1, findings };
}

export function writeBaseline(path: string, report: Report): Baseline {
  const b = makeBaseline(report);
  writeFileSync(path, `${JSON.stringify(b, null, 2)}\n`);
  return b;
}

/** The fingerprints of a baseline file, by document id. */
export function readBaseline(path: string): Map<string, Set<string>> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such baseline file (write one with --write-baseline)`);
    throw new InputError(`${path}: not a baseline (${code ?? (e as Error).message})`);
  }
  const r = BaselineSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InputError(`${path}: not a tqa baseline: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const out = new Map<string, Set<string>>();
  for (const f of r.data.findings) {
    const set = out.get(f.document) ?? new Set<string>();
    set.add(f.id);
    out.set(f.document, set);
  }
  return out;
}
