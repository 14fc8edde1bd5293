// What a rule sees of an edit: both sides' text and tokens, the minimal differing tokens, and (lazily, once per
// segment) the language pack's analysis. Rules never re-tag: the analysis cache is shared by all edits.
import type { Edit, SegmentPair, Token } from '../model.js';
import type { ClassifyContext, Language, TokenInfo } from './types.js';

/** Segment-side analyses kept at once. Edits arrive in document order, so a few segments suffice. Small on
 *  purpose: an analysis that outlives two young-generation collections is promoted to the old generation and
 *  dies there, and with a window of 256 that was every analysis (~400 MB of old-space garbage on 1,000,000
 *  words, which raised the peak heap); a whole document kept analysed would hold ~2,000,000 token analyses. */
export const ANALYSIS_WINDOW = 8;

/** Per-document cache of segment analyses, keyed by side and segment id (the oldest dropped beyond the window). */
export class AnalysisCache {
  private readonly cache = new Map<string, TokenInfo[]>();
  constructor(
    readonly ctx: ClassifyContext,
    readonly lang: Language,
  ) {}

  get(side: 'mt' | 'corrected', pair: SegmentPair): TokenInfo[] {
    const key = `${side}:${pair.id}`;
    let infos = this.cache.get(key);
    if (!infos) {
      const text = side === 'mt' ? this.ctx.mt : this.ctx.corrected;
      infos = this.lang.analyze(text, side === 'mt' ? pair.mtTokens : pair.correctedTokens);
      if (this.cache.size >= ANALYSIS_WINDOW) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, infos);
    }
    return infos;
  }

  private readonly countsCache = new Map<string, Map<string, number>>();
  /** How often each lower-cased token text occurs in a segment side: counted once per segment side, not once
   *  per edit (a heavily edited segment has many edits; same window as the analyses). */
  counts(side: 'mt' | 'corrected', pair: SegmentPair): Map<string, number> {
    const key = `${side}:${pair.id}`;
    let counts = this.countsCache.get(key);
    if (!counts) {
      counts = countLower(side === 'mt' ? pair.mtTokens : pair.correctedTokens);
      if (this.countsCache.size >= ANALYSIS_WINDOW) this.countsCache.delete(this.countsCache.keys().next().value!);
      this.countsCache.set(key, counts);
    }
    return counts;
  }
}

function countLower(tokens: readonly Token[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) {
    const k = t.text.toLowerCase();
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

export class SideView {
  private infosCache: TokenInfo[] | undefined;
  constructor(
    /** The edit's span text on this side (may include whitespace and neighbouring tokens). */
    readonly text: string,
    /** All tokens of the segment on this side. */
    readonly segTokens: readonly Token[],
    /** [from, to) of the edit's tokens in segTokens. */
    readonly from: number,
    readonly to: number,
    private readonly analyse: () => TokenInfo[],
    private readonly countTokens: () => Map<string, number> = () => countLower(segTokens),
  ) {}

  get tokens(): readonly Token[] {
    return this.segTokens.slice(this.from, this.to);
  }
  private countsCache: Map<string, number> | undefined;
  /** How often each lower-cased token text occurs in the segment side (computed once). */
  get counts(): Map<string, number> {
    this.countsCache ??= this.countTokens();
    return this.countsCache;
  }
  /** Analysis of the whole segment side (tagged once per segment). */
  get segInfo(): TokenInfo[] {
    this.infosCache ??= this.analyse();
    return this.infosCache;
  }
}

export class EditView {
  readonly mt: SideView;
  readonly cor: SideView;
  /** Token index ranges [from, to) of the minimal difference: identical leading/trailing tokens (that an edit may
   *  carry for whitespace changes) are trimmed. A move keeps its whole phrase. */
  readonly core: { mt: [number, number]; cor: [number, number] };
  private typeCache: string | undefined;

  constructor(
    readonly edit: Edit,
    readonly ctx: ClassifyContext,
    readonly lang: Language,
    readonly pair: SegmentPair | undefined,
    cache: AnalysisCache,
  ) {
    const mtTokens = pair?.mtTokens ?? [];
    const corTokens = pair?.correctedTokens ?? [];
    const [mf, mtEnd] = clampRange(edit.mtTokens, mtTokens.length);
    const [cf, ct] = clampRange(edit.correctedTokens, corTokens.length);
    this.mt = new SideView(edit.mt.text, mtTokens, mf, mtEnd, () => (pair ? cache.get('mt', pair) : []), () => (pair ? cache.counts('mt', pair) : new Map()));
    this.cor = new SideView(edit.corrected.text, corTokens, cf, ct, () => (pair ? cache.get('corrected', pair) : []), () => (pair ? cache.counts('corrected', pair) : new Map()));
    let [a, b, c, d] = [mf, mtEnd, cf, ct];
    if (edit.operation !== 'move') {
      while (a < b && c < d && mtTokens[a]!.text === corTokens[c]!.text) (a++, c++);
      while (a < b && c < d && mtTokens[b - 1]!.text === corTokens[d - 1]!.text) (b--, d--);
    }
    this.core = { mt: [a, b], cor: [c, d] };
  }

  // Rules read these many times per edit: each is computed once (and the analyses only when asked for).
  private cached: { mtWords?: string[]; corWords?: string[]; mtInfo?: TokenInfo[]; corInfo?: TokenInfo[] } = {};

  /** Minimal differing tokens' texts on each side. */
  get mtWords(): string[] {
    return (this.cached.mtWords ??= this.mt.segTokens.slice(this.core.mt[0], this.core.mt[1]).map((t) => t.text));
  }
  get corWords(): string[] {
    return (this.cached.corWords ??= this.cor.segTokens.slice(this.core.cor[0], this.core.cor[1]).map((t) => t.text));
  }
  /** Analysis of the minimal differing tokens. */
  get mtInfo(): TokenInfo[] {
    return (this.cached.mtInfo ??= this.mt.segInfo.slice(this.core.mt[0], this.core.mt[1]));
  }
  get corInfo(): TokenInfo[] {
    return (this.cached.corInfo ??= this.cor.segInfo.slice(this.core.cor[0], this.core.cor[1]));
  }
  /** M (missing: the post-editor inserted), U (unnecessary: deleted), R (replaced) from the minimal tokens;
   *  an edit that changes only whitespace is R. */
  get prefix(): 'M' | 'U' | 'R' {
    const m = this.core.mt[1] - this.core.mt[0];
    const c = this.core.cor[1] - this.core.cor[0];
    if (m === 0 && c > 0) return 'M';
    if (c === 0 && m > 0) return 'U';
    return 'R';
  }
  /** The ERRANT type of the minimal difference, from the language pack (computed once). */
  get type(): string {
    if (this.typeCache === undefined) {
      const noTokens = this.core.mt[0] === this.core.mt[1] && this.core.cor[0] === this.core.cor[1];
      this.typeCache = noTokens ? 'R:ORTH' : this.lang.errantType(this.mtInfo, this.corInfo);
      if (this.typeCache === 'UNK') this.typeCache = 'R:OTHER';
    }
    return this.typeCache;
  }
  /** Both minimal sides joined with single spaces, for messages. */
  get mtPhrase(): string {
    return this.mtWords.join(' ');
  }
  get corPhrase(): string {
    return this.corWords.join(' ');
  }
}

function clampRange(r: [number, number] | undefined, n: number): [number, number] {
  const from = Math.max(0, Math.min(r?.[0] ?? 0, n));
  const to = Math.max(from, Math.min(r?.[1] ?? from, n));
  return [from, to];
}
