// The one severity policy (src/classify/severity.ts) as the rules apply it, after a post-editor and against an
// independent reference, on sentences of the kind the bundled texts have (no MQM benchmark data: that stays in
// ../shared). And the numbers rule's source check: an MT number that is the source's is not an error of the MT.
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../src/audit.js';
import type { CorrectedKind, Finding } from '../../src/model.js';

function findings(mt: string, corrected: string, opts: { kind?: CorrectedKind; lang?: string; source?: string; sourceLang?: string } = {}): Finding[] {
  const lang = opts.lang ?? 'en';
  return auditDocument(
    {
      mt: { path: 'mt.txt', text: mt },
      corrected: { path: 'corrected.txt', text: corrected },
      ...(opts.source !== undefined ? { source: { path: 'source.txt', text: opts.source } } : {}),
    },
    {
      segmentation: 'lines',
      lang,
      targetLang: lang,
      ...(opts.sourceLang ? { sourceLang: opts.sourceLang } : {}),
      ...(opts.kind ? { correctedKind: opts.kind } : {}),
    } as Parameters<typeof auditDocument>[1],
  ).findings;
}

const only = (fs: Finding[]) => {
  expect(fs).toHaveLength(1);
  return fs[0]!;
};

describe('severity policy: effects and the kind of corrected text', () => {
  it('a punctuation difference is surface: minor after a post-editor and against a reference', () => {
    for (const kind of ['post-edit', 'reference'] as const) {
      const f = only(findings('However the talks continued on Tuesday.', 'However, the talks continued on Tuesday.', { kind }));
      expect([f.rule, f.category, f.severity]).toEqual(['punctuation', 'fluency/punctuation', 'minor']);
    }
  });

  it('a wrong preposition is structure: minor in both modes (not major against a reference)', () => {
    for (const kind of ['post-edit', 'reference'] as const) {
      const f = only(findings('The leaders met in Monday to discuss the plan.', 'The leaders met on Monday to discuss the plan.', { kind }));
      expect([f.rule, f.category, f.severity]).toEqual(['en/grammar', 'fluency/grammar', 'minor']);
    }
  });

  it('a German replaced word the pack cannot judge is minor in both modes (lang/wording, unjudged)', () => {
    for (const kind of ['post-edit', 'reference'] as const) {
      const f = findings('Der Vertrag wird morgen unterzeichnet.', 'Der Vertrag ist morgen unterzeichnet.', { kind, lang: 'de' }).find((x) => x.rule === 'lang/wording');
      expect(f, kind).toBeDefined();
      expect([f!.category, f!.severity]).toEqual(['accuracy/mistranslation', 'minor']);
    }
  });
});

describe('numbers: the source decides whose number is right', () => {
  const mt = 'The city now has 250,000 inhabitants.';
  const ref = 'The city now has 25,000 inhabitants.';
  it('without a source, a changed number is a major mistranslation', () => {
    const f = only(findings(mt, ref, { kind: 'reference' }));
    expect([f.rule, f.category, f.severity]).toEqual(['numbers', 'accuracy/mistranslation', 'major']);
  });
  it('the MT keeps the source’s 25万 (= 250,000): no error of the MT against a reference, minor after a post-editor', () => {
    const source = '这座城市现在有25万居民。';
    const r = only(findings(mt, ref, { kind: 'reference', source, sourceLang: 'zh' }));
    expect([r.rule, r.category, r.severity]).toEqual(['numbers', 'locale-convention/number', 'neutral']);
    expect(r.message).toMatch(/source's number/);
    const p = only(findings(mt, ref, { source, sourceLang: 'zh' }));
    expect([p.rule, p.severity]).toEqual(['numbers', 'minor']);
  });
  it('the MT’s number is not the source’s: still a major mistranslation', () => {
    const f = only(findings(ref, mt, { kind: 'reference', source: '这座城市现在有25万居民。', sourceLang: 'zh' }));
    expect([f.rule, f.category, f.severity]).toEqual(['numbers', 'accuracy/mistranslation', 'major']);
  });
});
