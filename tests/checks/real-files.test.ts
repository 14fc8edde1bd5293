// The unit checks on real shipped files (tests/fixtures/checks/real/, sources and licences in README.md there):
// the defects named in issue 8 are caught where they are in those files, and clean shipped translations stay
// quiet (the figures per 1000 words are in the test names' output and in docs/checks.md).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocalized } from '../../src/io/formats/index.js';
import { LineIndex } from '../../src/io/lines.js';
import { unitCheckFindings } from '../../src/checks/unit-input.js';
import { countWords } from '../../src/metrics/index.js';
import type { Finding } from '../../src/model.js';

const REAL = new URL('../fixtures/checks/real/', import.meta.url).pathname;

/** The unit checks' findings on a real file, each with its line in that file. */
function check(name: string): { findings: Array<Finding & { fileLine: number }>; words: number } {
  const li = readLocalized({ mt: join(REAL, name) }, { mtOnly: true });
  const findings = unitCheckFindings(li.mt.text, li.source?.text, li);
  const index = new LineIndex(li.mtFile.text);
  const fileLine = (f: Finding) => index.position(li.mt.map[Math.min(f.mt.start, li.mt.map.length - 1)]!).line;
  return { findings: findings.map((f) => ({ ...f, fileLine: fileLine(f) })), words: countWords(li.mt.text) };
}

describe('real defects in real files', () => {
  const git = check('git-de.po');

  it("git's German: a %s added where the printf call has no argument (po/de.po:7578)", () => {
    const f = git.findings.filter((x) => x.rule === 'check/format-string');
    expect(f.map((x) => `${x.fileLine} ${x.mt.text} ${x.message}`)).toContain('7578 %s placeholder "%s" is not in the source');
  });

  it("ORCID's French: stray \\: escapes in two targets", () => {
    const orcid = check('orcid-angular-messages.fr.excerpt.xlf');
    const f = orcid.findings.filter((x) => x.rule === 'check/escapes');
    expect(f.map((x) => x.mt.text)).toEqual(['\\:', '\\:']);
    // A target "." for the source "ORCID record." (its words lost, only punctuation left).
    expect(orcid.findings.some((x) => x.rule === 'check/empty-target' && x.message.includes('only tags or placeholders'))).toBe(true);
  });

  it("Symfony's Russian and Japanese validators: English targets left unchanged (state needs-translation)", () => {
    for (const name of ['symfony-validators.ru.xlf', 'symfony-validators.ja.xlf']) {
      const f = check(name).findings.filter((x) => x.rule === 'check/unchanged');
      expect(f.map((x) => x.mt.text)).toEqual(['This value does not represent a valid week in the ISO 8601 format.', 'This value is not a valid week.']);
      expect(f[0]!.severity).toBe('major');
    }
  });
});

describe('noise on clean shipped translations', () => {
  // Figures measured on these files (unit checks only; the text checks are pack-dependent, see docs/checks.md).
  const clean = ['symfony-validators.de.xlf', 'symfony-validators.fr.xlf', 'symfony-validators.es.xlf', 'symfony-security.de.xlf'];
  it.each(clean)('%s: no major unit finding, at most 2 findings per 1000 words', (name) => {
    const { findings, words } = check(name);
    expect(findings.filter((f) => f.severity === 'major' || f.severity === 'critical').map((f) => `${f.rule} ${f.fileLine} ${f.message}`)).toEqual([]);
    expect((1000 * findings.length) / words).toBeLessThanOrEqual(2);
  });

  it("git's German (a large, mature catalogue): majors are only the real placeholder defects; under 2 findings per 1000 words", () => {
    const { findings, words } = git_();
    const majors = findings.filter((f) => f.severity === 'major');
    for (const f of majors) expect(f.rule).toMatch(/^check\/(format-string|newlines|edge-spaces)$/);
    expect((1000 * findings.length) / words).toBeLessThanOrEqual(2);
  });
});

let gitCache: ReturnType<typeof check> | undefined;
function git_() {
  return (gitCache ??= check('git-de.po'));
}
