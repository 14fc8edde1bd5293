import { InputError } from '../io/errors.js';
import { readTextFile } from '../io/read-text.js';

/** Reads and parses a JSON input file (config, baseline, rules). Missing, a directory, binary, invalid UTF-8 or
 *  bad JSON: one InputError naming the file and, for JSON, what it was meant to be. */
export function readJsonFile(path: string, what: string): unknown {
  const { text } = readTextFile(path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path}: the ${what} is not valid JSON (${(e as Error).message})`);
  }
}
