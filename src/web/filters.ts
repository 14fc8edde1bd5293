import { CATEGORIES, SEVERITIES, type Category, type Finding, type Severity } from '../model.js';
import { effectiveCategory, effectiveSeverity } from '../report/effective.js';

export const STATUSES = ['open', 'accepted', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

/** One value per facet; absent means "all". Parsed from the query string, so everything is validated. */
export interface Filters {
  category?: Category;
  severity?: Severity;
  type?: string;
  status?: Status;
}
export const FACETS = ['category', 'severity', 'type', 'status'] as const;
export type Facet = (typeof FACETS)[number];

export function statusOf(f: Finding): Status {
  return f.decision?.status ?? 'open';
}

function facetValue(f: Finding, facet: Facet): string {
  switch (facet) {
    case 'category':
      return effectiveCategory(f);
    case 'severity':
      return effectiveSeverity(f);
    case 'type':
      return f.type;
    case 'status':
      return statusOf(f);
  }
}

/** Reads filters from a query object; unknown values are dropped rather than trusted. */
export function parseFilters(query: Record<string, unknown>): Filters {
  const one = (v: unknown): string | undefined => {
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && s !== '' ? s : undefined;
  };
  const out: Filters = {};
  const c = one(query.category);
  if (c && (CATEGORIES as readonly string[]).includes(c)) out.category = c as Category;
  const s = one(query.severity);
  if (s && (SEVERITIES as readonly string[]).includes(s)) out.severity = s as Severity;
  const t = one(query.type);
  if (t && /^[A-Z:]{1,40}$/.test(t)) out.type = t;
  const st = one(query.status);
  if (st && (STATUSES as readonly string[]).includes(st)) out.status = st as Status;
  return out;
}

export function isFiltered(filters: Filters): boolean {
  return FACETS.some((k) => filters[k] !== undefined);
}

export function matches(f: Finding, filters: Filters, except?: Facet): boolean {
  for (const facet of FACETS) {
    if (facet === except) continue;
    const want = filters[facet];
    if (want !== undefined && facetValue(f, facet) !== want) return false;
  }
  return true;
}

export interface FacetOption {
  value: string;
  count: number;
}

/** Counts per value of each facet among the findings that match the *other* facets (the usual faceted search),
 *  so that every option says how many findings choosing it would show. One pass over the findings. */
export function facetCounts(findings: readonly Finding[], filters: Filters): Record<Facet, FacetOption[]> {
  const counts = FACETS.map(() => new Map<string, number>());
  const want = FACETS.map((k) => filters[k]);
  const values: string[] = new Array(FACETS.length);
  for (const f of findings) {
    let misses = 0;
    let missed = -1;
    for (let k = 0; k < FACETS.length; k++) {
      values[k] = facetValue(f, FACETS[k]!);
      if (want[k] !== undefined && values[k] !== want[k]) {
        misses++;
        missed = k;
      }
    }
    // A finding counts for facet k when it matches every facet but (possibly) k.
    if (misses === 0) for (let k = 0; k < FACETS.length; k++) counts[k]!.set(values[k]!, (counts[k]!.get(values[k]!) ?? 0) + 1);
    else if (misses === 1) counts[missed]!.set(values[missed]!, (counts[missed]!.get(values[missed]!) ?? 0) + 1);
  }
  const out = {} as Record<Facet, FacetOption[]>;
  FACETS.forEach((facet, k) => {
    const c = counts[k]!;
    const order: readonly string[] =
      facet === 'category' ? CATEGORIES : facet === 'severity' ? SEVERITIES : facet === 'status' ? STATUSES : [...c.keys()].sort();
    // Keep the selected value listed even when nothing matches it, so the select still shows the choice.
    const selected = filters[facet];
    out[facet] = order.filter((v) => c.has(v) || v === selected).map((value) => ({ value, count: c.get(value) ?? 0 }));
  });
  return out;
}

/** The query string for a set of filters (plus extra parameters), for links that keep the current view. */
export function filterQuery(filters: Filters, extra: Record<string, string | number | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const k of FACETS) if (filters[k]) p.set(k, filters[k]!);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
