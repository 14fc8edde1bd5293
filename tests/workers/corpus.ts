// A line-aligned test corpus of a few thousand lines from the bundled MLQE-PE copies (real MT and post-edits),
// with what makes chunks of lines hard to audit alone: the same error repeated (finding ids "#2", "#3"... across
// chunk boundaries), CRLF line endings, empty lines, edits of the whitespace at a line's ends, a line edited at
// its very start and the line before it at its very end, and no line break after the last line.
import { readFileSync } from 'node:fs';

const ROOT = new URL('../..', import.meta.url).pathname;
const read = (p: string) => readFileSync(`${ROOT}tests/fixtures/mlqe-pe/${p}`, 'utf8').split('\n').filter((l, i, a) => i < a.length - 1 || l !== '');

export interface LineCorpus {
  mt: string;
  pe: string;
  src: string;
  lines: number;
}

export function lineCorpus(): LineCorpus {
  const mt = [...read('ro-en-dev/dev.mt'), ...read('et-en-dev/dev.mt')];
  const pe = [...read('ro-en-dev/dev.pe'), ...read('et-en-dev/dev.pe')];
  const src = [...read('ro-en-dev/dev.src'), ...read('et-en-dev/dev.src')];
  for (let i = 0; i < mt.length; i++) {
    // Runs of three identical lines: the middle one's error has the same context each time, hence the same id.
    if (i % 37 >= 5 && i % 37 <= 7) {
      mt[i] = 'The results was published on monday.';
      pe[i] = 'The results were published on Monday.';
    }
    if (i % 101 === 17) mt[i] = pe[i] = ''; // an empty line on both sides
    if (i % 89 === 3) mt[i] = `${mt[i]}  `; // trailing spaces the post-editor dropped
    if (i % 97 === 11) {
      // the end of one line and the start of the next edited
      mt[i] = `${mt[i]} ,`;
      mt[i + 1] = `so ${mt[i + 1]}`;
    }
  }
  const join = (lines: string[]) => lines.map((l, i) => l + (i === lines.length - 1 ? '' : i % 13 === 0 ? '\r\n' : '\n')).join('');
  return { mt: join(mt), pe: join(pe), src: src.join('\n'), lines: mt.length };
}
