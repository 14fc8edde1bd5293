// Write-back into XLIFF: approved targets replace the old ones, states become reviewed/final, and every other
// byte stays as it was (round trip of an unchanged file is the identity, by example and by property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../../src/audit.js';
import { readLocalized } from '../../../src/io/formats/index.js';
import { TagChars, xmlPiece } from '../../../src/io/formats/piece.js';
import { readXliff } from '../../../src/io/formats/xliff.js';
import { approvedTexts, renderContent, withState, writeBackXliff, xliffWithApprovedTargets } from '../../../src/io/formats/xliff-writeback.js';
import { childElements, parseXml } from '../../../src/io/formats/xml.js';
import type { Decision } from '../../../src/model.js';
import { fixture, readFixture, withoutPlaceholders } from './helpers.js';

const SETS = [
  { mt: 'xliff12-review.xlf' },
  { mt: 'xliff2-review.xlf' },
  { mt: 'xliff12-mt.xlf', corrected: 'xliff12-corrected.xlf' },
  { mt: 'xliff2-mt.xlf', corrected: 'xliff2-corrected.xlf' },
];

function audited(set: { mt: string; corrected?: string }) {
  const li = readLocalized({ mt: fixture(set.mt), ...(set.corrected ? { corrected: fixture(set.corrected) } : {}) });
  const doc = li.finishReport(auditDocument(li.toAuditInput(), li.auditOptions()));
  return { li, doc };
}

const decide = (status: Decision['status']): Decision => ({ status, reviewer: 'r', at: '2026-01-01T00:00:00Z' });

describe('XLIFF write-back', () => {
  it.each(SETS)('leaves $mt byte-identical when nothing was decided', (set) => {
    const { li, doc } = audited(set);
    expect(xliffWithApprovedTargets(li, doc)).toBe(readFixture(set.corrected ?? set.mt));
  });

  it.each(SETS)('re-renders every unchanged target of $mt to the same bytes where the file spells text canonically', (set) => {
    const { li } = audited(set);
    const text = li.correctedFile.text;
    for (const u of li.units) {
      const t = u.correctedUnit.targetElement!;
      const original = t.selfClosing ? '' : text.slice(t.openEnd, t.closeStart);
      // Canonical: no character references, &apos;/&quot;, CDATA or line breaks (those decode to another spelling).
      if (/&#|&apos;|&quot;|<!\[CDATA\[|\n/.test(original)) continue;
      expect(renderContent(u.corrected.text, u.corrected.tags)).toBe(original);
    }
  });

  it('puts a rejected edit back to the MT, in that target only, and marks the units decided on', () => {
    const { li, doc } = audited(SETS[0]!);
    const rejected = doc.findings.find((f) => f.mt.text === 'Stable' && f.corrected.text === 'robust')!;
    const accepted = doc.findings.find((f) => f.segment === 0)!;
    const decided = { ...doc, findings: doc.findings.map((f) => (f === rejected ? { ...f, decision: decide('rejected') } : f === accepted ? { ...f, decision: decide('accepted') } : f)) };
    const out = xliffWithApprovedTargets(li, decided);
    const original = li.correctedFile.text;
    expect(out).not.toBe(original);
    // Re-read: unit 2 has the MT word back, unit 1 is unchanged but now final, the rest untouched.
    const again = readXliff(out, 'out.xlf', new TagChars()).units;
    expect(withoutPlaceholders(again[1]!.target!.text)).toBe('Ms. Anand said at a press briefing in Finland that Canada & its allies have been discussing Stable security guarantees.');
    expect(again.map((u) => u.state)).toEqual(['final', 'final', undefined, 'translated', undefined, undefined]);
    expect(again[0]!.target!.text).toBe(li.units[0]!.corrected.text);
    // Byte-identical outside the two start tags' state and unit 2's target content.
    const t2 = li.units[1]!.correctedUnit.targetElement!;
    const after = out.length - original.length;
    expect(out.slice(t2.end + after)).toBe(original.slice(t2.end));
    expect(out.split('\n').filter((l, i) => l !== original.split('\n')[i]).length).toBe(2);
    expect(out).toContain('<g id="1">Finland</g> that Canada &amp; its allies have been discussing Stable security guarantees<x id="2"/>.</target>');
  });

  it('sets state on the XLIFF 2 segment (reviewed) and fills a target; keeps tags of the MT when the MT comes back', () => {
    const { li, doc } = audited(SETS[3]!);
    const f = doc.findings.find((x) => x.mt.text === 'accomplished')!;
    const out = xliffWithApprovedTargets(li, { ...doc, findings: doc.findings.map((x) => (x === f ? { ...x, decision: decide('rejected') } : x)) });
    expect(out).toContain('<segment id="1" state="reviewed">');
    expect(out).toContain('<target>The work that the Coalition of the Willing is currently accomplished is absolutely fundamental.</target>');
    const { approved } = { approved: approvedTexts(li, doc).texts };
    expect(approved).toEqual(li.units.map((u) => u.corrected.text));
  });

  it('keeps the bytes of what stays (line breaks, character references, CDATA) and the tags a reverted span took in', () => {
    const { li, doc } = audited(SETS[0]!);
    const took = doc.findings.find((f) => f.segment === 4 && f.corrected.text.includes('took'))!;
    expect(took.corrected.text).toMatch(/[\uE000-\uF8FF]/); // the span took in the closing </mrk>
    const out = xliffWithApprovedTargets(li, { ...doc, findings: doc.findings.map((f) => (f === took ? { ...f, decision: decide('rejected') } : f)) });
    expect(out).toContain('<target state="final">Security <mrk mtype="term">guarantees</mrk> occupied an\n important place on Monday &#8212; at the White House.</target>');
    const again = readXliff(out, 'o.xlf', new TagChars()).units[4]!;
    expect(withoutPlaceholders(again.target!.text)).toBe('Security guarantees occupied an  important place on Monday — at the White House.');
  });

  it('writes into a self-closing target and adds a missing state attribute', () => {
    const xml = '<xliff version="1.2"><file><body><trans-unit id="1"><source>a &amp; b</source><target/></trans-unit></body></file></xliff>';
    const unit = readXliff(xml, 'x', new TagChars()).units[0]!;
    const out = writeBackXliff(xml, [{ target: unit.targetElement!, stateElement: unit.stateElement!, text: 'x < y & z', tags: new Map(), state: 'final' }]);
    expect(out).toBe('<xliff version="1.2"><file><body><trans-unit id="1"><source>a &amp; b</source><target state="final">x &lt; y &amp; z</target></trans-unit></body></file></xliff>');
    expect(withState("<target state='new' xml:lang=\"en\">", 'final')).toBe('<target state="final" xml:lang="en">');
    expect(withState('<segment id="s1">', 'reviewed')).toBe('<segment id="s1" state="reviewed">');
  });

  it('refuses corrections whose tags no longer nest', () => {
    const xml = '<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>A <g id="1">b</g></target></trans-unit></body></file></xliff>';
    const unit = readXliff(xml, 'x', new TagChars()).units[0]!;
    const [open, close] = [...unit.target!.text].filter((c) => unit.target!.tags.has(c));
    expect(() => writeBackXliff(xml, [{ target: unit.targetElement!, text: `${close}b${open}`, tags: unit.target!.tags }], 'x.xlf')).toThrow(/x\.xlf: the approved targets would make the XLIFF malformed/);
  });
});

// Random XLIFF files: text with markup-significant characters, entities, whitespace and inline tags.
const textChar = fc.constantFrom('a', 'B', ' ', '  ', '\t', 'é', '’', '&', '<', '>', '"', "'", '😀', '\n', '0');
const spelled = fc.constantFrom('&#x41;', '&#233;', '&apos;', '&quot;', '&#128512;', '<![CDATA[x<&]]>');
const inline = fc.constantFrom('<x id="1"/>', '<ph id="2">&lt;br/&gt;</ph>', '<g id="3">in</g>', '<bpt id="4">&lt;b&gt;</bpt>', '<ept id="4">&lt;/b&gt;</ept>', '<mrk mtype="x">m</mrk>', '<it id="5" pos="open">&lt;i&gt;</it>');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const canonicalContent = fc.array(fc.oneof(textChar.map(escape), inline), { maxLength: 12 }).map((a) => a.join(''));
const anyContent = fc.array(fc.oneof(textChar.map(escape), spelled, inline), { maxLength: 12 }).map((a) => a.join(''));

function xliff12(targets: string[], ws: string): string {
  const units = targets.map((t, i) => `${ws}<trans-unit id="u${i}">${ws}  <source>s${i}</source>${ws}  <target state="new">${t}</target>${ws}  <alt-trans origin="mt"><target>${t}</target></alt-trans>${ws}</trans-unit>`);
  return `<?xml version="1.0"?>\n<xliff version="1.2"><file original="f" source-language="fr" target-language="en"><body>${units.join('')}\n</body></file></xliff>\n`;
}

describe('write-back properties', () => {
  it('read then write back an unchanged file: identical bytes (any spelling of the text)', () => {
    fc.assert(
      fc.property(fc.array(anyContent, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\n\t\t', ''), (targets, ws) => {
        const xml = xliff12(targets, ws);
        const units = readXliff(xml, 'p.xlf', new TagChars()).units;
        // No decision: nothing is replaced.
        expect(writeBackXliff(xml, [])).toBe(xml);
        // Same text, state untouched: the content is copied, so still identical.
        expect(writeBackXliff(xml, units.map((u) => ({ target: u.targetElement!, tags: u.target!.tags })))).toBe(xml);
      }),
      { numRuns: 150 },
    );
  });

  it('canonically spelled targets re-render to the same bytes, and a rewritten target reads back as written', () => {
    fc.assert(
      fc.property(fc.array(canonicalContent, { minLength: 1, maxLength: 5 }), fc.nat(), fc.string({ maxLength: 20 }), (targets, pick, extra) => {
        const xml = xliff12(targets, '\n');
        const units = readXliff(xml, 'p.xlf', new TagChars()).units;
        const rerendered = writeBackXliff(xml, units.map((u) => ({ target: u.targetElement!, text: u.target!.text, tags: u.target!.tags })));
        // Line breaks inside a target are read as spaces, so only targets without them re-render identically.
        if (!targets.some((t) => t.includes('\n'))) expect(rerendered).toBe(xml);
        const i = pick % units.length;
        const clean = extra.replace(/[\uE000-\uF8FF\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g, '').replace(/[\r\n]/g, ' ');
        const newText = units[i]!.target!.text + clean;
        const out = writeBackXliff(xml, [{ target: units[i]!.targetElement!, stateElement: units[i]!.stateElement!, text: newText, tags: units[i]!.target!.tags, state: 'final' }]);
        const back = readXliff(out, 'o.xlf', new TagChars()).units;
        expect(back[i]!.target!.text).toBe(newText);
        expect(back[i]!.state).toBe('final');
        back.forEach((u, j) => {
          if (j !== i) expect(u.target!.text).toBe(units[j]!.target!.text);
        });
        // Everything before the changed target's start tag is untouched.
        expect(out.slice(0, units[i]!.targetElement!.start)).toBe(xml.slice(0, units[i]!.targetElement!.start));
      }),
      { numRuns: 150 },
    );
  });

  it('for any content, the piece ends where the end tag starts and each placeholder starts at its tag', () => {
    fc.assert(
      fc.property(anyContent, (content) => {
        const xml = `<t>${content}</t>`;
        const doc = parseXml(xml, 't.xml');
        const piece = xmlPiece(xml, doc.root, new TagChars());
        expect(piece.map[piece.text.length]).toBe(xml.length - '</t>'.length);
        for (let k = 0; k < piece.text.length; k++) {
          const tag = piece.tags.get(piece.text[k]!);
          if (tag) expect(xml.startsWith(tag.raw, piece.map[k]!)).toBe(true);
        }
        expect(childElements(doc.root).length).toBe((content.match(/<(x|ph|g|bpt|ept|mrk|it)\b/g) ?? []).length);
      }),
      { numRuns: 200 },
    );
  });
});
