import { z } from 'zod';
import { CATEGORIES, SEVERITIES, type Report } from '../model.js';
import { InputError } from '../io/errors.js';

// Validates a report read back with `tqa export --from report.json`: the shape of src/model.ts, plus the facts
// the formats rely on (every offset inside its text).
// Unknown keys are kept (a newer tqa may add fields; json re-export passes them through).

const range = z.looseObject({ start: z.number().int().min(0), end: z.number().int().min(0) });
const span = range.extend({
  line: z.number().int().min(1),
  col: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endCol: z.number().int().min(1),
  text: z.string(),
});
const textFile = z.looseObject({ path: z.string(), text: z.string() });
const category = z.enum(CATEGORIES);
const severity = z.enum(SEVERITIES);
const decision = z.looseObject({
  status: z.enum(['accepted', 'rejected', 'open']),
  category: category.optional(),
  severity: severity.optional(),
  reviewer: z.string().optional(),
  comment: z.string().optional(),
  at: z.string().optional(),
});
const finding = z.looseObject({
  id: z.string(),
  segment: z.number().int().min(0),
  operation: z.enum(['replace', 'insert', 'delete', 'move']),
  mt: span,
  corrected: span,
  category,
  type: z.string(),
  severity,
  rule: z.string(),
  message: z.string(),
  moveTo: z.looseObject({ at: z.number().int().min(0), text: z.string() }).optional(),
  chars: z.array(z.looseObject({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })).optional(),
  decision: decision.optional(),
  origin: z.enum(['audit', 'check', 'learned', 'reviewer']).optional(),
  suggestion: z.string().optional(),
});
const segmentMetrics = z.looseObject({ ter: z.number(), hter: z.number(), chrf: z.number(), chrfpp: z.number(), bleu: z.number() });
const segment = z.looseObject({ id: z.number().int().min(0), mt: range, corrected: range, metrics: segmentMetrics });
const mqm = z.looseObject({
  preset: z.enum(['mqm-core', 'wmt-google']),
  penalty: z.number(),
  words: z.number(),
  perThousand: z.number(),
  score: z.number(),
  threshold: z.number(),
  pass: z.boolean(),
});
const documentMetrics = z.looseObject({
  hter: z.number(),
  ter: z.number(),
  chrf: z.number(),
  chrfpp: z.number(),
  bleu: z.number(),
  mqm,
  signatures: z.record(z.string(), z.string()),
});
const effortBand = z.looseObject({
  label: z.string(),
  min: z.number().int().min(0).max(100),
  max: z.number().int().min(0).max(100),
  segments: z.number().int().min(0),
  words: z.number().int().min(0),
});
const effort = z.looseObject({
  measure: z.literal('levenshtein-chars'),
  bands: z.array(effortBand),
  words: z.number().int().min(0),
  similarity: z.number(),
  segments: z.array(
    z.looseObject({
      segment: z.number().int().min(0),
      distance: z.number().int().min(0),
      length: z.number().int().min(0),
      similarity: z.number().int().min(0).max(100),
      words: z.number().int().min(0),
    }),
  ),
});
const documentReport = z
  .looseObject({
    id: z.string(),
    mt: textFile,
    corrected: textFile,
    source: textFile.optional(),
    segments: z.array(segment),
    findings: z.array(finding),
    metrics: documentMetrics,
    effort: effort.optional(),
  })
  .superRefine((doc, ctx) => {
    const mtLen = doc.mt.text.length;
    const corrLen = doc.corrected.text.length;
    doc.segments.forEach((s, i) => {
      if (s.mt.start > s.mt.end || s.mt.end > mtLen) ctx.addIssue({ code: 'custom', path: ['segments', i, 'mt'], message: 'range outside the MT text' });
      if (s.corrected.start > s.corrected.end || s.corrected.end > corrLen)
        ctx.addIssue({ code: 'custom', path: ['segments', i, 'corrected'], message: 'range outside the corrected text' });
    });
    doc.findings.forEach((f, i) => {
      // Only bounds: a report located in an original XLIFF/PO file names its span in plain text (placeholders
      // rendered), which need not equal the file's markup at those offsets.
      if (f.mt.start > f.mt.end || f.mt.end > mtLen) ctx.addIssue({ code: 'custom', path: ['findings', i, 'mt'], message: 'span outside the MT text' });
      if (f.moveTo && f.moveTo.at > mtLen) ctx.addIssue({ code: 'custom', path: ['findings', i, 'moveTo', 'at'], message: 'outside the MT text' });
    });
  });
export const reportSchema = z.looseObject({
  tool: z.looseObject({ name: z.string(), version: z.string() }),
  documents: z.array(documentReport),
});

/** Parses and validates a JSON report (`tqa audit --format json` output). Bad JSON or a wrong shape is an
 *  InputError naming the file and the first problem's path, e.g. `r.json: documents[0].findings[3].severity: …`. */
export function readReportJson(text: string, name: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputError(`${name}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : '';
    throw new InputError(`${name}: not a tqa report: ${issuePath(issue.path)}${issue.message}${more}`);
  }
  return parsed.data as unknown as Report;
}

function issuePath(path: PropertyKey[]): string {
  if (path.length === 0) return '';
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return `${s}: `;
}
