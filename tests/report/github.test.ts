import { describe, expect, it } from 'vitest';
import { isRejected } from '../../src/report/effective.js';
import { DEFAULT_MAX_ANNOTATIONS, formatGithub } from '../../src/report/github.js';
import { buildDocument, sampleReport } from '../fixtures/report/sample-report.js';
import { readGithubCommands } from './parsers.js';

const readCommands = readGithubCommands;

describe('github export', () => {
  const report = sampleReport();

  it('writes one annotation per kept finding with its location, level by severity', () => {
    const { commands, plain } = readCommands(formatGithub(report));
    const kept = report.documents.flatMap((d) => d.findings.filter((f) => !isRejected(f)).map((f) => ({ d, f })));
    expect(commands).toHaveLength(kept.length);
    for (const { d, f } of kept) {
      const c = commands.find((x) => x.props.file === d.mt.path && Number(x.props.line) === f.mt.line && Number(x.props.col) === f.mt.col);
      expect(c, f.id).toBeDefined();
      expect([Number(c!.props.endLine), Number(c!.props.endColumn)]).toEqual([f.mt.endLine, f.mt.endCol]);
      expect(c!.data).toContain(f.mt.text.trim()); // a move of the same words names them once, trimmed (“remarkable” moved)
    }
    const levels = commands.map((c) => c.name);
    expect(levels.filter((l) => l === 'error')).toHaveLength(6); // 2 critical + 4 major
    expect(levels.filter((l) => l === 'notice')).toHaveLength(2); // neutral
    // Worst first.
    expect(commands[0]!.props.title).toContain('critical');
    expect(plain).toEqual(['tqa: 17 findings in 2 documents (2 critical, 4 major, 9 minor, 2 neutral); 1 rejected by reviewers, left out']);
  });

  it('escapes %, CR, LF, : and , so that hostile text cannot forge a command or a property', () => {
    const text = formatGithub(report);
    for (const line of text.split('\n').slice(0, -1)) expect(line.startsWith('::') || line.startsWith('tqa: ')).toBe(true);
    const { commands } = readCommands(text);
    const hostile = commands.find((c) => c.data.includes('a%0Aline'))!;
    expect(hostile.data).toBe('“a%0Aline” → “a\r\nnew line”: other (R:OTHER)');
    expect(hostile.props.file).toBe('texts/hostile dir/mt, "x".txt');
    expect(commands.find((c) => c.data.startsWith('delete “:: fake”'))).toBeDefined();
  });

  it('caps the annotations, worst first, and says how many were left out', () => {
    const many = buildDocument(
      'many',
      Array.from({ length: 80 }, (_, i) => ({
        mt: `Line ${i} has teh typo.`,
        edits: [{ find: 'teh', replace: 'the', category: 'fluency/spelling' as const, severity: i === 70 ? ('critical' as const) : ('minor' as const), type: 'R:SPELL' }],
      })),
    );
    const { commands, plain } = readCommands(formatGithub({ tool: report.tool, documents: [many] }));
    expect(commands).toHaveLength(DEFAULT_MAX_ANNOTATIONS);
    expect(commands[0]!.props.line).toBe('71');
    expect(plain).toEqual([`tqa: 80 findings in 1 document (1 critical, 79 minor); ${DEFAULT_MAX_ANNOTATIONS} annotated, 30 not shown (limit 50)`]);
    expect(readCommands(formatGithub({ tool: report.tool, documents: [many] }, { maxAnnotations: 3 })).commands).toHaveLength(3);
  });

  it('ends with the gate verdict when given', () => {
    const { commands } = readCommands(formatGithub(report, { gate: { pass: false, lines: ['HTER 0.23 > 0.2'] }, maxAnnotations: 0 }));
    expect(commands).toEqual([{ name: 'error', props: { title: 'tqa gate: failed' }, data: 'HTER 0.23 > 0.2' }]);
    const passed = readCommands(formatGithub(report, { gate: { pass: true, lines: [] }, maxAnnotations: 0 })).commands;
    expect(passed).toEqual([{ name: 'notice', props: { title: 'tqa gate: passed' }, data: 'quality gate passed' }]);
  });
});
