import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SEED = 'texts/ukraine-security-guarantees';

describe('--target-lang / --source-lang', () => {
  it('refuse what is not a BCP 47 tag with one line, exit 2', async () => {
    for (const [flag, value] of [['--target-lang', 'german!'], ['--source-lang', 'en us']] as const) {
      const r = await runCli(['audit', `${SEED}/mt.txt`, `${SEED}/corrected.txt`, flag, value], ROOT);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`tqa: ${flag}: "${value}" is not a BCP 47 language tag (e.g. de, fr-CA, zh-Hans)\n`);
    }
  });

  it('take a tag in any case and report it canonical', async () => {
    const r = await runCli(['audit', `${SEED}/mt.txt`, `${SEED}/corrected.txt`, '--target-lang', 'EN-gb', '--format', 'json'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).documents[0].language).toMatchObject({ target: 'en-GB', decidedBy: 'option', pack: { code: 'en' } });
  });
});
