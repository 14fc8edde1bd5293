// The project's first real case, audited end to end: the named MT errors of the seed article must come out as
// findings with the right span and category, and nothing may be flagged where the post-editor changed nothing.
import { diffChars } from 'diff';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDocument, readDocumentDir } from '../../src/audit.js';
import { applyEdits } from '../../src/edits/apply.js';
import type { DocumentReport, Finding } from '../../src/model.js';
import { CATEGORIES, SEVERITIES } from '../../src/model.js';

const DIR = new URL('../../texts/ukraine-security-guarantees', import.meta.url).pathname;
let doc: DocumentReport;
beforeAll(() => {
  doc = auditDocument(readDocumentDir(DIR));
});

const RANK = { neutral: 0, minor: 1, major: 2, critical: 3 } as const;

/** The one finding whose MT span holds `text` (on the given 1-based line when the text occurs more than once). */
function findingAt(text: string, line?: number): Finding {
  const hits = doc.findings.filter((f) => f.mt.text.includes(text) && (line === undefined || f.mt.line === line));
  expect(hits, `findings on "${text}"`).toHaveLength(1);
  return hits[0]!;
}

describe('the seed article (texts/ukraine-security-guarantees)', () => {
  it.each([
    // [MT text in the span, line, allowed categories, minimum severity, type pattern]
    ['Volodyr', 1, ['locale-convention/name', 'accuracy/mistranslation'], 'major', /^R:/],
    ['theTake', 3, ['accuracy/mistranslation', 'locale-convention/name'], 'major', /^R:/],
    ['Stable', 2, ['accuracy/mistranslation'], 'major', /^R:ADJ$/],
    ['safety', 2, ['terminology/wrong-term'], 'major', /^R:/],
    ['coalition of volunteers', 6, ['terminology/wrong-term'], 'major', /^R:/],
    ['Volunteer coalition', 4, ['terminology/wrong-term'], 'major', /^R:/],
    ['large -scale', 7, ['fluency/typography', 'fluency/spelling'], 'minor', /^R:(MERGE|ORTH)$/],
    ['Photo :', 10, ['locale-convention/typography'], 'minor', /^R:/],
    ['call conference', 11, ['fluency/grammar', 'style/awkward'], 'minor', /^R:WO$/],
    ['routes', 16, ['accuracy/mistranslation'], 'major', /^R:/],
    ['principal teacher', 19, ['accuracy/mistranslation'], 'major', /^R:/],
    ['thespecial', 20, ['fluency/spelling', 'fluency/typography'], 'minor', /^R:(SPLIT|MERGE)$/],
    ['MM.', 24, ['locale-convention/typography'], 'minor', /^R:/],
    ['talks to three', 24, ['terminology/wrong-term', 'accuracy/mistranslation'], 'major', /^R:/],
  ] as const)('"%s" (line %i) is %j', (text, line, categories, minSeverity, type) => {
    const f = findingAt(text, line);
    expect(categories).toContain(f.category);
    expect(RANK[f.severity]).toBeGreaterThanOrEqual(RANK[minSeverity]);
    expect(f.type).toMatch(type);
    // The span covers whole tokens: it starts and ends at a token boundary of the MT.
    const mt = doc.mt.text;
    expect(/[\p{L}\p{N}]/u.test(mt[f.mt.start - 1] ?? ' ') && /[\p{L}\p{N}]/u.test(mt[f.mt.start]!)).toBe(false);
    expect(mt.slice(f.mt.start, f.mt.end)).toBe(f.mt.text);
  });

  it('flags the stray "." line and the sentence broken before ". And this"', () => {
    const stray = doc.findings.filter((f) => f.mt.line === 17 && f.mt.endLine === 18 && f.mt.text.endsWith('\n.'));
    expect(stray).toHaveLength(1);
    expect(['fluency/typography', 'fluency/punctuation']).toContain(stray[0]!.category);
    const broken = doc.findings.filter((f) => f.mt.line === 15 && f.mt.endLine === 16 && f.mt.text.endsWith('\n.'));
    expect(broken).toHaveLength(1);
    expect(broken[0]!.corrected.text.includes('\n')).toBe(false);
  });

  it('aligns the broken sentences with their corrected sentences', () => {
    const mt = doc.mt.text;
    const cor = doc.corrected.text;
    const segOf = (needle: string) => doc.segments.find((s) => mt.slice(s.mt.start, s.mt.end).includes(needle))!;
    const hampson = segOf('Fen Hampson');
    expect(mt.slice(hampson.mt.start, hampson.mt.end)).toMatch(/^Fen Hampson[\s\S]*of Mr\. Trump for Canada\.$/);
    expect(cor.slice(hampson.corrected.start, hampson.corrected.end)).toMatch(/^Fen Hampson.*aversion of Mr\. Trump to Canada\.$/);
    const member = segOf('as a member');
    expect(cor.slice(member.corrected.start, member.corrected.end)).toContain('as a member');
  });

  it('reproduces the correction when every finding is applied to the MT', () => {
    expect(applyEdits(doc.mt.text, doc.findings)).toBe(doc.corrected.text);
  });

  it('flags nothing where the post-editor changed nothing', () => {
    // An independent oracle: jsdiff's character diff marks the MT characters the post-editor touched.
    const removed = new Uint8Array(doc.mt.text.length);
    const insertedAt = new Uint8Array(doc.mt.text.length + 1);
    let pos = 0;
    for (const part of diffChars(doc.mt.text, doc.corrected.text)) {
      if (part.added) insertedAt[pos] = 1;
      else if (part.removed) removed.fill(1, pos, (pos += part.value.length));
      else pos += part.value.length;
    }
    for (const f of doc.findings) {
      const touched =
        removed.subarray(f.mt.start, f.mt.end).some((x) => x === 1) || insertedAt.subarray(f.mt.start, f.mt.end + 1).some((x) => x === 1);
      expect(touched, `finding on unchanged text: ${JSON.stringify(f.mt.text)} at ${f.mt.line}:${f.mt.col}`).toBe(true);
    }
    // Lines the correction left as they were carry no finding at all.
    const untouched = ['The issue of security guarantees occupied', 'The leaders gathered on Monday', 'No American soldiers in Ukraine'];
    for (const start of untouched) {
      const line = doc.mt.text.split('\n').findIndex((l) => l.startsWith(start)) + 1;
      expect(line).toBeGreaterThan(0);
      expect(doc.findings.filter((f) => f.mt.line === line || f.mt.endLine === line && f.mt.endCol > 1)).toEqual([]);
    }
  });

  it('gives every finding a valid category, ERRANT type, severity, rule and message', () => {
    expect(doc.findings.length).toBeGreaterThan(30);
    for (const f of doc.findings) {
      expect(CATEGORIES).toContain(f.category);
      expect(SEVERITIES).toContain(f.severity);
      expect(f.type).toMatch(/^(UNK|[MRU]:[A-Z]+(:[A-Z]+)?)$/);
      expect(f.rule).not.toBe('');
      expect(f.message).not.toBe('');
    }
    expect(new Set(doc.findings.map((f) => f.id)).size).toBe(doc.findings.length);
  });

  it('scores the document: HTER > 0, MQM-based score below the default pass mark', () => {
    expect(doc.metrics.hter).toBeGreaterThan(0.05);
    expect(doc.metrics.hter).toBeLessThan(0.3);
    expect(doc.metrics.mqm.words).toBe(doc.mt.text.split(/\s+/).filter(Boolean).length);
    expect(doc.metrics.mqm.pass).toBe(false);
  });

  // Substitutions a professional reviewer grades as word choice or a near meaning, not as major mistranslations
  // (issue 11), and the rewritten clause of line 14 as one finding.
  it.each([
    ['report', 11, ['accuracy/mistranslation', 'style/awkward'], 'minor'],
    ['putting pressure', 24, ['style/awkward'], 'minor'],
    ['staff provision', 5, ['style/awkward'], 'minor'],
    ['if', 26, ['style/awkward', 'fluency/grammar'], 'minor'],
    ['way of agreeing', 14, ['style/awkward', 'fluency/grammar'], 'minor'],
  ] as const)('"%s" (line %i) is %j, %s', (text, line, categories, severity) => {
    const f = doc.findings.filter((x) => x.mt.line === line && x.mt.text.trim() === text);
    expect(f, `one finding on "${text}"`).toHaveLength(1);
    expect(categories).toContain(f[0]!.category);
    expect(f[0]!.severity).toBe(severity);
  });

  it('against the same text taken as an independent reference, meaning-preserving changes are neutral', () => {
    const ref = auditDocument(readDocumentDir(DIR), { correctedKind: 'reference' });
    expect(ref.correctedKind).toBe('reference');
    expect(doc.correctedKind).toBeUndefined();
    const sev = (d: DocumentReport, text: string) => d.findings.find((f) => f.mt.text.trim() === text)!.severity;
    for (const t of ['staff provision', 'putting pressure', 'way of agreeing']) {
      expect(sev(doc, t)).toBe('minor');
      expect(sev(ref, t)).toBe('neutral');
    }
    // Meaning changes and errors of the MT count the same in both modes.
    for (const t of ['Volodyr', 'routes', 'principal teacher', 'thespecial']) expect(sev(ref, t)).toBe(sev(doc, t));
    expect(ref.metrics.mqm.penalty).toBeLessThan(doc.metrics.mqm.penalty);
    expect(applyEdits(ref.mt.text, ref.findings)).toBe(ref.corrected.text);
  });
});
