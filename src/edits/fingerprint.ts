import * as crypto from 'node:crypto';
import type { Edit } from '../model.js';

const CONTEXT = 20;

/** SHA-1 hex digest. crypto.hash (Node ≥ 20.12) is one call with no Hash object: ~3× faster, and an audit
 *  hashes every edit (160,000 on a 1,000,000-word document); older Node 20 takes createHash. */
const sha1Hex: (data: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (data) => crypto.hash('sha1', data, 'hex')
    : (data) => crypto.createHash('sha1').update(data).digest('hex');
const norm = (s: string): string => s.replace(/\s+/gu, ' ');

/** A content id of an edit: sha1 of the operation, the MT text, the correction (for a move, the text it lands as)
 *  and ~20 characters of MT context on each side, whitespace normalised; first 16 hex digits. Positions are not
 *  part of it, so the id survives edits elsewhere in the file. */
export function fingerprint(edit: Pick<Edit, 'operation' | 'mt' | 'corrected' | 'moveTo'>, mt: string): string {
  // Normalise a wider window first, so that respacing near the edit does not shift which characters count.
  const before = norm(mt.slice(Math.max(0, edit.mt.start - 4 * CONTEXT), edit.mt.start)).slice(-CONTEXT).trimStart();
  const after = norm(mt.slice(edit.mt.end, edit.mt.end + 4 * CONTEXT)).slice(0, CONTEXT).trimEnd();
  const parts = [edit.operation, norm(edit.mt.text), norm(edit.moveTo?.text ?? edit.corrected.text), before, after];
  return sha1Hex(parts.join('\u0000')).slice(0, 16);
}

/** Ids for a list of edits: the fingerprint, with "#2", "#3"... for later edits with the same fingerprint. */
export function assignIds(edits: Array<Pick<Edit, 'operation' | 'mt' | 'corrected' | 'moveTo'>>, mt: string): string[] {
  const seen = new Map<string, number>();
  return edits.map((e) => {
    const fp = fingerprint(e, mt);
    const n = (seen.get(fp) ?? 0) + 1;
    seen.set(fp, n);
    return n === 1 ? fp : `${fp}#${n}`;
  });
}
