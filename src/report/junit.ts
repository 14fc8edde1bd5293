import type { DocumentReport, Finding, Report } from '../model.js';
import { LineIndex } from '../io/lines.js';
import {
  clip,
  correctionOf,
  effectiveCategory,
  effectiveSeverity,
  findingsBySegment,
  isReferenceFree,
  keptFindings,
  oneLine,
  segmentIds,
  segmentNumber,
  segmentRange,
  segmentsById,
} from './effective.js';
import type { FormatOptions } from './options.js';

// JUnit XML (the Jenkins/GitLab/Azure dialect): one <testsuite> per document, one <testcase> per segment, one
// <failure> per minor, major or critical finding in it. Neutral findings are not errors in MQM terms: they go
// to the testcase's <system-out>, so the test passes. Rejected findings are left out. A suite's `failures`
// counts failed testcases (segments), and its `findings` property the failure elements. With a gate, a last
// suite `tqa.gate` holds one testcase that fails when the gate does.

export function formatJunit(report: Report, opts: FormatOptions = {}): string {
  const suites = report.documents.map(documentSuite);
  if (opts.gate) suites.push(gateSuite(opts.gate.pass, opts.gate.lines));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(report.tool.name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Suite {
  tests: number;
  failures: number;
  xml: string;
}

function documentSuite(doc: DocumentReport): Suite {
  const bySegment = findingsBySegment(keptFindings(doc));
  const segments = segmentsById(doc);
  const lines = new LineIndex(doc.mt.text);
  const cases: string[] = [];
  let failed = 0;
  let failureCount = 0;
  for (const id of segmentIds(doc)) {
    const seg = segments.get(id);
    const findings = bySegment.get(id) ?? [];
    const failures = findings.filter((f) => effectiveSeverity(f) !== 'neutral');
    const neutral = findings.filter((f) => effectiveSeverity(f) === 'neutral');
    const firstLine = seg ? lines.position(seg.mt.start).line : (findings[0]?.mt.line ?? 1);
    const range = seg || findings.length ? segmentRange(doc, seg, findings) : undefined;
    const text = range ? doc.mt.text.slice(range.start, range.end) : '';
    const name = `segment ${segmentNumber(id)} (line ${firstLine})${text.trim() ? `: ${clip(oneLine(text.trim()), 60)}` : ''}`;
    const body = [
      ...failures.map(failureXml),
      ...(neutral.length ? [`<system-out>${xmlText(neutral.map(describe).join('\n'))}</system-out>`] : []),
    ];
    if (failures.length) failed++;
    failureCount += failures.length;
    const open = `<testcase classname="${attr(`tqa.${doc.id}`)}" name="${attr(name)}" file="${attr(doc.mt.path)}" line="${firstLine}" time="0"`;
    cases.push(body.length ? `    ${open}>\n${body.map((b) => `      ${b}`).join('\n')}\n    </testcase>` : `    ${open}/>`);
  }
  const m = doc.metrics;
  const props = [
    ['document', doc.id],
    ['mt', doc.mt.path],
    ...(isReferenceFree(doc)
      ? []
      : [
          ['corrected', doc.corrected.path],
          ['hter', String(m.hter)],
          ['ter', String(m.ter)],
          ['chrf', String(m.chrf)],
          ['bleu', String(m.bleu)],
        ]),
    ['findings', String(failureCount)],
    ['mqm.score', String(m.mqm.score)],
    ['mqm.pass', String(m.mqm.pass)],
  ];
  const xml = [
    `  <testsuite name="${attr(doc.id)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0" file="${attr(doc.mt.path)}">`,
    '    <properties>',
    ...props.map(([k, v]) => `      <property name="${attr(k!)}" value="${attr(v!)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
  ].join('\n');
  return { tests: cases.length, failures: failed, xml };
}

function gateSuite(pass: boolean, lines: string[]): Suite {
  const body = pass
    ? lines.length
      ? `>\n      <system-out>${xmlText(lines.join('\n'))}</system-out>\n    </testcase>`
      : '/>'
    : `>\n      <failure message="${attr(lines[0] ?? 'gate failed')}" type="gate">${xmlText(lines.join('\n'))}</failure>\n    </testcase>`;
  const xml = [
    `  <testsuite name="tqa.gate" tests="1" failures="${pass ? 0 : 1}" errors="0" skipped="0" time="0">`,
    `    <testcase classname="tqa.gate" name="quality gate" time="0"${body}`,
    '  </testsuite>',
  ].join('\n');
  return { tests: 1, failures: pass ? 0 : 1, xml };
}

function failureXml(f: Finding): string {
  const cat = effectiveCategory(f);
  const corr = correctionOf(f);
  const message = `${cat} (${effectiveSeverity(f)}): ${oneLine(f.mt.text || '∅')} → ${corr === undefined ? '?' : oneLine(corr || '∅')}`;
  return `<failure message="${attr(message)}" type="${attr(cat)}">${xmlText(describe(f))}</failure>`;
}

function describe(f: Finding): string {
  const corr = correctionOf(f);
  return [
    `line ${f.mt.line}, col ${f.mt.col}: ${f.message}`,
    `MT: ${f.mt.text}`,
    `correction: ${corr ?? '(none known)'}`,
    `category ${effectiveCategory(f)}, type ${f.type}, severity ${effectiveSeverity(f)}, rule ${f.rule}, id ${f.id}`,
    ...(f.decision ? [`decision: ${[f.decision.status, f.decision.reviewer, f.decision.comment].filter(Boolean).join(' · ')}`] : []),
  ].join('\n');
}

/** Characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF)
 *  become U+FFFD, so a stray control character in a text cannot make the whole report unparsable. */
function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function xmlText(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: quotes escaped, and line breaks/tabs as character references (a parser would otherwise
 *  normalise them to spaces). */
function attr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
