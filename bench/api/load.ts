// A bounded HTTP load generator for loopback (node:http, keep-alive agent with a fixed socket pool).
// Open loop: request i is due at t0 + i/rate whether or not earlier ones have answered, and its latency
// counts from that due time, so a stalled server (or a stalled generator, or requests queued for a socket)
// shows in the percentiles instead of being hidden (no coordinated omission). Closed loop: `connections`
// senders back to back, for the capacity. Both are bounded: a fixed number of requests, each given up
// after timeoutMs (counted as an error and as an infinite latency).
import http from 'node:http';

export interface Target { url: string; token?: string; connections: number; timeoutMs: number }
export interface LoadResult {
  sent: number; ok: number; errors: number; timeouts: number; seconds: number;
  /** Successful responses per second of the run. */
  throughput: number;
  p50: number; p90: number; p99: number; max: number;
  serverP50: number; serverP99: number;
  /** How late the generator sent (open loop): its own scheduling delay, already inside the latencies. */
  sendLagP99: number;
  bytes: number;
  /** CPU the generator process used, in % of one core. */
  clientCpu: number;
}

interface Outcome { status: number; timeout: boolean; serverMs: number | null; bytes: number }

/** Nearest-rank quantile of an ascending array (NaN when empty). */
export function quantile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : NaN;
}

export function summarize(latencies: number[], outcomes: Outcome[], seconds: number, lags: number[] = [], cpuMs = 0): LoadResult {
  const lat = [...latencies].sort((a, b) => a - b);
  const server = outcomes.map((o) => o.serverMs).filter((x): x is number => x != null).sort((a, b) => a - b);
  const ok = outcomes.filter((o) => o.status >= 200 && o.status < 400).length;
  return {
    sent: outcomes.length, ok, errors: outcomes.length - ok, timeouts: outcomes.filter((o) => o.timeout).length, seconds,
    throughput: ok / seconds, p50: quantile(lat, 0.5), p90: quantile(lat, 0.9), p99: quantile(lat, 0.99), max: quantile(lat, 1),
    serverP50: quantile(server, 0.5), serverP99: quantile(server, 0.99), sendLagP99: quantile([...lags].sort((a, b) => a - b), 0.99),
    bytes: outcomes.length ? outcomes.reduce((s, o) => s + o.bytes, 0) / outcomes.length : 0, clientCpu: seconds > 0 ? cpuMs / (seconds * 10) : 0,
  };
}

export class Client {
  private readonly agent: http.Agent;
  private readonly headers: Record<string, string>;

  constructor(private readonly t: Target) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: t.connections, maxFreeSockets: t.connections, scheduling: 'fifo' });
    this.headers = t.token ? { authorization: `Bearer ${t.token}` } : {};
  }

  get(): Promise<Outcome> {
    return new Promise((resolve) => {
      let bytes = 0;
      const req = http.get(this.t.url, { agent: this.agent, headers: this.headers }, (res) => {
        res.on('data', (d: Buffer) => { bytes += d.length; });
        res.on('end', () => {
          clearTimeout(timer);
          const dur = /dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
          resolve({ status: res.statusCode ?? 0, timeout: false, serverMs: dur ? Number(dur[1]) : null, bytes });
        });
      });
      // From the moment it is issued, so time spent queued for a socket counts towards the timeout too.
      const timer = setTimeout(() => req.destroy(new Error('timeout')), this.t.timeoutMs);
      req.on('error', (e) => { clearTimeout(timer); resolve({ status: 0, timeout: e.message === 'timeout', serverMs: null, bytes }); });
    });
  }

  /** Opens the socket pool (not measured). */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.t.connections }, () => this.get()));
  }

  close(): void {
    this.agent.destroy();
  }
}

export async function openLoop(t: Target, rate: number, seconds: number): Promise<LoadResult> {
  const client = new Client(t);
  await client.warm();
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const outcomes: Outcome[] = [];
  const lags: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now() + 1;
  await new Promise<void>((resolve) => {
    let sent = 0;
    let finished = 0;
    const tick = () => {
      const now = performance.now();
      for (; sent < total && t0 + sent * interval <= now; sent++) {
        const due = t0 + sent * interval;
        lags.push(now - due);
        void client.get().then((o) => {
          outcomes.push(o);
          latencies.push(o.timeout ? Infinity : performance.now() - due);
          if (++finished === total) resolve();
        });
      }
      if (sent < total) setTimeout(tick, Math.max(0, t0 + sent * interval - performance.now()));
    };
    tick();
  });
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  client.close();
  return summarize(latencies, outcomes, elapsed, lags, (cpu.user + cpu.system) / 1000);
}

export async function closedLoop(t: Target, requests: number): Promise<LoadResult> {
  const client = new Client(t);
  await client.warm();
  const latencies: number[] = [];
  const outcomes: Outcome[] = [];
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: t.connections }, async () => {
    while (next < requests) {
      next++;
      const start = performance.now();
      const o = await client.get();
      outcomes.push(o);
      latencies.push(o.timeout ? Infinity : performance.now() - start);
    }
  }));
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  client.close();
  return summarize(latencies, outcomes, elapsed, [], (cpu.user + cpu.system) / 1000);
}
