import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../../src/audit-files.js';
import { localizedDocumentFiles } from '../../../src/io/formats/document-files.js';
import { fixture } from './helpers.js';

describe('localizedDocumentFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'tqa-docfiles-'));
  const folder = (name: string, files: Record<string, string>) => {
    const dir = join(root, name);
    mkdirSync(dir);
    for (const [n, from] of Object.entries(files)) from.startsWith('/') ? copyFileSync(from, join(dir, n)) : writeFileSync(join(dir, n), from);
    return dir;
  };

  it('finds mt.<ext> + corrected.<ext>, or one file that holds both; plain pairs stay plain', () => {
    const two = folder('two', { 'mt.po': fixture('mt.po'), 'corrected.po': fixture('corrected.po') });
    expect(localizedDocumentFiles(two)).toEqual({ mt: join(two, 'mt.po'), corrected: join(two, 'corrected.po') });
    const one = folder('one', { 'review.xlf': fixture('xliff12-review.xlf'), 'notes.md': 'x' });
    expect(localizedDocumentFiles(one)).toEqual({ mt: join(one, 'review.xlf') });
    expect(localizedDocumentFiles(folder('plain', { 'mt.txt': 'a', 'corrected.txt': 'b', 'x.xlf': '<xliff/>' }))).toBeUndefined();
    expect(localizedDocumentFiles(folder('ambiguous', { 'a.xlf': '<xliff/>', 'b.tmx': '<tmx/>' }))).toBeUndefined();
    expect(localizedDocumentFiles(folder('lonely-po', { 'fr.po': 'msgid "a"\nmsgstr "b"\n' }))).toBeUndefined();
    // What serve would then show: the joined units with their source, one per line.
    const doc = auditFiles(localizedDocumentFiles(one)!.mt, undefined, {});
    expect(doc.source!.text.split('\n')).toHaveLength(7);
    expect(doc.segments).toHaveLength(6);
  });
});
