import { describe, expect, it } from 'vitest';
import { isRejected } from '../../src/report/effective.js';
import { esc, formatHtml } from '../../src/report/html.js';
import { sampleReport } from '../fixtures/report/sample-report.js';

describe('html export', () => {
  const report = sampleReport();
  const html = formatHtml(report, { gate: { pass: false, lines: ['score <95> & "fail"'] } });

  it('is one self-contained document: no script, no external src/href, no event handlers, a CSP that forbids them', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|iframe|img|object|embed|base|form)\b/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    const refs = [...html.matchAll(/\s(?:src|href|xlink:href|action)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r.startsWith('#')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).toMatch(/<style>[\s\S]*@media print/);
  });

  it('escapes the MT text: a <script> in it comes out as inert text', () => {
    expect(html).toContain(esc('He wrote '));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;&quot;bold&quot;&lt;/b&gt;');
    expect(html).toContain('hostile, &quot;quoted&quot; &lt;doc&gt;');
    expect(html).toContain('score &lt;95&gt; &amp; &quot;fail&quot;');
  });

  it('marks every kept finding in the text, links it to its table row, and lists rejected ones apart', () => {
    for (const [i, d] of report.documents.entries()) {
      const section = html.split('<section class="document">')[i + 1]!;
      const kept = d.findings.filter((f) => !isRejected(f));
      expect(section.match(/<span class="f sev-/g) ?? []).toHaveLength(kept.length);
      for (let n = 1; n <= kept.length; n++) {
        expect(section).toContain(`<a href="#d${i}-f${n}">${n}</a>`);
        expect(section).toContain(`<tr id="d${i}-f${n}">`);
      }
      const rejected = d.findings.filter(isRejected).length;
      if (rejected) expect(section).toContain(`Rejected by reviewers (${rejected})`);
      expect(section.match(/<tr class="rejected">/g) ?? []).toHaveLength(rejected);
    }
    expect(html).toContain('<del>Volodyr</del><ins>Volodymyr</ins>');
    // A long-distance move: inserted where the phrase goes, struck through where it was.
    expect(html).toMatch(/that the <span class="moved"[^>]*><ins>remarkable <\/ins><\/span>absence<span class="f sev-minor"[^>]*><del> remarkable<\/del>/);
  });

  it('draws the charts as inline SVG with the category counts', () => {
    const svgs = html.match(/<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/g) ?? [];
    expect(svgs).toHaveLength(4); // per document: categories, severities
    // Document 1: "safety" stays terminology/wrong-term; "coalition of volunteers" was recategorised by a reviewer.
    expect(html).toContain('<title>terminology/wrong-term: 1 major</title>');
    expect(html).toContain('<title>terminology/inconsistent: 1 minor</title>');
    expect(html).toContain('<title>1 critical</title>'); // per document: theTake; ":: fake"
    expect(html).toContain('<title>2 major</title>'); // Volodyr, safety (coalition became minor); the tag, a%0Aline
    expect(html).not.toContain('<title>3 major</title>');
  });

  it('shows the gate verdict', () => {
    expect(html).toContain('<section class="gate fail"><strong>Gate: failed</strong>');
    expect(formatHtml(report)).not.toContain('class="gate');
  });
});
