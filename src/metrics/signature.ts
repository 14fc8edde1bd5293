// sacrebleu-style signatures: which settings produced a score, so that numbers are only compared like for like.

/** The sacrebleu release whose numbers tqa reproduces (the `version:` field of every signature). */
export const SACREBLEU_VERSION = '2.6.0';

/** Joins `key:value` fields with `|`, in the given order, ending with the version. */
export function formatSignature(fields: Array<[string, string | number]>): string {
  return [...fields, ['version', SACREBLEU_VERSION] as [string, string]].map(([k, v]) => `${k}:${v}`).join('|');
}

export const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
