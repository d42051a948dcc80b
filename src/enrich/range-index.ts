// Sorted, non-overlapping inclusive address ranges with a value index each, searched by binary search.
// IPv4 keys are Uint32; IPv6 keys are split into two BigUint64 halves (hi, lo).

export interface V4Ranges { starts: Uint32Array; ends: Uint32Array; values: Uint32Array }
export interface V6Ranges { startHi: BigUint64Array; startLo: BigUint64Array; endHi: BigUint64Array; endLo: BigUint64Array; values: Uint32Array }

/** Index of the range holding n, or -1. */
export function findV4(r: V4Ranges, n: number): number {
  let lo = 0, hi = r.starts.length - 1, best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (r.starts[mid] <= n) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best >= 0 && n <= r.ends[best] ? best : -1;
}

const MASK64 = (1n << 64n) - 1n;

function cmp(aHi: bigint, aLo: bigint, bHi: bigint, bLo: bigint): number {
  return aHi < bHi ? -1 : aHi > bHi ? 1 : aLo < bLo ? -1 : aLo > bLo ? 1 : 0;
}

export function findV6(r: V6Ranges, v: bigint): number {
  const vHi = v >> 64n, vLo = v & MASK64;
  let lo = 0, hi = r.startHi.length - 1, best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(r.startHi[mid], r.startLo[mid], vHi, vLo) <= 0) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best >= 0 && cmp(vHi, vLo, r.endHi[best], r.endLo[best]) <= 0 ? best : -1;
}

/** Builds V4Ranges from unsorted [start, end, value] rows (sorted here by start). */
export function buildV4(rows: Array<[number, number, number]>): V4Ranges {
  rows.sort((a, b) => a[0] - b[0]);
  const r = { starts: new Uint32Array(rows.length), ends: new Uint32Array(rows.length), values: new Uint32Array(rows.length) };
  rows.forEach(([s, e, v], i) => { r.starts[i] = s; r.ends[i] = e; r.values[i] = v; });
  return r;
}

export function buildV6(rows: Array<[bigint, bigint, number]>): V6Ranges {
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const n = rows.length;
  const r = { startHi: new BigUint64Array(n), startLo: new BigUint64Array(n), endHi: new BigUint64Array(n), endLo: new BigUint64Array(n), values: new Uint32Array(n) };
  rows.forEach(([s, e, v], i) => {
    r.startHi[i] = s >> 64n; r.startLo[i] = s & MASK64; r.endHi[i] = e >> 64n; r.endLo[i] = e & MASK64; r.values[i] = v;
  });
  return r;
}
