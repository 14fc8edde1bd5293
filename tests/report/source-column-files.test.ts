import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { runCli } from '../cli/run-cli.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const MT = 'tests/fixtures/formats/xliff12-mt.xlf';
const CORRECTED = 'tests/fixtures/formats/xliff12-corrected.xlf';

// A localization file carries its source in every unit: the client's CSV and Markdown show it per finding, as
// they do for plain text with a source file (the located formats once replaced it with the raw XLIFF text).
describe('the source column of reports on localization files', () => {
  it('CSV: each finding has its own unit\'s <source> text', async () => {
    const r = await runCli(['audit', MT, CORRECTED, '--format', 'csv'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    const met = rows.find((row) => row.mt === 'gathered');
    expect(met?.source).toBe('Les dirigeants se sont réunis lundi.');
    expect(rows.every((row) => !(row.source ?? '').includes('<trans-unit'))).toBe(true);
  });

  it('Markdown: the table has the unit\'s source, not XLIFF markup', async () => {
    const r = await runCli(['audit', MT, CORRECTED, '--format', 'md'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('| Les dirigeants se sont réunis lundi. |');
    expect(r.stdout).not.toContain('&lt;trans-unit');
  });
});
