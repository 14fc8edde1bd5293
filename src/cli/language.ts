// The language line on stderr: said when the language was detected or has no pack (the report says so too).
import { languageNotice } from '../lang/index.js';
import type { DocumentReport } from '../model.js';

export function noticeLanguage(doc: DocumentReport): void {
  const line = doc.language ? languageNotice(doc.language, doc.id) : undefined;
  if (line) process.stderr.write(`${line}\n`);
}
