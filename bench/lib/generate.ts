// Deterministic document pairs for the benchmarks (no Math.random: the same arguments give the same texts).
// - syntheticPair: a generated MT text and its "post-edit" with ~5% of words changed (substitutions, insertions,
//   deletions, local swaps, phrase moves, respacing, sentences joined) — a realistic light edit.
// - mlqePair: real MT and its professional post-edits (MLQE-PE ro-en + et-en dev, HTER ≈ 0.25: heavy editing),
//   repeated and shuffled into paragraphs until the MT has the requested number of words.
import { readFileSync } from 'node:fs';

export interface GeneratedPair {
  mt: string;
  corrected: string;
}

export type Segmentation = 'auto' | 'lines';

// A Zipf-like vocabulary: frequent function words, then content words built from syllables.
const FUNCTION = 'the of and to in a is that for on with as by at from it was be are this an which or has have not but its their will'.split(' ');
const SYL = 'ka ri to mi na se lo ve du pa gre sto ant ion ment al er in co pro tra ble'.split(' ');
const CONTENT: string[] = [];
for (let k = 0; k < 5000; k++) CONTENT.push(Array.from({ length: 2 + (k % 3) }, (_, x) => SYL[(k * 7 + x * 13 + ((k / 21) | 0)) % SYL.length]).join(''));

/** ~`words` MT words of generated text and its ~5%-edited post-edit. `lines` puts one sentence per line. */
export function syntheticPair(words: number, segmentation: Segmentation = 'auto'): GeneratedPair {
  let seed = 20261128;
  const rnd = (n: number): number => {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const word = (): string => (rnd(10) < 4 ? FUNCTION[rnd(FUNCTION.length)]! : CONTENT[Math.floor(Math.pow(rnd(1000) / 1000, 2) * CONTENT.length)]!);

  function sentenceWords(): string[] {
    const n = 8 + rnd(25);
    const w = Array.from({ length: n }, word);
    w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
    for (let k = 2; k < n - 2; k++) if (rnd(12) === 0) w[k] += ',';
    w[n - 1] += rnd(15) === 0 ? '?' : '.';
    return w;
  }

  function postEdit(sentence: string[]): string[] {
    const w = sentence.slice();
    const edits = Math.max(0, Math.round(w.length * 0.05 + (rnd(100) / 100 - 0.5)));
    for (let e = 0; e < edits; e++) {
      const at = 1 + rnd(Math.max(1, w.length - 2));
      switch (rnd(8)) {
        case 0:
        case 1:
        case 2:
          w[at] = word();
          break;
        case 3:
          w.splice(at, 0, word());
          break;
        case 4:
          if (w.length > 4) w.splice(at, 1);
          break;
        case 5:
          if (at + 1 < w.length - 1) [w[at], w[at + 1]] = [w[at + 1]!, w[at]!];
          break;
        case 6: {
          const len = 2 + rnd(2);
          if (at + len < w.length - 1) {
            const moved = w.splice(at, len);
            w.splice(Math.min(w.length - 1, at + 3 + rnd(5)), 0, ...moved);
          }
          break;
        }
        default:
          if (w[at] && w[at]!.length > 5) w[at] = w[at]!.slice(0, 3) + w[at]!.slice(4); // a misspelling fixed
      }
    }
    return w;
  }

  const mtSentences: string[][] = [];
  let count = 0;
  while (count < words) {
    const s = sentenceWords();
    mtSentences.push(s);
    count += s.length;
  }

  const mtParts: string[] = [];
  const cParts: string[] = [];
  const lineSep = (k: number): string => (segmentation === 'lines' ? '\n' : k % 6 === 5 ? '\n\n' : k % 3 === 2 ? '\n' : ' ');
  for (let k = 0; k < mtSentences.length; k++) {
    const s = mtSentences[k]!;
    mtParts.push(s.join(' '), lineSep(k));
    let c = postEdit(s);
    if (segmentation === 'auto' && rnd(200) === 0 && k + 1 < mtSentences.length) {
      // two sentences joined by the post-editor
      const next = postEdit(mtSentences[k + 1]!);
      c = [...c.slice(0, -1), c[c.length - 1]!.replace(/[.?]$/u, ','), next[0]!.toLowerCase(), ...next.slice(1)];
      mtParts.push(mtSentences[k + 1]!.join(' '), lineSep(k + 1));
      k++;
    }
    cParts.push(c.join(' '), segmentation === 'lines' ? '\n' : rnd(50) === 0 ? '  ' : lineSep(k));
  }
  return { mt: mtParts.join(''), corrected: cParts.join('') };
}

let mlqeLines: { mt: string[]; pe: string[] } | undefined;

function mlqeFixture(): { mt: string[]; pe: string[] } {
  const read = (p: string) => readFileSync(new URL(`../../tests/fixtures/mlqe-pe/${p}`, import.meta.url), 'utf8').split('\n');
  mlqeLines ??= {
    mt: [...read('ro-en-dev/dev.mt'), ...read('et-en-dev/dev.mt')],
    pe: [...read('ro-en-dev/dev.pe'), ...read('et-en-dev/dev.pe')],
  };
  return mlqeLines;
}

/** ≥ `words` MT words of real MT (MLQE-PE dev sentences drawn with a fixed seed) and its professional post-edit,
 *  in paragraphs of a few sentences. */
export function mlqePair(words: number): GeneratedPair {
  const { mt: mtLines, pe: peLines } = mlqeFixture();
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  const mt: string[] = [];
  const pe: string[] = [];
  let count = 0;
  let sentences = 0;
  while (count < words) {
    const i = Math.floor(rand() * mtLines.length);
    const m = mtLines[i]!.trim();
    const p = peLines[i]!.trim();
    if (!m || !p) continue;
    // Paragraphs of 1-6 sentences: a space between sentences, a newline between paragraphs.
    const sep = sentences === 0 ? '' : rand() < 0.25 ? '\n' : ' ';
    mt.push(sep, m);
    pe.push(sep, p);
    count += m.split(' ').length;
    sentences++;
  }
  return { mt: mt.join(''), corrected: pe.join('') };
}
