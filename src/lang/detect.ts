// Language identification with eld (efficient language detector, n-gram model 'small', loaded on first use).
//
// eld's own entry (eld/small) compiles a 1.6 MB object literal of 81,000 n-grams at import: 0.3–1 s and 46 MB of
// heap, in every process that detects a language once. A detection looks up at most ~130 of them (eld reads the
// first 380 bytes of a text), so the table is read here as text and an entry parsed only when asked for; eld's own
// detector (createEld, its scoring code unchanged) runs on it. Same data, same code: same answers
// (tests/lang/detect-ngrams.test.ts compares every entry with the module's own object).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
interface Eld {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
}
interface NgramsData {
  type: string;
  languages: Record<number, string>;
  ngrams: Record<string, Record<number, number> | undefined>;
}
let eld: Eld | undefined;

/** The most characters looked at: the identifier's answer settles long before, and a 1M-word text stays cheap. */
const SAMPLE = 20_000;

/** The language of a text with the identifier's confidence (its score for that language, 0..1), or undefined
 *  when the text is too short or the identifier is not reliable. */
export function detectLanguage(text: string): { code: string; confidence: number } | undefined {
  const sample = text.slice(0, SAMPLE);
  if (sample.trim().length < 20) return undefined;
  // Han and kana text is told by its script (eld's n-grams miss it in corpora tokenised with spaces): kana means
  // Japanese, Han alone Chinese. The confidence is the script's share of the letters.
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const han = sample.match(/\p{sc=Han}/gu)?.length ?? 0;
  const kana = sample.match(/[\p{sc=Hiragana}\p{sc=Katakana}]/gu)?.length ?? 0;
  if (letters > 0 && (han + kana) / letters > 0.5) {
    return { code: kana / letters > 0.05 ? 'ja' : 'zh', confidence: Math.round(((han + kana) / letters) * 1000) / 1000 };
  }
  eld ??= loadEld();
  const r = eld.detect(sample);
  if (!r.language || !r.isReliable()) return undefined;
  const score = r.getScores()[r.language];
  return { code: r.language, confidence: Math.round(Math.min(1, Math.max(0, score ?? 0)) * 1000) / 1000 };
}

/** eld's package folder (src/): its exports map has only an "import" condition, so resolve the entry as an import. */
function eldSource(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('eld/small'))), '..');
}

/** eld's detector loaded with the 'small' table read lazily. eld ships as ESM only; Node ≥ 20.19 loads it
 *  synchronously with require(). */
function loadEld(): Eld {
  const src = eldSource();
  const { createEld } = require(join(src, 'languageDetector.js')) as {
    createEld(): { instance: Eld; loadData(data: NgramsData): string };
  };
  const { instance, loadData } = createEld();
  loadData(readNgrams(readFileSync(join(src, 'ngrams', 'small.js'), 'utf8')));
  return instance;
}

/** The path of eld's 'small' n-gram module (for the test that compares this reader with the module). */
export function eldNgramsPath(): string {
  return join(eldSource(), 'ngrams', 'small.js');
}

/** Reads eld's n-gram module (`export const ngramsData = {type:'S60',languages:{0:'am',…},…,ngrams:{'key':{59:52},…}}`)
 *  without evaluating it: one pass records where each entry's value starts; a value ({language index: score})
 *  is parsed on its first look-up. Throws on anything else than that shape. */
export function readNgrams(js: string): NgramsData {
  const at = js.indexOf('ngrams:{');
  const head = js.slice(js.indexOf('ngramsData = {'), at);
  const type = /type:'([^']*)'/.exec(head)?.[1];
  const langBlock = /languages:\{([^}]*)\}/.exec(head)?.[1];
  if (at < 0 || type === undefined || langBlock === undefined) throw new Error('eld: unexpected n-gram module');
  const languages: Record<number, string> = {};
  for (const m of langBlock.matchAll(/(\d+):'([^']*)'/g)) languages[Number(m[1])] = m[2]!;

  const where = new Map<string, number>();
  let i = at + 'ngrams:{'.length;
  const fail = (): never => {
    throw new Error(`eld: unexpected n-gram module at ${i}`);
  };
  // From a value's start to the next key (past "},"), or to the table's closing "}".
  const next = (valueStart: number): number => {
    let j = js.indexOf('}', valueStart);
    if (j < 0) fail();
    j++;
    if (js[j] === ',') return j + 1;
    if (js[j] !== '}') fail();
    return j;
  };
  while (js[i] !== '}') {
    if (js[i] !== "'") {
      // An unquoted key: an identifier ("L_QL") or a canonical integer, as the literal writes it.
      const colon = js.indexOf(':', i);
      const key = js.slice(i, colon);
      if (!/^(?:[\p{L}_$][\p{L}\p{N}_$]*|0|[1-9]\d{0,14})$/u.test(key) || js[colon + 1] !== '{') fail();
      where.set(key, colon + 2);
      i = next(colon + 2);
      continue;
    }
    let key = '';
    let k = ++i;
    for (;;) {
      const c = js.charCodeAt(i);
      if (c === 39 /* ' */) break;
      if (c === 92 /* \ */) {
        // Only \' and \\ occur; any other escape would need JavaScript's rules.
        const next = js[i + 1];
        if (next !== "'" && next !== '\\') fail();
        key += js.slice(k, i) + next;
        i += 2;
        k = i;
        continue;
      }
      if (Number.isNaN(c)) fail();
      i++;
    }
    key += js.slice(k, i);
    if (js[i + 1] !== ':' || js[i + 2] !== '{') fail();
    where.set(key, i + 3);
    i = next(i + 3);
  }

  const parsed = new Map<string, Record<number, number>>();
  const value = (key: string): Record<number, number> | undefined => {
    let v = parsed.get(key);
    if (v === undefined) {
      const start = where.get(key);
      if (start === undefined) return undefined;
      v = {};
      for (const pair of js.slice(start, js.indexOf('}', start)).split(',')) {
        const [lang, score] = pair.split(':');
        v[Number(lang)] = Number(score);
      }
      parsed.set(key, v);
    }
    return v;
  };
  // eld reads `ngrams[bytes]` and iterates the answer; nothing else touches the table.
  const ngrams = new Proxy({} as NgramsData['ngrams'], { get: (_, key) => (typeof key === 'string' ? value(key) : undefined) });
  return { type, languages, ngrams };
}
