import { InputError } from '../io/errors.js';
import { readGlossary } from '../io/glossary.js';
import { readTextFile } from '../io/read-text.js';
import type { AuditInput, AuditOptions } from '../audit.js';
import { documentId } from '../io/document-dir.js';

/** The flags that every auditing command (audit, export) shares. */
export interface AuditFlags {
  source?: string;
  glossary?: string;
  segmentation?: 'auto' | 'lines';
  mqmPreset?: 'mqm-core' | 'wmt-google';
  threshold?: string;
}

/** Reads the MT/corrected pair named on the command line, with its optional source and glossary. */
export function auditInputFromFiles(mt: string, corrected: string, flags: AuditFlags): AuditInput {
  const input: AuditInput = { id: documentId(mt), mt: readTextFile(mt), corrected: readTextFile(corrected) };
  if (flags.source !== undefined) input.source = readTextFile(flags.source);
  if (flags.glossary !== undefined) input.glossary = readGlossary(flags.glossary);
  return input;
}

export function auditOptionsFromFlags(flags: AuditFlags): AuditOptions {
  const out: AuditOptions = {};
  if (flags.segmentation) out.segmentation = flags.segmentation;
  if (flags.mqmPreset || flags.threshold !== undefined) {
    out.mqm = {};
    if (flags.mqmPreset) out.mqm.preset = flags.mqmPreset;
    if (flags.threshold !== undefined) {
      const t = Number(flags.threshold);
      if (flags.threshold.trim() === '' || !Number.isFinite(t)) throw new InputError(`--threshold: not a number: "${flags.threshold}"`);
      out.mqm.threshold = t;
    }
  }
  return out;
}
