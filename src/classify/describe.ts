// Short, readable quotes of edit text for one-line messages.
import type { EditView } from './edit-view.js';

/** Quotes text for a message: whitespace runs collapse (a line break shows as ⏎), long text is cut. */
export function quote(text: string, max = 60): string {
  let s = text.replace(/\r?\n/g, '⏎').replace(/[^\S\n]+/g, ' ');
  if (s.length > max) s = `${s.slice(0, max - 1)}…`;
  return `"${s}"`;
}

/** `"a" → "b"`, `missing "b"` or `"a" deleted`, from the edit's spans. */
export function change(v: EditView): string {
  const mt = v.edit.mt.text;
  const cor = v.edit.corrected.text;
  if (mt.trim() === '' && cor.trim() !== '') return `missing ${quote(cor.trim())}`;
  if (cor.trim() === '' && mt.trim() !== '') return `${quote(mt.trim())} deleted`;
  return `${quote(mt)} → ${quote(cor)}`;
}

/** A message without the change that `change` put in front of it (`"a" → "b": `, `missing "b": `, `"a" deleted: `),
 *  for listings that show the change in a column of their own. */
export function withoutChange(message: string): string {
  return message.replace(/^(?:"[^\n]*?" → "[^\n]*?"|missing "[^\n]*?"|"[^\n]*?" deleted): /, '');
}
