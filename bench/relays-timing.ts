// Timing helpers for bench/relays.ts: CPU seconds of this process (the machine is shared; other tenants
// disturb CPU time far less than wall time) beside wall seconds, a growth-exponent fit, and formatting.
import { execSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** Collects garbage before each measurement so one phase's leftovers are not charged to the next. */
const gc = runInNewContext('gc') as () => void;

export interface Timed<T> { value: T; cpu: number; wall: number }

/** Runs f; short runs are repeated (up to 7, or until 1 CPU second in all) and the fastest kept, so short figures are not noise. */
export function timed<T>(f: () => T): Timed<T> {
  let best: Timed<T> | null = null;
  let spent = 0;
  for (let rep = 0; rep < 7 && spent < 1; rep++) {
    gc();
    const c0 = process.cpuUsage(), w0 = performance.now();
    const value = f();
    const c = process.cpuUsage(c0);
    const t = { value, cpu: (c.user + c.system) / 1e6, wall: (performance.now() - w0) / 1000 };
    if (!best || t.cpu < best.cpu) best = t;
    spent += t.cpu;
  }
  return best!;
}

export async function timedAsync<T>(f: () => Promise<T>): Promise<Timed<T>> {
  gc();
  const c0 = process.cpuUsage(), w0 = performance.now();
  const value = await f();
  const c = process.cpuUsage(c0);
  return { value, cpu: (c.user + c.system) / 1e6, wall: (performance.now() - w0) / 1000 };
}

/** Least-squares slope of log(y) over log(x): y ∝ x^slope. */
export function growthExponent(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log), ly = ys.map((y) => Math.log(Math.max(y, 1e-9)));
  const mx = lx.reduce((a, b) => a + b) / lx.length, my = ly.reduce((a, b) => a + b) / ly.length;
  let num = 0, den = 0;
  lx.forEach((x, i) => { num += (x - mx) * (ly[i] - my); den += (x - mx) ** 2; });
  return den ? num / den : NaN;
}

export const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(4));
export const pad = (s: string | number, n: number): string => String(s).padStart(n);

export function uptime(): string {
  try {
    return execSync('uptime').toString().trim();
  } catch {
    return 'uptime unavailable';
  }
}
