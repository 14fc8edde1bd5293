// Property: for any XLIFF whose targets mix words, entities, character references, CDATA and inline tags, every
// finding of the audit, once located, covers exactly the text it names in the original file.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../../src/audit.js';
import { readLocalized } from '../../../src/io/formats/index.js';
import { plainPo, plainXml, withoutPlaceholders } from './helpers.js';

const word = fc.constantFrom('the', 'leaders', 'met', 'on', 'Monday', 'Canada', 'its', 'allies', 'robust', 'security', 'guarantees', '2023', 'NATO');
const spelled = fc.constantFrom('&amp;', '&lt;b&gt;', '&#8212;', '&#x2019;s', 'caf&#233;', '&quot;Kyiv&quot;', '<![CDATA[a&b]]>');
const tag = fc.constantFrom('<x id="1"/>', '<ph id="2">&lt;br/&gt;</ph>', '<g id="3">Ukraine</g>', '<mrk mtype="term">war</mrk>');
const token = fc.oneof({ weight: 6, arbitrary: word }, { weight: 2, arbitrary: spelled }, { weight: 1, arbitrary: tag });
const sentence = fc.array(token, { minLength: 1, maxLength: 10 }).chain((mt) =>
  fc
    .array(fc.tuple(fc.nat({ max: 9 }), fc.oneof(token, fc.constant(''))), { maxLength: 3 })
    .map((edits) => {
      const pe = [...mt];
      for (const [at, by] of edits) pe.splice(Math.min(at, pe.length), 1, ...(by ? [by] : []));
      return { mt: mt.join(' '), pe: pe.join(' ') || 'x' };
    }),
);

const dir = mkdtempSync(join(tmpdir(), 'tqa-remap-'));
let n = 0;
let seen = 0;

describe('located findings (property)', () => {
  it('cover exactly the text they name, at the line and column given', () => {
    seen = 0;
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n', '\n    '), (units, nl) => {
        const body = units
          .map((u, i) => `${nl}<trans-unit id="t${i}">${nl}<source>s ${i}</source>${nl}<target>${u.pe}</target>${nl}<alt-trans origin="mt"><target>${u.mt}</target></alt-trans>${nl}</trans-unit>`)
          .join('');
        const xml = `<?xml version="1.0"?>${nl}<xliff version="1.2"><file original="f"><body>${body}${nl}</body></file></xliff>${nl}`;
        const file = join(dir, `p${n++}.xlf`);
        writeFileSync(file, xml);
        const li = readLocalized({ mt: file });
        const located = li.remapReport(li.finishReport(auditDocument(li.toAuditInput(), li.auditOptions())));
        seen += located.findings.length;
        const lines = xml.split('\n');
        for (const f of located.findings) {
          for (const s of [f.mt, f.corrected]) {
            expect(plainXml(xml.slice(s.start, s.end)).replace(/\s+/g, ' ').trim()).toBe(withoutPlaceholders(s.text).replace(/\s+/g, ' ').trim());
            const before = xml.slice(0, s.start).split('\n');
            expect([s.line, s.col]).toEqual([before.length, before[before.length - 1]!.length + 1]);
            expect(lines[s.line - 1]).toBeDefined();
          }
        }
      }),
      { numRuns: 40 },
    );
    expect(seen).toBeGreaterThan(20); // the property saw findings to check
  });
});

const poWord = fc.constantFrom('the', 'leaders', 'met', 'on', 'Monday', 'Canada', 'its', 'allies', 'robust', '\\"NATO\\"', 'a\\tb', 'end.\\n');
const poString = fc.array(fc.array(poWord, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 3 });
const poPair = fc.tuple(poString, fc.array(fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 3 }), poWord), { maxLength: 2 })).map(([mt, edits]) => {
  const pe = mt.map((l) => l.split(' '));
  for (const [line, at, w] of edits) pe[line % pe.length]!.splice(at, 1, w);
  return { mt, pe: pe.map((l) => l.join(' ')) };
});
const poEntry = (i: number, lines: string[]) => `msgid "m${i}"\nmsgstr ""\n${lines.map((l, k) => `"${l}${k < lines.length - 1 ? ' ' : ''}"`).join('\n')}\n`;

describe('located PO findings (property)', () => {
  it('cover exactly the text they name, across continuation lines', () => {
    seen = 0;
    fc.assert(
      fc.property(fc.array(poPair, { minLength: 1, maxLength: 3 }), (entries) => {
        const mtPo = entries.map((e, i) => poEntry(i, e.mt)).join('\n');
        const pePo = entries.map((e, i) => poEntry(i, e.pe)).join('\n');
        const a = join(dir, `p${n++}.po`);
        const b = join(dir, `p${n++}.po`);
        writeFileSync(a, mtPo);
        writeFileSync(b, pePo);
        const li = readLocalized({ mt: a, corrected: b });
        const located = li.remapReport(li.finishReport(auditDocument(li.toAuditInput(), li.auditOptions())));
        seen += located.findings.length;
        for (const f of located.findings) {
          for (const [s, text] of [[f.mt, mtPo], [f.corrected, pePo]] as const) {
            expect(plainPo(text.slice(s.start, s.end)).replace(/\s+/g, ' ').trim()).toBe(s.text.replace(/\s+/g, ' ').trim());
          }
        }
      }),
      { numRuns: 30 },
    );
    expect(seen).toBeGreaterThan(10);
  });
});
