// src/lang/detect.ts reads eld's n-gram table as text instead of importing its 1.6 MB object literal; the answers
// must stay eld's own: every entry equals the module's, and eld/small's own detector agrees on real texts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLanguage, eldNgramsPath, readNgrams } from '../../src/lang/detect.js';

const require = createRequire(import.meta.url);
type Table = { type: string; languages: Record<number, string>; ngrams: Record<string, Record<number, number>> };
const module = (require(eldNgramsPath()) as { ngramsData: Table }).ngramsData;
const read = readNgrams(readFileSync(eldNgramsPath(), 'utf8'));

describe('eld n-gram table read as text', () => {
  it('has the module’s type and languages', () => {
    expect(read.type).toBe(module.type);
    expect(read.languages).toEqual(module.languages);
  });

  it('answers every one of the module’s n-grams with the same scores, in the same order', () => {
    const keys = Object.keys(module.ngrams);
    expect(keys.length).toBeGreaterThan(80_000);
    let differ = 0;
    for (const k of keys) {
      const a = module.ngrams[k]!;
      const b = read.ngrams[k];
      if (!b || JSON.stringify(Object.entries(a)) !== JSON.stringify(Object.entries(b))) differ++;
    }
    expect(differ).toBe(0);
    // Keys with the literal's escapes and unquoted keys are among them.
    expect(keys.some((k) => k.includes("'"))).toBe(true);
    expect(read.ngrams['L_QL']).toEqual(module.ngrams['L_QL']);
  });

  it('knows nothing the module does not know', () => {
    for (const k of ['zzzz', ' qx', 'constructor', '__proto__', 'toString']) expect(read.ngrams[k]).toBeUndefined();
  });

  it('detects as eld/small itself does on real text of several languages', () => {
    const eld = (require(fileURLToPath(import.meta.resolve('eld/small'))) as { eld: { detect(t: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean } } }).eld;
    const fixtures = new URL('../fixtures/', import.meta.url);
    const texts = [
      readFileSync(new URL('mlqe-pe/en-de-dev/dev.pe', fixtures), 'utf8'),
      readFileSync(new URL('mlqe-pe/en-de-dev/dev.src', fixtures), 'utf8'),
      readFileSync(new URL('mlqe-pe/ro-en-dev/dev.src', fixtures), 'utf8'),
      readFileSync(new URL('mlqe-pe/et-en-dev/dev.src', fixtures), 'utf8'),
      readFileSync(new URL('checks/real/symfony-validators.ru.xlf', fixtures), 'utf8'),
      readFileSync(new URL('checks/real/symfony-validators.fr.xlf', fixtures), 'utf8'),
    ];
    const seen = new Set<string>();
    for (const text of texts) {
      for (const at of [0, 3000, 9000]) {
        const sample = text.slice(at, at + 20_000);
        const r = eld.detect(sample);
        const expected = r.language && r.isReliable() ? r.language : undefined;
        const score = expected ? Math.round(Math.min(1, Math.max(0, r.getScores()[expected] ?? 0)) * 1000) / 1000 : undefined;
        const got = detectLanguage(sample);
        expect(got?.code).toBe(expected);
        expect(got?.confidence).toBe(score);
        if (got) seen.add(got.code);
      }
    }
    expect([...seen].sort()).toEqual(['de', 'en', 'et', 'ro', 'ru']);
  });
});
