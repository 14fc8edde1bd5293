// Punctuation-only changes: the words are the same (ignoring case) once punctuation tokens are set aside.
// Straight vs typographic quotes and apostrophes are typography, not punctuation.
import { change } from '../describe.js';
import { isPunctToken } from '../text-util.js';
import type { Rule } from '../types.js';
import { severityOf } from '../severity.js';

const QUOTES = /["“”„«»'‘’‚]/g;

export const punctuationRule: Rule = {
  id: 'punctuation',
  describe: 'only punctuation tokens added, removed or replaced → fluency/punctuation M:/U:/R:PUNCT, minor (quote style → fluency/typography)',
  classify(v) {
    const mtWords = v.mtWords;
    const corWords = v.corWords;
    if (mtWords.length === 0 && corWords.length === 0) return undefined;
    // Periods inside a token are punctuation too ("US" → "U.S.", "Mr" → "Mr.").
    const words = (ws: string[]) =>
      ws.filter((w) => !isPunctToken(w)).map((w) => w.toLowerCase().replace(QUOTES, "'").replace(/(?<=\p{L})\.(?=\p{L}|$)/gu, ''));
    const a = words(mtWords);
    const b = words(corWords);
    if (a.join(' ') !== b.join(' ')) return undefined;
    const punctA = mtWords.filter(isPunctToken);
    const punctB = corWords.filter(isPunctToken);
    const norm = (ws: string[]) => ws.join(' ').replace(QUOTES, '"');
    if (norm(punctA) === norm(punctB) && mtWords.join(' ').replace(QUOTES, '"').toLowerCase() === corWords.join(' ').replace(QUOTES, '"').toLowerCase())
      return { category: 'fluency/typography', type: 'R:PUNCT', severity: severityOf('surface', v.ctx.correctedKind), message: `${change(v)}: quotation mark style` };
    const prefix = punctA.length === 0 && punctB.length > 0 ? 'M' : punctB.length === 0 && punctA.length > 0 ? 'U' : 'R';
    return { category: 'fluency/punctuation', type: `${prefix}:PUNCT`, severity: severityOf('surface', v.ctx.correctedKind), message: `${change(v)}: punctuation` };
  },
};
