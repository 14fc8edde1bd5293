// Several raters on one document: each rater's own decisions replayed from the history (the decisions table holds
// only the final one), a lead's resolution as the final decision that later ratings do not overwrite, and
// disagreements on category or severity as well as on status. Against a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tqa-raters-'));
  store = openStore(join(dir, 'tqa.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const own = (rater: string, id: string) => {
  const d = store.raterDecisions('doc').get(rater)?.get(id);
  return d && { status: d.status, category: d.category, severity: d.severity, comment: d.comment };
};

describe('per-rater decisions', () => {
  it('keeps each rater’s latest status, overrides and comment, while the table keeps the last writer', () => {
    store.decide('doc', 'f1', { status: 'accepted', category: 'fluency/grammar' }, 'ana');
    store.decide('doc', 'f1', { severity: 'critical', comment: 'wrong verb' }, 'ana');
    store.decide('doc', 'f1', { status: 'rejected' }, 'ben');
    store.decide('doc', 'f2', { status: 'rejected' }, 'ana');
    store.decide('doc', 'f2', { status: 'open' }, 'ana'); // reopened: undecided again
    store.decide('doc', 'f3', { status: 'accepted', category: 'style/awkward' }, 'ben');
    store.decide('doc', 'f3', { category: null }, 'ben'); // back to the category as found
    expect(own('ana', 'f1')).toEqual({ status: 'accepted', category: 'fluency/grammar', severity: 'critical', comment: 'wrong verb' });
    expect(own('ben', 'f1')).toEqual({ status: 'rejected', category: undefined, severity: undefined, comment: undefined });
    expect(own('ana', 'f2')?.status).toBe('open');
    expect(own('ben', 'f3')).toEqual({ status: 'accepted', category: undefined, severity: undefined, comment: undefined });
    expect(own('ana', 'f3')).toBeUndefined();
    expect([...store.raterDecisions('doc').keys()].sort()).toEqual(['ana', 'ben']);
    // The final decision is the last writer's, overrides merged across writers as before.
    expect(store.decisions('doc').get('f1')).toMatchObject({ status: 'rejected', reviewer: 'ben', category: 'fluency/grammar' });
  });

  it('counts bulk decisions as the rater’s own', () => {
    store.decideMany('doc', [{ findingId: 'a' }, { findingId: 'b' }], { status: 'rejected' }, 'cem');
    expect(own('cem', 'a')?.status).toBe('rejected');
    expect(own('cem', 'b')?.status).toBe('rejected');
  });
});

describe('resolutions', () => {
  it('makes the lead’s resolution final: later ratings are the raters’ own, and only a new resolution changes it', () => {
    store.decide('doc', 'f1', { status: 'accepted' }, 'ana');
    store.decide('doc', 'f1', { status: 'rejected' }, 'ben');
    store.decide('doc', 'f1', { status: 'accepted' }, 'lea', undefined, { arbitrate: true });
    expect(store.resolutions('doc').get('f1')).toMatchObject({ by: 'lea', status: 'accepted' });
    // The resolution is not a rating: lea is no rater of f1.
    expect(store.raterDecisions('doc').has('lea')).toBe(false);
    expect(store.decisions('doc').get('f1')).toMatchObject({ status: 'accepted', reviewer: 'lea' });

    const d = store.decide('doc', 'f1', { status: 'rejected', comment: 'still wrong' }, 'ana');
    expect(d).toMatchObject({ status: 'accepted', reviewer: 'lea' });
    expect(store.decisions('doc').get('f1')).toMatchObject({ status: 'accepted', reviewer: 'lea' });
    expect(own('ana', 'f1')).toMatchObject({ status: 'rejected', comment: 'still wrong' });
    expect(store.history('doc', 'f1').map((h) => `${h.reviewer}:${h.field}:${h.to}`)).toEqual([
      'ana:status:accepted',
      'ben:status:rejected',
      'lea:status:accepted',
      'lea:arbitration:accepted',
      'ana:status:rejected',
      'ana:comment:still wrong',
    ]);
    // Since the resolution only ana has rated: nothing to settle; the resolution stands until the lead resolves again.
    expect(store.disagreements('doc')).toEqual([]);
    store.decide('doc', 'f1', { status: 'rejected' }, 'lea', undefined, { arbitrate: true });
    expect(store.decisions('doc').get('f1')).toMatchObject({ status: 'rejected', reviewer: 'lea' });
    expect(store.resolutions('doc').get('f1')?.status).toBe('rejected');
  });

  it('a lead who also rates keeps that rating apart from the resolution', () => {
    store.decide('doc', 'f1', { status: 'rejected' }, 'lea'); // lea rating, as a rater
    store.decide('doc', 'f1', { status: 'accepted' }, 'ana');
    store.decide('doc', 'f1', { status: 'accepted' }, 'lea', undefined, { arbitrate: true });
    expect(own('lea', 'f1')?.status).toBe('rejected');
    expect(store.decisions('doc').get('f1')?.status).toBe('accepted');
  });
});

describe('disagreements on labels', () => {
  it('lists two acceptances with different categories or severities, not two equal ones', () => {
    store.decide('doc', 'f1', { status: 'accepted', category: 'fluency/grammar' }, 'ana');
    store.decide('doc', 'f1', { status: 'accepted' }, 'ben');
    store.decide('doc', 'f2', { status: 'accepted', severity: 'major' }, 'ana');
    store.decide('doc', 'f2', { status: 'accepted', severity: 'major' }, 'ben');
    store.decide('doc', 'f3', { status: 'accepted', severity: 'minor' }, 'ana');
    store.decide('doc', 'f3', { status: 'accepted', severity: 'critical' }, 'ben');
    const d = store.disagreements('doc');
    expect(d.map((x) => x.findingId)).toEqual(['f1', 'f3']);
    expect(d[0]!.statuses).toEqual([
      expect.objectContaining({ reviewer: 'ana', status: 'accepted', category: 'fluency/grammar' }),
      { reviewer: 'ben', status: 'accepted', at: expect.any(String) },
    ]);
    expect(d[1]!.statuses.map((s) => s.severity)).toEqual(['minor', 'critical']);
  });
});
