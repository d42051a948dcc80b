// A bounded HTTP load generator on loopback (undici via fetch, keep-alive). Open loop: requests start on a
// fixed schedule and latency counts from the scheduled start (no coordinated omission). Closed loop: N
// workers send back to back, a fixed number of requests in all.
export interface LoadResult { requests: number; errors: number; seconds: number; throughput: number; p50: number; p90: number; p99: number; max: number; serverP50: number; serverP99: number }

function quantiles(values: number[]): (p: number) => number {
  const s = [...values].sort((a, b) => a - b);
  return (p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN);
}

/** Client-side latencies (ms) and, when given, the server's own handling times from Server-Timing. */
export function summarize(latencies: number[], errors: number, seconds: number, serverTimes: number[] = []): LoadResult {
  const q = quantiles(latencies);
  const sq = quantiles(serverTimes);
  return { requests: latencies.length, errors, seconds, throughput: latencies.length / seconds, p50: q(0.5), p90: q(0.9), p99: q(0.99),
    max: q(1), serverP50: sq(0.5), serverP99: sq(0.99) };
}

async function once(url: string, token: string, serverTimes: number[]): Promise<boolean> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  const dur = /dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
  if (dur) serverTimes.push(Number(dur[1]));
  return res.ok;
}

export async function openLoop(url: string, token: string, rate: number, seconds: number): Promise<LoadResult> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const serverTimes: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(once(url, token, serverTimes).then((ok) => { latencies.push(performance.now() - due); if (!ok) errors++; }, () => { errors++; }));
  }
  await Promise.all(pending);
  return summarize(latencies, errors, (performance.now() - t0) / 1000, serverTimes);
}

export async function closedLoop(url: string, token: string, workers: number, requests: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const serverTimes: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < requests) {
      next++;
      const start = performance.now();
      try { if (!(await once(url, token, serverTimes))) errors++; } catch { errors++; }
      latencies.push(performance.now() - start);
    }
  }));
  return summarize(latencies, errors, (performance.now() - t0) / 1000, serverTimes);
}
