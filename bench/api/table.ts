// One line per load scenario: what was sent, what came back, latency from the scheduled send, the server's
// own handling time (Server-Timing), how late the generator sent, and CPU of server and generator.
import type { LoadResult } from './load.ts';

const ms = (v: number) => (Number.isNaN(v) ? '-' : Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : 'timeout').padStart(8);

export const HEADER = `${'scenario'.padEnd(36)} ${'sent'.padStart(6)} ${'err'.padStart(4)} ${'req/s'.padStart(6)} | ${'p50'.padStart(8)} ${'p90'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)} ms`
  + ` | server p50/p99 ms | gen lag p99 | CPU server/gen | body`;

export function formatRow(name: string, r: LoadResult, serverCpu: number): string {
  return `${name.padEnd(36)} ${String(r.sent).padStart(6)} ${String(r.errors).padStart(4)} ${r.throughput.toFixed(0).padStart(6)} | ${ms(r.p50)} ${ms(r.p90)} ${ms(r.p99)} ${ms(r.max)}   `
    + `| ${r.serverP50.toFixed(2).padStart(7)} / ${r.serverP99.toFixed(2).padStart(7)} | ${ms(r.sendLagP99)}    | ${serverCpu.toFixed(0).padStart(4)}% / ${r.clientCpu.toFixed(0).padStart(3)}% | ${(r.bytes / 1024).toFixed(1)} KiB`;
}
