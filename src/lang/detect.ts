// Language identification with eld (efficient language detector, n-gram model 'small', loaded on first use).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
interface Eld {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
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
  // eld ships as ESM only; Node ≥ 20.19 loads it synchronously with require().
  // Its exports map has only an "import" condition: resolve it as an import, then require the file.
  eld ??= (require(fileURLToPath(import.meta.resolve('eld/small'))) as { eld: Eld }).eld;
  const r = eld.detect(sample);
  if (!r.language || !r.isReliable()) return undefined;
  const score = r.getScores()[r.language];
  return { code: r.language, confidence: Math.round(Math.min(1, Math.max(0, score ?? 0)) * 1000) / 1000 };
}
