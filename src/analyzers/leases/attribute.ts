// Pure lease attribution: an attack window on one IP is cut at lease boundaries; each piece goes to the
// lease that covers it, pieces no lease covers are gaps (never guessed), and pieces two leases claim
// are conflicts (both reported). Leases are half-open [start, end); end null = still active.
export interface LeaseRow { provider: string; start: number; end: number | null; account_id: string; server_id: string | null; evidence_id?: string }
export interface Window { start: number; end: number }
export interface Segment extends Window { leases: LeaseRow[] }

export function covers(lease: LeaseRow, t: number): boolean {
  return lease.start <= t && (lease.end === null || t < lease.end);
}

/** Splits [w.start, w.end] (a single moment when start = end) by the leases of one IP. */
export function attributeWindow(w: Window, leases: LeaseRow[]): Segment[] {
  if (w.end === w.start) return [{ start: w.start, end: w.end, leases: leases.filter((l) => covers(l, w.start)) }];
  const cuts = new Set<number>([w.start, w.end]);
  for (const l of leases) {
    if (l.start > w.start && l.start < w.end) cuts.add(l.start);
    if (l.end !== null && l.end > w.start && l.end < w.end) cuts.add(l.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const seg = { start: points[i], end: points[i + 1] };
    const holders = leases.filter((l) => covers(l, seg.start));
    const last = out[out.length - 1];
    if (last && sameHolders(last.leases, holders)) last.end = seg.end;
    else out.push({ ...seg, leases: holders });
  }
  return out;
}

function sameHolders(a: LeaseRow[], b: LeaseRow[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The lease just before and just after a moment (context for a gap). */
export function neighbours(t: number, leases: LeaseRow[]): { before: LeaseRow | null; after: LeaseRow | null } {
  let before: LeaseRow | null = null;
  let after: LeaseRow | null = null;
  for (const l of leases) {
    if (l.end !== null && l.end <= t && (!before || l.end > before.end!)) before = l;
    if (l.start > t && (!after || l.start < after.start)) after = l;
  }
  return { before, after };
}
