import type { Category, Finding, Report, Severity } from '../model.js';
import {
  effectiveCategory,
  effectiveSeverity,
  findingsBySegment,
  isRecategorised,
  isReviewerAdded,
  keptFindings,
  segmentIds,
  segmentRange,
  segmentsById,
  sourceLinesPerSegment,
} from './effective.js';

// The MQM TSV of Google's WMT human evaluations, which the Marot viewer loads: a header line, then one row per
// error with the error span marked <v>…</v> in the target, and one `No-error` row for each clean segment.
// Columns (WMT naming): doc_id is the segment's 1-based number inside its document, seg_id a 1-based number
// across all documents (Marot reads them as docSegId and globalSegId). The rater of a row is the reviewer who
// confirmed it (accepted or recategorised it, or added it by hand), else `tqa` (what the tool found and nobody
// confirmed, and the No-error rows); note that Marot averages over the raters of a segment, so a segment whose rows
// name two raters counts each rater's rows apart. Rejected findings are left out (a segment
// whose findings were all rejected gets a No-error row). TSV has no quoting, so tabs and line breaks inside a
// text become spaces; a literal <v> or </v> in the text is defused (‹v›) so that the marked span is unambiguous.

export const MQM_TSV_COLUMNS = ['system', 'doc', 'doc_id', 'seg_id', 'rater', 'source', 'target', 'category', 'severity'] as const;

/** tqa categories → the category names of Google's MQM annotations (WMT 2020–2023 data). */
const GOOGLE_CATEGORY: Record<Category, string> = {
  'accuracy/mistranslation': 'Accuracy/Mistranslation',
  'accuracy/omission': 'Accuracy/Omission',
  'accuracy/addition': 'Accuracy/Addition',
  'accuracy/untranslated': 'Accuracy/Untranslated text',
  'fluency/grammar': 'Fluency/Grammar',
  'fluency/spelling': 'Fluency/Spelling',
  'fluency/punctuation': 'Fluency/Punctuation',
  'fluency/typography': 'Fluency/Typography',
  'fluency/inconsistency': 'Fluency/Inconsistency',
  'fluency/register': 'Fluency/Register',
  'terminology/wrong-term': 'Terminology/Inappropriate for context',
  'terminology/inconsistent': 'Terminology/Inconsistent use of terminology',
  'style/awkward': 'Style/Awkward',
  'locale-convention/number': 'Locale convention/Number format',
  'locale-convention/date': 'Locale convention/Date format',
  'locale-convention/typography': 'Locale convention/Typography',
  'locale-convention/name': 'Locale convention/Name format',
  'design-markup/tag': 'Design/Markup',
  other: 'Other',
};

/** Google's MQM has Major/Minor/Neutral only (its scorers weight Major 5, Minor 1, Neutral 0, and some refuse any
 *  other severity), so a tqa critical error is written as Major. */
const GOOGLE_SEVERITY: Record<Severity, string> = {
  critical: 'Major',
  major: 'Major',
  minor: 'Minor',
  neutral: 'Neutral',
};

export function mqmCategoryName(c: Category): string {
  return GOOGLE_CATEGORY[c];
}

export function formatMqmTsv(report: Report): string {
  const lines: string[] = [MQM_TSV_COLUMNS.join('\t')];
  let globalSeg = 0;
  for (const doc of report.documents) {
    const bySegment = findingsBySegment(keptFindings(doc));
    const allBySegment = findingsBySegment(doc.findings);
    const segments = segmentsById(doc);
    const ids = segmentIds(doc);
    const sources = doc.source ? sourceLinesPerSegment(doc.source.text, ids.length) : undefined;
    ids.forEach((id, i) => {
      globalSeg++;
      const { start, end } = segmentRange(doc, segments.get(id), allBySegment.get(id) ?? []);
      const target = doc.mt.text.slice(start, end);
      const source = sources?.[i] ?? '';
      const segFindings = bySegment.get(id) ?? [];
      const row = (rater: string, marked: string, category: string, severity: string) =>
        [systemName(), doc.id, String(i + 1), String(globalSeg), rater, source, marked, category, severity].map(cell).join('\t');
      if (segFindings.length === 0) {
        lines.push(row(TOOL_RATER, defuse(target), 'No-error', 'no-error')); // the spelling of the WMT 2020–2022 files
        return;
      }
      for (const f of segFindings) {
        lines.push(row(raterOf(f), markSpan(target, f.mt.start - start, f.mt.end - start), GOOGLE_CATEGORY[effectiveCategory(f)], GOOGLE_SEVERITY[effectiveSeverity(f)]));
      }
    });
  }
  return `${lines.join('\n')}\n`;
}

const TOOL_RATER = 'tqa';

/** The reviewer who confirmed a finding (accepted, recategorised or added it), or the tool. A finding a reviewer
 *  added is never the tool's, even when it does not name them. */
function raterOf(f: Finding): string {
  const d = f.decision;
  const confirmed = d !== undefined && (d.status === 'accepted' || isRecategorised(f) || isReviewerAdded(f));
  if (confirmed && d.reviewer) return d.reviewer;
  return isReviewerAdded(f) ? 'reviewer' : TOOL_RATER;
}

function systemName(): string {
  return 'mt';
}

function markSpan(target: string, start: number, end: number): string {
  return `${defuse(target.slice(0, start))}<v>${defuse(target.slice(start, end))}</v>${defuse(target.slice(end))}`;
}

function defuse(s: string): string {
  return s.replace(/<(\/?)v>/g, '‹$1v›');
}

/** TSV cells cannot hold tabs or line breaks. */
function cell(s: string): string {
  return s.replace(/\r\n|[\t\r\n]/g, ' ');
}
