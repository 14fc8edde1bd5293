// Register: contractions expanded in formal text ("don't" → "do not"), informal words replaced by formal ones.
import { change } from '../../describe.js';
import type { Rule } from '../../types.js';
import { INFORMAL } from '../lexicon.js';
import { severityOf } from '../../severity.js';

const CONTRACTED = /^(?:.*n['’]t|['’](?:d|ll|m|re|s|ve))$/i;

export const registerRule: Rule = {
  id: 'en/register',
  describe: 'a contraction expanded or an informal word replaced by its formal counterpart → fluency/register, minor',
  classify(v) {
    const mt = v.mtWords.map((w) => w.toLowerCase());
    const cor = v.corWords.map((w) => w.toLowerCase());
    if (mt.length === 0 || cor.length === 0) return undefined;
    const contractedBefore = mt.filter((w) => CONTRACTED.test(w)).length;
    const contractedAfter = cor.filter((w) => CONTRACTED.test(w)).length;
    const expanded = contractedBefore > contractedAfter && !/['’]s$/.test(mt.find((w) => CONTRACTED.test(w)) ?? '');
    if (expanded || v.type.endsWith(':CONTR'))
      return { category: 'fluency/register', type: v.type.endsWith('CONTR') ? v.type : 'R:CONTR', severity: severityOf('noticeable', v.ctx.correctedKind), message: `${change(v)}: contraction in formal text` };
    const informal = mt.find((w) => INFORMAL.has(w) && !cor.includes(w));
    const formal = informal !== undefined ? INFORMAL.get(informal)! : undefined;
    if (formal !== undefined && cor.join(' ').includes(formal))
      return { category: 'fluency/register', type: v.type, severity: severityOf('noticeable', v.ctx.correctedKind), message: `${change(v)}: informal word` };
    return undefined;
  },
};
