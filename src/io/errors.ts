/** Bad input from the user (missing file, binary data, invalid UTF-8, bad option...). The CLI prints its
 *  message as one line and exits 2; the web shows it on the page. Anything else is a bug. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(message: string) {
    super(message);
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
