import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATEGORIES, type Category, type Finding, type Report, type Severity } from '../model.js';
import { correctionOf, describeChange, effectiveCategory, effectiveSeverity, isRejected, segmentNumber, sortedFindings } from './effective.js';
import type { FormatOptions } from './options.js';

// SARIF 2.1.0, the format GitHub code scanning and IDEs read: one run, one rule per tqa category (all of them,
// so rule indices are stable), one result per finding with its region (1-based lines, UTF-16 columns, end
// column exclusive; an omission is an empty region at the point where text is missing), a fix when the
// correction is known, and the finding id as a partial fingerprint so that code scanning tracks a finding
// across commits. A rejected finding stays in, with an external suppression (GitHub shows it as dismissed).

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { critical: 'error', major: 'error', minor: 'warning', neutral: 'note' };

export function formatSarif(report: Report, opts: FormatOptions = {}): string {
  const artifacts: Array<{ location: { uri: string }; roles: string[]; sourceLanguage?: string }> = [];
  const artifactIndex = new Map<string, number>();
  const artifactOf = (path: string) => {
    const uri = pathUri(path);
    let i = artifactIndex.get(uri);
    if (i === undefined) {
      i = artifacts.length;
      artifactIndex.set(uri, i);
      artifacts.push({ location: { uri }, roles: ['analysisTarget'] });
    }
    return { uri, index: i };
  };
  const results: unknown[] = [];
  for (const doc of report.documents) {
    const artifact = artifactOf(doc.mt.path);
    for (const f of sortedFindings(doc.findings)) results.push(result(f, doc.id, artifact));
  }
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: CATEGORIES.map(rule),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(opts.gate ? { properties: { gate: opts.gate } } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        artifacts,
        results,
        properties: {
          documents: report.documents.map((d) => ({ id: d.id, mt: d.mt.path, corrected: d.corrected.path, metrics: d.metrics })),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function rule(cat: Category) {
  const [dimension, subtype] = cat.split('/') as [string, string | undefined];
  const words = cat.split(/[/-]/);
  return {
    id: cat,
    name: words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: subtype ? `${human(dimension)}: ${subtype.replace(/-/g, ' ')}` : human(dimension) },
    fullDescription: { text: `MQM-based error category ${cat} found by comparing the MT with its correction.` },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['translation-quality', dimension] },
  };
}

function human(s: string): string {
  const t = s.replace(/-/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function result(f: Finding, documentId: string, artifact: { uri: string; index: number }) {
  const cat = effectiveCategory(f);
  const sev = effectiveSeverity(f);
  const corr = correctionOf(f);
  const location = { uri: artifact.uri, index: artifact.index };
  const out: Record<string, unknown> = {
    ruleId: cat,
    ruleIndex: CATEGORIES.indexOf(cat),
    level: LEVEL[sev],
    message: { text: `${describeChange(f)}: ${f.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: {
            startLine: f.mt.line,
            startColumn: f.mt.col,
            endLine: f.mt.endLine,
            endColumn: f.mt.endCol,
            charOffset: f.mt.start,
            charLength: f.mt.end - f.mt.start,
            ...(f.mt.text ? { snippet: { text: f.mt.text } } : {}),
          },
        },
      },
    ],
    partialFingerprints: { 'tqaFinding/v1': f.id },
    properties: {
      document: documentId,
      segment: segmentNumber(f.segment),
      category: cat,
      type: f.type,
      severity: sev,
      operation: f.operation,
      rule: f.rule,
      ...(f.origin ? { origin: f.origin } : {}),
      ...(f.decision ? { decision: f.decision } : {}),
    },
  };
  // A fix is a plain replacement of the MT span; a long-distance move has no single-region fix.
  if (corr !== undefined && !f.moveTo) {
    out.fixes = [
      {
        description: { text: corr === '' ? 'Delete' : `Replace with “${corr}”` },
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: [
              { deletedRegion: { charOffset: f.mt.start, charLength: f.mt.end - f.mt.start }, insertedContent: { text: corr } },
            ],
          },
        ],
      },
    ];
  }
  if (isRejected(f)) {
    out.suppressions = [
      {
        kind: 'external',
        status: 'accepted',
        justification: [`Rejected by ${f.decision?.reviewer ?? 'a reviewer'}`, f.decision?.comment].filter(Boolean).join(': '),
      },
    ];
  }
  return out;
}

/** A path as a SARIF URI: relative paths stay relative (code scanning resolves them against the repository),
 *  with forward slashes and percent-encoding; absolute paths become file: URIs. */
export function pathUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path
    .split(/[\\/]/)
    .map((p) => encodeURIComponent(p))
    .join('/');
}
