// What a whole line-aligned document decides before its chunks are audited (each chunk must be audited as a part
// of that document, not as a text of its own): the language, and whether the texts are pre-tokenised. Both look
// only at the start of the texts (the identifier at 20,000 characters, isPreTokenised at 50,000 words), so a
// streamed file needs only its first lines for them.
import { auditLanguage, type AuditInput, type AuditOptions } from '../audit.js';
import { isPreTokenised } from '../align/tokenize.js';
import { packFor } from '../lang/index.js';
import type { DocumentLanguage } from '../model.js';

/** Characters the language identifier reads (src/lang/detect.ts SAMPLE) and words isPreTokenised reads
 *  (src/align/tokenize.ts PRE_TOKENISED_SAMPLE): a prefix of whole lines past both decides as the whole text. */
export const DECIDE_CHARS = 20_000;
export const DECIDE_WORDS = 50_000;

export interface DocumentDecisions {
  language: DocumentLanguage;
  preTokenised: boolean;
}

/** `input`'s texts: the whole texts, or prefixes of whole lines holding more than DECIDE_CHARS characters (with
 *  a non-blank character) and DECIDE_WORDS words each — or the whole text when it is shorter. */
export function decideDocument(input: AuditInput, opts: Pick<AuditOptions, 'targetLang' | 'sourceLang'>): DocumentDecisions {
  const language = auditLanguage(input, opts);
  const pack = packFor(language.target);
  return { language, preTokenised: isPreTokenised(input.mt.text, pack) && isPreTokenised(input.corrected.text, pack) };
}
