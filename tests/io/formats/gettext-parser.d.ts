// gettext-parser ships no types; the tests use it as an independent reader of PO files.
declare module 'gettext-parser' {
  export interface PoEntry {
    msgctxt?: string;
    msgid: string;
    msgid_plural?: string;
    msgstr: string[];
    comments?: Record<string, string>;
  }
  export const po: {
    parse(input: string | Buffer, options?: { defaultCharset?: string; validation?: boolean }): {
      charset: string;
      headers: Record<string, string>;
      translations: Record<string, Record<string, PoEntry>>;
    };
  };
}
