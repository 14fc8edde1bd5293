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

/** The fingerprints of a baseline (parsed JSON), by document id; a bad file is an InputError naming it. */
export function parseBaseline(json: unknown, name: string): Map<string, Set<string>> {
  const r = BaselineSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InputError(`${name}: not a tqa baseline: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const out = new Map<string, Set<string>>();
  for (const f of r.data.findings) {
    const set = out.get(f.document) ?? new Set<string>();
    set.add(f.id);
    out.set(f.document, set);
  }
  return out;
}
