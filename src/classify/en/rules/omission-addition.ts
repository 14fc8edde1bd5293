// Words the post-editor inserted (the MT omitted them) or deleted (the MT added them).
import { change } from '../../describe.js';
import type { Rule } from '../../types.js';
import { isContent, isCoreContent } from './content.js';
import { severityOf } from '../../severity.js';

export const omissionRule: Rule = {
  id: 'en/omission',
  describe: 'words inserted by the post-editor: with content → accuracy/omission (major with a noun/verb/number, else minor); function words only → fluency/grammar, minor',
  classify(v) {
    if (v.prefix !== 'M') return undefined;
    const info = v.corInfo;
    if (info.some(isContent)) {
      const major = info.some(isCoreContent);
      return { category: 'accuracy/omission', type: v.type, severity: severityOf(major ? 'meaning-changed' : 'noticeable', v.ctx.correctedKind), message: `${change(v)}: omitted by the MT` };
    }
    return { category: 'fluency/grammar', type: v.type, severity: severityOf('structure', v.ctx.correctedKind), message: `${change(v)}: missing function word` };
  },
};

export const additionRule: Rule = {
  id: 'en/addition',
  describe: 'words deleted by the post-editor: with content → accuracy/addition (major with a noun/verb/number, else minor); function words only → fluency/grammar, minor',
  classify(v) {
    if (v.prefix !== 'U') return undefined;
    const info = v.mtInfo;
    if (info.some(isContent)) {
      const major = info.some(isCoreContent);
      return { category: 'accuracy/addition', type: v.type, severity: severityOf(major ? 'meaning-changed' : 'noticeable', v.ctx.correctedKind), message: `${change(v)}: added by the MT` };
    }
    return { category: 'fluency/grammar', type: v.type, severity: severityOf('structure', v.ctx.correctedKind), message: `${change(v)}: unnecessary function word` };
  },
};
