import { afterAll, describe, expect, it } from 'vitest';
import { auditDocument } from '../../src/audit.js';
import { auditFiles } from '../../src/audit-files.js';
import { InputError } from '../../src/io/errors.js';
import { MAX_JOBS, parseJobs, WorkerPool, type TaskProgress } from '../../src/workers/pool.js';

const SEED = 'texts/ukraine-security-guarantees';

/** A line-aligned pair big enough that auditing it takes a while and reports progress many times. */
function bigPair(lines: number): { mt: string; corrected: string } {
  const mt: string[] = [];
  const corrected: string[] = [];
  for (let i = 0; i < lines; i++) {
    mt.push(`The committee have discussed the the proposal number ${i} on monday and agreed it.`);
    corrected.push(`The committee has discussed proposal number ${i} on Monday and approved it.`);
  }
  return { mt: mt.join('\n'), corrected: corrected.join('\n') };
}

const pools: WorkerPool[] = [];
const pool = (size: number): WorkerPool => {
  const p = new WorkerPool({ size });
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});
// One pool of two workers for the tests that do not stop workers (each worker start loads the whole engine).
const shared = pool(2);

describe('WorkerPool', () => {
  it('audits files in a worker exactly as in process, reporting every stage', async () => {
    const progress: TaskProgress[] = [];
    const flags = { glossary: `${SEED}/glossary.tsv` };
    const doc = await shared.run('audit-files', { mt: `${SEED}/mt.txt`, corrected: `${SEED}/corrected.txt`, flags }, { onProgress: (p) => progress.push(p) });
    expect(doc).toEqual(auditFiles(`${SEED}/mt.txt`, `${SEED}/corrected.txt`, flags));
    expect(doc.findings.length).toBeGreaterThan(10);
    for (const stage of ['align', 'edits', 'classify', 'score'] as const) {
      const last = progress.filter((p) => p.stage === stage).at(-1);
      expect(last, stage).toBeDefined();
      expect(last!.done).toBe(last!.total);
    }
  });

  it('passes an InputError back as an InputError (one line for the CLI, a 4xx for the web)', async () => {
    const err = await shared.run('audit-files', { mt: 'no/such/mt.txt', corrected: 'no/such/pe.txt', flags: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain('no/such/mt.txt');
  });

  it('queues tasks beyond its size and runs them all, never more than `size` at once', async () => {
    const p = shared;
    const inputs = [0, 1, 2, 3, 4].map((i) => ({
      mt: { path: `mt${i}.txt`, text: `Line ${i} have a error.\nSecond line ${i}.` },
      corrected: { path: `pe${i}.txt`, text: `Line ${i} has an error.\nThe second line ${i}.` },
    }));
    let most = 0;
    const runs = inputs.map((input) => p.run('audit-document', { input, options: { segmentation: 'lines' } }, { onProgress: () => (most = Math.max(most, p.running)) }));
    expect(p.running).toBe(2);
    expect(p.queued).toBe(3);
    const docs = await Promise.all(runs);
    expect(docs).toEqual(inputs.map((input) => auditDocument(input, { segmentation: 'lines' })));
    expect(most).toBeLessThanOrEqual(2);
    expect(p.running).toBe(0);
    expect(p.queued).toBe(0);
  });

  it('cancels a running task (its worker is replaced) and a queued one', async () => {
    const p = pool(1);
    const { mt, corrected } = bigPair(2000);
    const input = { mt: { path: 'mt.txt', text: mt }, corrected: { path: 'pe.txt', text: corrected } };
    const running = new AbortController();
    const queued = new AbortController();
    let firstClassify = false;
    const first = p.run('audit-document', { input, options: { segmentation: 'lines' } }, {
      signal: running.signal,
      onProgress: (pr) => {
        if (pr.stage === 'classify' && !firstClassify) {
          firstClassify = true;
          running.abort();
        }
      },
    });
    const second = p.run('audit-document', { input, options: { segmentation: 'lines' } }, { signal: queued.signal });
    const small = { mt: { path: 'a', text: 'One cat.' }, corrected: { path: 'b', text: 'One dog.' } };
    const third = p.run('audit-document', { input: small });
    queued.abort(new Error('not wanted any more'));
    await expect(second).rejects.toThrow('not wanted any more');
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(firstClassify).toBe(true);
    // The pool goes on with a fresh worker.
    expect(await third).toEqual(auditDocument(small));
    expect(p.running).toBe(0);
  });

  it('rejects an already aborted signal, and everything after close', async () => {
    const p = new WorkerPool({ size: 1 });
    const small = { mt: { path: 'a', text: 'One cat.' }, corrected: { path: 'b', text: 'One dog.' } };
    await expect(p.run('audit-document', { input: small }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    const a = p.run('audit-document', { input: small }).catch((e: unknown) => e);
    const b = p.run('audit-document', { input: small }).catch((e: unknown) => e);
    await p.close();
    expect(await a).toMatchObject({ message: expect.stringContaining('closed') });
    expect(await b).toMatchObject({ message: expect.stringContaining('closed') });
    await expect(p.run('audit-document', { input: small })).rejects.toThrow('closed');
  });

  it('kills a worker that outgrows its heap limit and says so', async () => {
    const p = new WorkerPool({ size: 1, maxHeapMb: 16 });
    pools.push(p);
    const { mt, corrected } = bigPair(20000);
    const err = await p.run('audit-document', { input: { mt: { path: 'mt', text: mt }, corrected: { path: 'pe', text: corrected } }, options: { segmentation: 'lines' } }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/audit worker failed: .*memory/i);
  });
});

describe('parseJobs', () => {
  it('takes a whole number from 1 to MAX_JOBS', () => {
    expect(parseJobs('3')).toBe(3);
    expect(parseJobs(String(MAX_JOBS))).toBe(MAX_JOBS);
  });
  it.each(['0', '-1', '2.5', 'two', '', String(MAX_JOBS + 1)])('refuses %j naming the limit', (v) => {
    expect(() => parseJobs(v)).toThrow(InputError);
    expect(() => parseJobs(v)).toThrow(`from 1 to ${MAX_JOBS}`);
  });
});
