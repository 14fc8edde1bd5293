// A small hand-built DocumentReport (two sentences of the seed article) for tests of the pure view model.
import { LineIndex } from '../../src/io/lines.js';
import type { Category, DocumentReport, Finding, Operation, Severity } from '../../src/model.js';

const mt = 'President Volodyr Zelensky met allies of theTake.\nThe large -scale invasion began.';
const corrected = 'President Volodymyr Zelensky met the allies of NATO.\nThe large-scale invasion began.';

function finding(
  id: string,
  segment: number,
  op: Operation,
  [ms, me]: [number, number],
  [cs, ce]: [number, number],
  category: Category,
  severity: Severity,
  type: string,
): Finding {
  const m = new LineIndex(mt);
  const c = new LineIndex(corrected);
  return { id, segment, operation: op, mt: m.span(ms, me), corrected: c.span(cs, ce), category, severity, type, rule: `test/${type}`, message: `${type} fix` };
}

const at = (s: string, text: string, from = 0) => {
  const i = s.indexOf(text, from);
  if (i < 0) throw new Error(`fixture: ${text} not found`);
  return [i, i + text.length] as [number, number];
};

export function fixtureReport(): DocumentReport {
  const ins = mt.indexOf('allies');
  const findings: Finding[] = [
    finding('f-volodyr', 0, 'replace', at(mt, 'Volodyr'), at(corrected, 'Volodymyr'), 'locale-convention/name', 'major', 'R:SPELL'),
    finding('f-the', 0, 'insert', [ins, ins], [corrected.indexOf('the allies'), corrected.indexOf('the allies') + 4], 'fluency/grammar', 'minor', 'M:DET'),
    finding('f-thetake', 0, 'replace', at(mt, 'theTake.'), at(corrected, 'NATO.'), 'accuracy/mistranslation', 'critical', 'R:MERGE'),
    finding('f-scale', 1, 'replace', at(mt, 'large -scale'), at(corrected, 'large-scale'), 'fluency/punctuation', 'minor', 'R:SPLIT'),
  ];
  const nl = mt.indexOf('\n');
  const cnl = corrected.indexOf('\n');
  const metrics = { ter: 30, hter: 0.3, chrf: 70, chrfpp: 68, bleu: 40 };
  return {
    id: 'fixture',
    mt: { path: 'fixture/mt.txt', text: mt },
    corrected: { path: 'fixture/corrected.txt', text: corrected },
    segments: [
      { id: 0, mt: { start: 0, end: nl }, corrected: { start: 0, end: cnl }, metrics },
      { id: 1, mt: { start: nl + 1, end: mt.length }, corrected: { start: cnl + 1, end: corrected.length }, metrics },
    ],
    findings,
    metrics: {
      ...metrics,
      mqm: { preset: 'mqm-core', penalty: 32, words: 12, perThousand: 2666.67, score: -166.67, threshold: 95, pass: false },
      signatures: {},
    },
  };
}
