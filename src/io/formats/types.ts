// What every localization-format reader produces: units whose texts carry an exact map back to the original file.

/** The input formats tqa reads besides plain text. */
export const INPUT_FORMATS = ['text', 'xliff', 'po', 'tmx', 'csv', 'tsv'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** One inline tag (XLIFF g/x/ph/bpt/ept/it/pc/sc/ec/mrk…) replaced by a placeholder character in the text. */
export interface Placeholder {
  /** Identity across source, MT and corrected: `g#1`, `/g#1` (its closing tag), `ph#3`, `x@2` (2nd x without id). */
  key: string;
  /** The element as a human reads it in a message: `<g id="1">`, `</g>`, `<ph id="3"/>`. */
  label: string;
  /** Its exact bytes in the original file (used to write it back). */
  raw: string;
}

/** A text as the audit sees it, with where each character sits in the original file. `map[k]` is the original
 *  offset where text[k] starts (an entity, an escape or a whole tag for a placeholder); `map[text.length]` is
 *  where the content ends. Placeholders are private-use characters, listed in `tags` (per text, by code). */
export interface Piece {
  text: string;
  map: number[];
  /** `ends[k]`: where text[k]'s spelling ends in the file (an entity's `;`, a tag's `>`); a span that ends with
   *  text[k] ends there, not at the next character (which a CDATA end or a PO line break may precede). */
  ends: number[];
  /** Placeholder character → the tag it stands for (only the tags present in this piece). */
  tags: Map<string, Placeholder>;
  /** Where the text had a line break (read as a space; \r\n counts once): the newline-count check needs them. */
  breaks?: number[];
}

/** Where an element sits in the original file (for write-back): the start tag, the content, the end tag. */
export interface ElementPos {
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

/** One translation unit read from one file: its key (matched across files), its source and target. */
export interface FileUnit {
  key: string;
  /** Line of the unit in its file, for messages. */
  line: number;
  source?: Piece;
  target?: Piece;
  /** A machine translation carried next to the target (XLIFF alt-trans / mtc:match, a TMX tuv marked MT). */
  mt?: Piece;
  /** XLIFF state / PO fuzzy, as found. */
  state?: string;
  /** PO `#,` flags (`c-format`, `python-format`, `no-c-format`…): they say which format-string flavour applies. */
  flags?: string[];
  /** Largest target length the file allows, in characters (XLIFF 1.2 maxwidth with size-unit="char", 2.x
   *  slr:storage-restriction / size-restriction). */
  maxLength?: number;
  /** PO plural form index (msgstr[n]) of this unit. */
  pluralForm?: number;
  /** The target element's position (XLIFF only), for write-back. */
  targetElement?: ElementPos;
  /** The element that carries the state attribute (XLIFF 1.2 target, 2.x segment). */
  stateElement?: ElementPos;
}
