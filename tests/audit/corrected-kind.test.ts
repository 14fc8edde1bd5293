// --corrected-kind: the CLI flag reaches the audit, lands on the report, and is refused when it is not a kind.
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const T = 'texts/ukraine-security-guarantees';

describe('tqa audit --corrected-kind', () => {
  it('reference: the report says so, and meaning-preserving findings are neutral', async () => {
    const ref = await runCli(['audit', `${T}/mt.txt`, `${T}/corrected.txt`, '--corrected-kind', 'reference', '--format', 'json', '--no-progress']);
    expect(ref.code).toBe(0);
    const doc = JSON.parse(ref.stdout).documents[0];
    expect(doc.correctedKind).toBe('reference');
    const staffing = doc.findings.find((f: { mt: { text: string } }) => f.mt.text.trim() === 'staff provision');
    expect(staffing.severity).toBe('neutral');
    const pe = await runCli(['audit', `${T}/mt.txt`, `${T}/corrected.txt`, '--format', 'json', '--no-progress']);
    expect(JSON.parse(pe.stdout).documents[0].correctedKind).toBeUndefined();
  });
  it('anything else is a usage error (exit 2, one line naming the choices)', async () => {
    const r = await runCli(['audit', `${T}/mt.txt`, `${T}/corrected.txt`, '--corrected-kind', 'translation']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/post-edit, reference/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
