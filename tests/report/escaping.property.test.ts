// Property tests of the escaping in every text format: whatever the MT text and the correction hold (quotes,
// commas, tabs, CR/LF, pipes, markup, %, emoji, lone surrogates), the output still parses and gives the text
// back where the format can carry it.
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/io/lines.js';
import type { Report } from '../../src/model.js';
import { formatReport } from '../../src/report/index.js';
import { asArray, mdTables, parseJunit, readGithubCommands, readMqmTsv, splitMarked, tsvText } from './parsers.js';

const nasty = fc.constantFrom('"', ',', '\t', '\r\n', '\n', '\r', '|', '<', '>', '&', "'", '%', ':', '::', '<v>', '</v>', '\\', '`', '*', '👍🏽', ']]>', '-->', '#', '$', ' ');
const piece = fc.oneof(
  fc.string({ minLength: 1, maxLength: 4 }),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 3 }), // control characters
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), // any code point
  fc.constantFrom('\uD800', '\uDFFF', '\u0007'), // lone surrogates, BEL
  nasty,
  fc.constantFrom('word', 'the', 'Volodyr'),
);
const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

/** One document, one segment `before + span + after`, one finding replacing `span` by `corr`. */
function reportOf(before: string, span: string, after: string, corr: string): Report {
  const mt = before + span + after;
  const corrected = before + corr + after;
  const mi = new LineIndex(mt);
  const ci = new LineIndex(corrected);
  return {
    tool: { name: 'tqa', version: 'test' },
    documents: [
      {
        id: 'doc',
        mt: { path: 'mt.txt', text: mt },
        corrected: { path: 'corrected.txt', text: corrected },
        segments: [{ id: 0, mt: { start: 0, end: mt.length }, corrected: { start: 0, end: corrected.length }, metrics: { ter: 0, hter: 0, chrf: 0, chrfpp: 0, bleu: 0 } }],
        findings: [
          {
            id: 'f1',
            segment: 0,
            operation: 'replace',
            mt: mi.span(before.length, before.length + span.length),
            corrected: ci.span(before.length, before.length + corr.length),
            category: 'other',
            type: 'R:OTHER',
            severity: 'major',
            rule: 'test',
            message: `message ${corr}`,
          },
        ],
        metrics: {
          hter: 0,
          ter: 0,
          chrf: 0,
          chrfpp: 0,
          bleu: 0,
          mqm: { preset: 'mqm-core', penalty: 0, words: 1, perThousand: 0, score: 100, threshold: 95, pass: true },
          signatures: {},
        },
      },
    ],
  };
}

const input = fc.tuple(text, text, text, text);
const RUNS = { numRuns: 150 };
/** XML 1.0 cannot carry C0 controls (but tab/LF/CR) or lone surrogates: junit replaces them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Text read from a file is well-formed (tqa decodes UTF-8 strictly); a lone surrogate only comes from code. */
const wellFormed = (...xs: string[]) => xs.every((x) => !LONE_SURROGATE.test(x));
const xmlable = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('escaping, for any text', () => {
  // OWASP CSV injection: a cell starting with = + - @ tab or CR gets a leading apostrophe; nothing else changes.
  const owasp = (x: string) => (/^[=+\-@\t\r]/.test(x) ? `'${x}` : x);
  it('csv gives back the MT span and the correction exactly (after the formula guard)', () => {
    fc.assert(
      fc.property(input, ([b, s, a, c]) => {
        fc.pre(wellFormed(b, s, a, c));
        const rows = parseCsv(formatReport(reportOf(b, s, a, c), 'csv'), { columns: true }) as Array<Record<string, string>>;
        expect(rows).toHaveLength(1);
        expect(rows[0]!.mt).toBe(owasp(s));
        expect(rows[0]!.correction).toBe(owasp(c));
      }),
      RUNS,
    );
  });

  it('mqm-tsv keeps nine columns and the marked span', () => {
    fc.assert(
      fc.property(input, ([b, s, a, c]) => {
        const { rows } = readMqmTsv(formatReport(reportOf(b, s, a, c), 'mqm-tsv'));
        expect(rows).toHaveLength(1);
        expect(rows[0]).toHaveLength(9);
        const m = splitMarked(rows[0]![6]!)!;
        expect([m.before, m.inside, m.after]).toEqual([tsvText(b), tsvText(s), tsvText(a)]);
      }),
      RUNS,
    );
  });

  it('junit stays well-formed XML with the text in the failure body', () => {
    fc.assert(
      fc.property(input, ([b, s, a, c]) => {
        const xml = formatReport(reportOf(b, s, a, c), 'junit');
        expect(XMLValidator.validate(xml)).toBe(true);
        const body = String(asArray(parseJunit(xml).testsuites.testsuite[0]!.testcase[0]!.failure)[0]!['#text']);
        // XML normalises CR LF and lone CR to LF in text content.
        if (xmlable(s)) expect(body).toContain(`MT: ${s.replace(/\r\n?/g, '\n')}`);
      }),
      RUNS,
    );
  });

  it('github keeps one command per line and the message exact', () => {
    fc.assert(
      fc.property(input, ([b, s, a, c]) => {
        const out = formatReport(reportOf(b, s, a, c), 'github');
        const { commands, plain } = readGithubCommands(out);
        expect(commands).toHaveLength(1);
        expect(plain).toHaveLength(1);
        expect(commands[0]!.data).toBe(`“${s}” → “${c}”: message ${c}`);
      }),
      RUNS,
    );
  });

  it('markdown tables keep their shape', () => {
    fc.assert(
      fc.property(input, ([b, s, a, c]) => {
        for (const t of mdTables(formatReport(reportOf(b, s, a, c), 'md'))) {
          for (const row of t) expect(row).toHaveLength(t[0]!.length);
        }
      }),
      RUNS,
    );
  });

  it('html has no markup from the text', () => {
    fc.assert(
      fc.property(input, ([b, s, a, c]) => {
        const html = formatReport(reportOf(b, s, a, c), 'html');
        expect(html).not.toMatch(/<(script|v|\/v)\b/i);
        // Every tag in the output is one the formatter writes.
        for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)) {
          expect(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'del', 'ins', 'sup', 'a', 'svg', 'rect', 'text', 'ul', 'li', 'strong']).toContain(m[1]);
        }
      }),
      RUNS,
    );
  });
});
