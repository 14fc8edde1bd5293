// The data model: the contract between the engine (io → report) and its adapters (cli, web, store, checks).
// Offsets are JavaScript string indices (UTF-16 code units) into the text as read (BOM removed, line endings
// kept); `end` is exclusive. Every located thing also carries 1-based line and column for humans and CI.

export interface Range {
  start: number;
  end: number;
}

/** A located piece of text: offsets, 1-based line/col of `start` and of `end`, and the text itself. */
export interface Span extends Range {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  text: string;
}

export type Operation = 'replace' | 'insert' | 'delete' | 'move';

export const SEVERITIES = ['neutral', 'minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** MQM-based categories, `dimension/subtype`. */
export const CATEGORIES = [
  'accuracy/mistranslation',
  'accuracy/omission',
  'accuracy/addition',
  'accuracy/untranslated',
  'fluency/grammar',
  'fluency/spelling',
  'fluency/punctuation',
  'fluency/typography',
  'fluency/inconsistency',
  'fluency/register',
  'terminology/wrong-term',
  'terminology/inconsistent',
  'style/awkward',
  'locale-convention/number',
  'locale-convention/date',
  'locale-convention/typography',
  'locale-convention/name',
  'design-markup/tag',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** What the corrected text is: a post-edit of this MT (every change is a judgement on the MT) or an independent
 *  reference translation (a difference that keeps the meaning is not an error of the MT). */
export type CorrectedKind = 'post-edit' | 'reference';

/** A text as read from disk (or an upload): its name for messages and its content verbatim. */
export interface TextFile {
  path: string;
  text: string;
}

/** A glossary entry: the term to use and the variants a reviewer forbids. */
export interface GlossaryEntry {
  term: string;
  forbidden: string[];
}
export type Glossary = GlossaryEntry[];

/** A token of a segment: its text and absolute offsets into the document text. */
export interface Token extends Range {
  text: string;
}

/** One aligned pair of segments (sentences, or lines with --segmentation lines). A 1:0 or 0:1 pair has an
 *  empty range on one side, at the point where the text would be. */
export interface SegmentPair {
  id: number; // 0-based, in document order
  mt: Range;
  corrected: Range;
  mtTokens: Token[];
  correctedTokens: Token[];
}

/** Character-level detail inside a changed word, for display only (the finding's span covers whole tokens). */
export interface CharChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** An edit before classification: what src/edits produces. Applying every edit to the MT gives the
 *  corrected text exactly (see src/edits/apply.ts). */
export interface Edit {
  segment: number;
  operation: Operation;
  /** The MT side: the tokens replaced/deleted/moved; an empty range where something was omitted. */
  mt: Span;
  /** The corrected side: what the MT span becomes (for a move: where the phrase lands in the corrected text). */
  corrected: Span;
  /** Token index ranges [from, to) into the segment's mtTokens / correctedTokens. */
  mtTokens: [number, number];
  correctedTokens: [number, number];
  /** Only for a move whose phrase jumps over unchanged text: the MT span is deleted and `text` is inserted
   *  at MT offset `at`. A move without it (a local reordering) is applied like a replace. */
  moveTo?: { at: number; text: string };
  /** Character diff of mt.text → corrected.text, when it helps display (spelling, merges). */
  chars?: CharChange[];
}

/** What a classification rule decides about an edit. */
export interface Classification {
  category: Category;
  /** ERRANT notation: M:/R:/U: + type, e.g. R:PREP, M:DET, R:SPELL, R:MERGE, R:WO. */
  type: string;
  severity: Severity;
  /** Id of the rule that decided, e.g. `en/spelling`. */
  rule: string;
  /** One line for a human. */
  message: string;
}

/** The one finding model that the web view, the exports and the CI gate all consume. */
export interface Finding extends Classification {
  /** Content fingerprint (MT span, correction, a little context), stable across re-audits of edited files. */
  id: string;
  segment: number;
  operation: Operation;
  mt: Span;
  corrected: Span;
  moveTo?: { at: number; text: string };
  chars?: CharChange[];
  /** Set by reviewer decisions or learned rules; absent on a fresh audit. */
  decision?: Decision;
  /** Where the finding comes from: a reference-based audit, a reference-free check, a learned rule, or a reviewer who
   *  marked an error tqa missed. */
  origin?: 'audit' | 'check' | 'learned' | 'reviewer';
  /** A proposed fix for reference-free findings (no corrected text exists). */
  suggestion?: string;
  /** Only on a source issue a reviewer marked (rule reviewer/source-issue): the source words, in the source text. */
  sourceSpan?: Span;
}

export interface Decision {
  status: 'accepted' | 'rejected' | 'open';
  category?: Category;
  severity?: Severity;
  reviewer?: string;
  comment?: string;
  at?: string;
}

export interface SegmentMetrics {
  /** TER of MT against the correction, sacrebleu defaults, 0–100 scale. */
  ter: number;
  /** HTER: TER edits / corrected words, as a fraction capped at 1 (the WMT convention). */
  hter: number;
  chrf: number;
  chrfpp: number;
  /** Sentence BLEU (sacrebleu sentence_bleu defaults). */
  bleu: number;
}

export interface Segment {
  id: number;
  mt: Range;
  corrected: Range;
  metrics: SegmentMetrics;
}

export interface MqmScore {
  preset: 'mqm-core' | 'wmt-google';
  /** Absolute penalty total. */
  penalty: number;
  /** Evaluated MT words. */
  words: number;
  /** Penalty per 1000 words. */
  perThousand: number;
  /** Quality score, 100 × (1 − penalty / words) for mqm-core; mean per-segment penalty for wmt-google. */
  score: number;
  threshold: number;
  pass: boolean;
}

export interface DocumentMetrics {
  /** Corpus HTER (TER edits / corrected words over the document), fraction capped at 1. */
  hter: number;
  /** Corpus TER, sacrebleu scale 0–100. */
  ter: number;
  chrf: number;
  chrfpp: number;
  /** Corpus BLEU. */
  bleu: number;
  mqm: MqmScore;
  signatures: Record<string, string>;
}

export interface DocumentReport {
  id: string;
  mt: { path: string; text: string };
  corrected: { path: string; text: string };
  /** What the corrected text is (absent: a post-edit). */
  correctedKind?: CorrectedKind;
  source?: { path: string; text: string };
  segments: Segment[];
  findings: Finding[];
  metrics: DocumentMetrics;
  /** The document's language and pack (absent in reports written before language packs). */
  language?: DocumentLanguage;
  /** Post-editing effort (MT vs. correction similarity bands, src/metrics/effort.ts); absent without a correction. */
  effort?: import('./metrics/effort.js').EffortAnalysis;
  /** Only in a shard's report (`tqa audit --shard K/N`): which slice it holds, for `tqa merge` (src/shard.ts). */
  shard?: import('./shard.js').ShardInfo;
  /** Only for a localization file with inline tags: placeholder character (in the texts) → the tag it stands for,
   *  so that reports show "⟨g1⟩" instead of an invisible private-use character (src/report/tags.ts). */
  tags?: Record<string, { key: string; label: string }>;
}

/** The language a document was audited as, and how that was decided (src/lang). */
export interface DocumentLanguage {
  /** BCP 47 tag of the MT/corrected text ("de", "fr-CA"). */
  target: string;
  /** BCP 47 tag of the source, when known. */
  source?: string;
  /** The pack that ran: its code ('und' for none), name and level; 'generic' means the language has no pack. */
  pack: { code: string; name: string; level: 'full' | 'basic' | 'generic' };
  sourcePack?: { code: string; name: string; level: 'full' | 'basic' | 'generic' };
  /** option: --target-lang; file: the localization file's metadata; detected: the identifier (eld), with its
   *  confidence; default: nothing said, English assumed. */
  decidedBy: 'option' | 'file' | 'detected' | 'default';
  confidence?: number;
}

export interface Report {
  tool: { name: string; version: string };
  documents: DocumentReport[];
}
