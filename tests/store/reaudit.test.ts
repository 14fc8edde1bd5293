// Decisions are keyed by the finding's content fingerprint: they must survive a re-audit of edited files, and
// a decision whose finding vanished must be reported as an orphan, not lost.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyDecisions, auditDocument } from '../../src/audit.js';
import type { Finding } from '../../src/model.js';
import { openStore, type Store } from '../../src/store/index.js';

const SEED = join(import.meta.dirname, '..', '..', 'texts', 'ukraine-security-guarantees');
const mt = readFileSync(join(SEED, 'mt.txt'), 'utf8');
const corrected = readFileSync(join(SEED, 'corrected.txt'), 'utf8');
const audit = (m: string, c: string) => auditDocument({ id: 'seed', mt: { path: 'mt.txt', text: m }, corrected: { path: 'corrected.txt', text: c } });
const on = (fs: Finding[], text: string) => fs.find((f) => f.mt.text.includes(text))!;

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tqa-reaudit-'));
  store = openStore(join(dir, 'tqa.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps decisions across a re-audit of edited texts and reports vanished findings as orphans', () => {
  const first = audit(mt, corrected);
  const volodyr = on(first.findings, 'Volodyr');
  const thetake = on(first.findings, 'theTake');
  store.decide('seed', volodyr.id, { status: 'accepted' }, 'ana');
  store.decide('seed', thetake.id, { status: 'rejected', comment: 'NATO' }, 'ana');

  // Lines added before the findings and "theTake" fixed in the MT: offsets and line numbers all move.
  const intro = 'An introductory sentence that was added later.\n';
  const second = audit(intro + mt.replace('theTake', 'NATO'), intro + corrected);
  const moved = on(second.findings, 'Volodyr');
  expect(moved.id).toBe(volodyr.id);
  expect(moved.mt.start).toBe(volodyr.mt.start + intro.length);
  expect(second.findings.some((f) => f.id === thetake.id)).toBe(false);

  const reviewed = applyDecisions(second, store.decisions('seed'));
  expect(reviewed.findings.find((f) => f.id === volodyr.id)?.decision).toMatchObject({ status: 'accepted', reviewer: 'ana' });
  const orphans = store.orphans('seed', second.findings.map((f) => f.id));
  expect(orphans.map((o) => [o.findingId, o.status, o.comment])).toEqual([[thetake.id, 'rejected', 'NATO']]);
  expect(store.history('seed', thetake.id)).toHaveLength(2);
});

it('a rejected finding leaves the MQM-based score; recategorising changes its weight', () => {
  const doc = audit(mt, corrected);
  const thetake = on(doc.findings, 'theTake');
  const base = applyDecisions(doc, store.decisions('seed')).metrics.mqm;
  store.decide('seed', thetake.id, { status: 'rejected' }, 'ana');
  const rejected = applyDecisions(doc, store.decisions('seed')).metrics.mqm;
  expect(rejected.penalty).toBeLessThan(base.penalty);
  store.decide('seed', thetake.id, { status: 'accepted', severity: 'critical' }, 'ana');
  const critical = applyDecisions(doc, store.decisions('seed')).metrics.mqm;
  expect(critical.penalty).toBeGreaterThan(base.penalty);
  expect(critical.pass).toBe(false);
});
