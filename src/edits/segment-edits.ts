import { alignTokens } from '../align/align-tokens.js';
import type { Operation, SegmentPair } from '../model.js';
import { mergeOps, type Unit } from './merge.js';

/** An edit of one segment in absolute offsets, before it becomes an `Edit` (spans, chars) in extract.ts. */
export interface RawEdit {
  operation: Operation;
  mtStart: number;
  mtEnd: number;
  cStart: number;
  cEnd: number;
  mtTokens: [number, number];
  correctedTokens: [number, number];
  moveTo?: { at: number; text: string };
}

// How whitespace is attached (the convention that makes applyEdits(mt, edits) === corrected hold):
// - a replace covers whole tokens and the whitespace between them; it takes the whitespace next to it only when
//   that whitespace differs between the texts ("Volodyr  Zelensky" → "Volodymyr Zelensky" covers "Volodyr  ");
// - an insertion (deletion) is an empty range in the MT (corrected) text and takes ONE adjacent whitespace run on
//   the other side: the one after the tokens if the whitespace before them matches the gap ("a b" → "a x b" inserts
//   "x " before "b"), else the one before ("member And" → "member, And" inserts "," after "member");
// - a whitespace difference between two unchanged tokens is a replace of both tokens and the whitespace
//   ("member\n." → "member."), at a segment edge a replace of the edge token and the whitespace.
// When neither whitespace run fits an insertion/deletion, it becomes a replace with the neighbouring token.

interface Ranges {
  ms: number;
  me: number;
  cs: number;
  ce: number;
}
interface Work extends Unit {
  absorbL?: boolean;
  absorbR?: boolean;
  /** The unit stands for the whole segment (no tokens on one side and whitespace that no rule could place). */
  full?: boolean;
  r?: Ranges;
}

const oneSided = (u: Work): boolean => u.kind === 'edit' && !u.full && (u.i1 === u.i2 || u.j1 === u.j2);
const isHalf = (u: Work): boolean => u.flavour === 'MD' || u.flavour === 'MI';

/** Merge adjacent edit units when both are one-sided: they would share one whitespace gap, which the placement
 *  below cannot split (a move half merged this way loses its move). A one-sided edit next to a two-sided one stays
 *  apart (ERRANT splits such runs) unless the whitespace between them differs (see the fix-up loop). */
function normalize(units: Work[], demoted: Set<number>): Work[] {
  const out: Work[] = [];
  for (const u of units) {
    const last = out[out.length - 1];
    if (last && last.kind === 'edit' && u.kind === 'edit' && oneSided(last) && oneSided(u)) out[out.length - 1] = join(last, u, demoted);
    else out.push(u);
  }
  for (const u of out) if (isHalf(u) && demoted.has(u.move!)) delete u.flavour;
  return out;
}

/** One edit unit covering two adjacent units (a move half involved loses its move). */
function join(u: Work, v: Work, demoted: Set<number>): Work {
  for (const x of [u, v]) if (isHalf(x)) demoted.add(x.move!);
  return { kind: 'edit', i1: u.i1, i2: v.i2, j1: u.j1, j2: v.j2, absorbL: u.absorbL, absorbR: v.absorbR, full: u.full || v.full };
}

/** Edits of one segment pair, in MT order, such that applying them turns the MT segment into the corrected one. */
export function segmentEdits(mt: string, corrected: string, pair: SegmentPair, moves = true): RawEdit[] {
  const a = pair.mtTokens;
  const b = pair.correctedTokens;
  const { start: ms, end: me } = pair.mt;
  const { start: cs, end: ce } = pair.corrected;
  const ops = alignTokens(a, b, { moves });
  let units: Work[] = mergeOps(
    ops,
    a.map((t) => t.text),
    b.map((t) => t.text),
  );
  const gapA = (x: number): [number, number] => [x === 0 ? ms : a[x - 1]!.end, x === a.length ? me : a[x]!.start];
  const gapB = (y: number): [number, number] => [y === 0 ? cs : b[y - 1]!.end, y === b.length ? ce : b[y]!.start];
  const sameText = (x: [number, number], y: [number, number], xText: string, yText: string): boolean =>
    sameSpan(xText, x[0], x[1], yText, y[0], y[1]);
  const demoted = new Set<number>();

  if (a.length === 0 && b.length === 0) {
    return mt.slice(ms, me) === corrected.slice(cs, ce) ? [] : [whole(pair)];
  }

  for (let guard = 0; ; guard++) {
    if (guard > 10_000) throw new Error('segmentEdits: no fixed point'); // cannot happen: each round merges
    units = normalize(units, demoted);
    // Place every edit unit.
    let converted = false;
    for (let k = 0; k < units.length; k++) {
      const u = units[k]!;
      if (u.kind !== 'edit') continue;
      u.r = place(u);
      if (!u.r) {
        // Neither whitespace run fits: join the unit with a neighbour (a replace then covers the whitespace).
        const left = units[k - 1];
        const right = units[k + 1];
        if (left) units.splice(k - 1, 2, join(left, u, demoted));
        else if (right) units.splice(k, 2, join(u, right, demoted));
        else units[k] = { kind: 'edit', i1: u.i1, i2: u.i2, j1: u.j1, j2: u.j2, full: true };
        if (isHalf(u)) demoted.add(u.move!);
        converted = true;
        break;
      }
    }
    if (converted) continue;
    // Check that the text kept between consecutive units is the same on both sides; fix where it is not.
    const fixed: Work[] = [];
    let changed = false;
    const endOf = (u: Work | undefined): [number, number] =>
      !u ? [ms, cs] : u.kind === 'match' ? [a[u.i1]!.end, b[u.j1]!.end] : [u.r!.me, u.r!.ce];
    for (let k = 0; k <= units.length; k++) {
      const v = units[k];
      const u = fixed[fixed.length - 1];
      const [um, uc] = endOf(u);
      const [vm, vc] = !v ? [me, ce] : v.kind === 'match' ? [a[v.i1]!.start, b[v.j1]!.start] : [v.r!.ms, v.r!.cs];
      const ok = sameSpan(mt, um, vm, corrected, uc, vc);
      if (ok) {
        if (v) fixed.push(v);
        continue;
      }
      changed = true;
      if ((u && oneSided(u)) || (v && oneSided(v))) {
        // A one-sided unit next to a two-sided edit whose spacing differs: one edit of both.
        if (!u || !v) throw new Error('segmentEdits: unplaceable one-sided edit'); // placement prevents this
        const j = join(u, v, demoted);
        j.r = place(j);
        fixed[fixed.length - 1] = j;
      } else if (u && u.kind === 'edit') {
        u.absorbR = true;
        u.r = place(u);
        if (v) fixed.push(v);
      } else if (v && v.kind === 'edit') {
        v.absorbL = true;
        v.r = place(v);
        fixed.push(v);
      } else if (u && v) {
        const e: Work = { kind: 'edit', i1: u.i1, i2: v.i2, j1: u.j1, j2: v.j2 };
        e.r = place(e);
        fixed[fixed.length - 1] = e;
      } else if (v) {
        const e: Work = { kind: 'edit', i1: v.i1, i2: v.i2, j1: v.j1, j2: v.j2, absorbL: true };
        e.r = place(e);
        fixed.push(e);
      } else if (u) {
        const e: Work = { kind: 'edit', i1: u.i1, i2: u.i2, j1: u.j1, j2: u.j2, absorbR: true };
        e.r = place(e);
        fixed[fixed.length - 1] = e;
      }
    }
    units = fixed;
    if (!changed) break;
  }

  // Build the edits.
  const out: RawEdit[] = [];
  const halves = new Map<number, Work[]>();
  for (const u of units) if (u.kind === 'edit' && isHalf(u)) halves.set(u.move!, [...(halves.get(u.move!) ?? []), u]);
  for (const u of units) {
    if (u.kind !== 'edit') continue;
    const r = u.r!;
    if (isHalf(u)) {
      if (u.flavour === 'MI') continue; // emitted with its MD half
      const mi = halves.get(u.move!)!.find((h) => h.flavour === 'MI')!;
      out.push({
        operation: 'move',
        mtStart: r.ms,
        mtEnd: r.me,
        cStart: mi.r!.cs,
        cEnd: mi.r!.ce,
        mtTokens: [u.i1, u.i2],
        correctedTokens: [mi.j1, mi.j2],
        moveTo: { at: mi.r!.ms, text: corrected.slice(mi.r!.cs, mi.r!.ce) },
      });
      continue;
    }
    // Tokens can differ where the text does not (a token boundary moved with the spacing): nothing to do.
    if (sameSpan(mt, r.ms, r.me, corrected, r.cs, r.ce)) continue;
    const operation: Operation = u.flavour === 'T' ? 'move' : r.ms === r.me ? 'insert' : r.cs === r.ce ? 'delete' : 'replace';
    out.push({ operation, mtStart: r.ms, mtEnd: r.me, cStart: r.cs, cEnd: r.ce, mtTokens: [u.i1, u.i2], correctedTokens: [u.j1, u.j2] });
  }
  return out;

  /** Offsets of an edit unit, or undefined when a one-sided unit fits neither whitespace run. */
  function place(u: Work): Ranges | undefined {
    if (u.full) return { ms, me, cs, ce };
    if (u.i1 === u.i2) {
      const W = gapA(u.i1);
      const H1 = gapB(u.j1);
      const H2 = gapB(u.j2);
      if (sameText(W, H1, mt, corrected)) return { ms: W[1], me: W[1], cs: b[u.j1]!.start, ce: H2[1] };
      if (sameText(W, H2, mt, corrected)) return { ms: W[0], me: W[0], cs: H1[0], ce: b[u.j2 - 1]!.end };
      return undefined;
    }
    if (u.j1 === u.j2) {
      const W = gapB(u.j1);
      const H1 = gapA(u.i1);
      const H2 = gapA(u.i2);
      if (sameText(H1, W, mt, corrected)) return { ms: a[u.i1]!.start, me: H2[1], cs: W[1], ce: W[1] };
      if (sameText(H2, W, mt, corrected)) return { ms: H1[0], me: a[u.i2 - 1]!.end, cs: W[0], ce: W[0] };
      return undefined;
    }
    return {
      ms: u.absorbL ? gapA(u.i1)[0] : a[u.i1]!.start,
      me: u.absorbR ? gapA(u.i2)[1] : a[u.i2 - 1]!.end,
      cs: u.absorbL ? gapB(u.j1)[0] : b[u.j1]!.start,
      ce: u.absorbR ? gapB(u.j2)[1] : b[u.j2 - 1]!.end,
    };
  }
}

/** x[xs, xe) === y[ys, ye), without building strings. */
export function sameSpan(x: string, xs: number, xe: number, y: string, ys: number, ye: number): boolean {
  if (xe - xs !== ye - ys) return false;
  for (let k = 0; k < xe - xs; k++) if (x.charCodeAt(xs + k) !== y.charCodeAt(ys + k)) return false;
  return true;
}

/** One edit that replaces the whole segment (used when a side has no tokens, and as a safety net). */
export function whole(pair: SegmentPair): RawEdit {
  const { start: ms, end: me } = pair.mt;
  const { start: cs, end: ce } = pair.corrected;
  return {
    operation: ms === me ? 'insert' : cs === ce ? 'delete' : 'replace',
    mtStart: ms,
    mtEnd: me,
    cStart: cs,
    cEnd: ce,
    mtTokens: [0, pair.mtTokens.length],
    correctedTokens: [0, pair.correctedTokens.length],
  };
}

