// `tqa agreement`: two raters' JSON reports of the same audit of the seed, decisions set by hand on four findings.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDocument, makeReport, readDocumentDir } from '../../src/audit.js';
import type { Decision, Report } from '../../src/model.js';
import { formatReport } from '../../src/report/index.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../cli/run-cli.js';

const SEED = new URL('../../texts/ukraine-security-guarantees', import.meta.url).pathname;

/** The real `tqa` program in process (tests/cli/run-cli.ts). */
const tqa = async (...args: string[]) => {
  const r = await runCli(args);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
};

describe('tqa agreement', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tqa-agreement-'));
    const base = makeReport([auditDocument(readDocumentDir(SEED))]);
    const byText = (t: string) => base.documents[0]!.findings.find((f) => f.mt.text === t)!.id;
    const rater = (name: string, decisions: Record<string, Decision['status']>): Report => ({
      ...base,
      documents: base.documents.map((d) => ({
        ...d,
        findings: d.findings.map((f) => {
          const text = Object.keys(decisions).find((t) => byText(t) === f.id);
          return text ? { ...f, decision: { status: decisions[text]!, reviewer: name } } : f;
        }),
      })),
    });
    // ana: accepts Volodyr, theTake, coalition of volunteers; rejects "large -scale". ben: also rejects theTake.
    writeFileSync(join(dir, 'ana.json'), formatReport(rater('ana', { Volodyr: 'accepted', theTake: 'accepted', 'large -scale': 'rejected', 'coalition of volunteers': 'accepted' }), 'json'));
    writeFileSync(join(dir, 'ben.json'), formatReport(rater('ben', { Volodyr: 'accepted', theTake: 'rejected', 'large -scale': 'rejected', 'coalition of volunteers': 'accepted' }), 'json'));
    // The same decisions made on the review server: one database, the audit report once; a lead's resolution
    // on theTake is no third rating.
    writeFileSync(join(dir, 'audit.json'), formatReport(base, 'json'));
    const store = openStore(join(dir, 'review.db'));
    const id = base.documents[0]!.id;
    for (const [who, list] of [['ana', ['accepted', 'accepted', 'rejected', 'accepted']], ['ben', ['accepted', 'rejected', 'rejected', 'accepted']]] as const) {
      ['Volodyr', 'theTake', 'large -scale', 'coalition of volunteers'].forEach((t, i) => store.decide(id, byText(t), { status: list[i]! }, who));
    }
    store.decide(id, byText('theTake'), { status: 'accepted' }, 'lea', undefined, { arbitrate: true });
    store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // By hand: 4 findings decided by both; they agree on 3 (p_o = 0.75). Category labels: ana (name, mistranslation,
  // rejected, wrong-term), ben (name, rejected, rejected, wrong-term): p_e = 1/4·1/4 + 1/4·2/4 + 1/4·1/4 = 0.25,
  // Cohen's κ = (0.75 − 0.25) / 0.75 = 0.667. Fleiss' κ (for two raters, Scott's π) pools the 8 labels: name 2,
  // mistranslation 1, rejected 3, wrong-term 2: P̄_e = (4 + 1 + 9 + 4) / 64 = 0.28125, P̄ = 0.75,
  // κ = (0.75 − 0.28125) / (1 − 0.28125) = 0.652.
  it('prints the raters (named by their decisions), per-finding agreement and the kappas', async () => {
    const r = await tqa('agreement', join(dir, 'ana.json'), join(dir, 'ben.json'));
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('raters: ana (ana.json), ben (ben.json)');
    expect(lines[1]).toBe('document ukraine-security-guarantees: 4 findings decided by every rater');
    expect(lines[2]).toBe('  per-finding agreement 0.750');
    expect(lines[3]).toBe("  category: Cohen's kappa 0.667 (observed 0.750, chance 0.250), Fleiss' kappa 0.652");
  });

  it('writes JSON with the per-finding labels; --names renames the raters', async () => {
    const r = await tqa('agreement', join(dir, 'ana.json'), join(dir, 'ben.json'), '--format', 'json', '--names', 'A,B');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { raters: string[]; documents: Array<{ findings: Array<{ labels: Record<string, string>; agreement: number }> }> };
    expect(j.raters).toEqual(['A', 'B']);
    expect(j.documents[0]!.findings.filter((f) => f.agreement === 0).map((f) => f.labels.B)).toEqual(['rejected']);
  });

  it('refuses one report, and mismatched --names, with one line', async () => {
    expect((await tqa('agreement', join(dir, 'ana.json'))).stderr).toBe('tqa: agreement: give at least two reports (one per rater), got 1\n');
    expect((await tqa('agreement', join(dir, 'ana.json'), join(dir, 'ben.json'), '--names', 'A')).stderr).toBe('tqa: agreement: --names gives 1 names for 2 reports\n');
  });

  it('reads the raters from a review database (--db) with one audit report: the same statistics', async () => {
    const r = await tqa('agreement', '--db', join(dir, 'review.db'), join(dir, 'audit.json'));
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('document ukraine-security-guarantees: raters ana, ben');
    expect(lines[1]).toBe('  4 findings decided by every rater');
    expect(lines[2]).toBe('  per-finding agreement 0.750');
    expect(lines[3]).toBe("  category: Cohen's kappa 0.667 (observed 0.750, chance 0.250), Fleiss' kappa 0.652");
    expect((await tqa('agreement', '--db', join(dir, 'review.db'), join(dir, 'audit.json'), join(dir, 'ana.json'))).stderr).toBe('tqa: agreement: with --db give one audit report (the raters come from the database), got 2\n');
    expect((await tqa('agreement', '--db', join(dir, 'none.db'), join(dir, 'audit.json'))).stderr).toBe(`tqa: ${join(dir, 'none.db')}: no such decisions database\n`);
  });
});
