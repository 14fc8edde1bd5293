// sacrebleu-style signatures: which settings produced a score, so that numbers are only compared like for like.

/** The sacrebleu release whose numbers tqa reproduces (the `version:` field of every signature). */
export const SACREBLEU_VERSION = '2.6.0';

/** Joins `key:value` fields with `|`, in the given order, ending with the version. */
export function formatSignature(fields: Array<[string, string | number]>): string {
  return [...fields, ['version', SACREBLEU_VERSION] as [string, string]].map(([k, v]) => `${k}:${v}`).join('|');
}

export const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** Python f'{x:.2f}': like toFixed(2), except that an exact tie (x·8 an odd integer, e.g. 0.125) rounds to even
 *  as Python does, where toFixed rounds up. */
export function pyFixed2(x: number): string {
  if (Number.isInteger(x * 8) && !Number.isInteger(x * 4) && x >= 0) {
    const n = Math.floor(x * 100);
    return ((n % 2 === 0 ? n : n + 1) / 100).toFixed(2);
  }
  return x.toFixed(2);
}
