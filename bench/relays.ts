// npx tsx bench/relays.ts [--quick]: (1) parse+correlate rate on a synthetic relay capture, sweep vs the
// naive all-pairs candidate baseline in the same run; (2) candidate-pair cost at 10k, 100k, 1M connections
// per relay-day, sweep vs all-pairs (all-pairs measured where it finishes in reasonable time, extrapolated
// by n² beyond, and said so); (3) packet-level detection time at 10k and 100k connections per relay-day.
import { Readable } from 'node:stream';
import { allPairsCandidates, sweepCandidates } from '../src/analyzers/relays/candidates.ts';
import { detectRelays } from '../src/analyzers/relays/detect.ts';
import { fromTracked } from '../src/analyzers/relays/from-capture.ts';
import { synthRelayDay } from '../src/analyzers/relays/synth.testing.ts';
import { scoreRelayPairs } from '../src/analyzers/relays/truth.ts';
import { decodeHeaders, newHeaders } from '../src/ingest/pcap/headers.ts';
import { readCaptureBatches } from '../src/ingest/pcap/reader.ts';
import { ConnectionTracker } from '../src/ingest/pcap/track.ts';
import { connectionsToPcap } from './relays-pcap.ts';

const quick = process.argv.includes('--quick');
console.log('# relays benchmark — times are CPU seconds of this process (user+system)');
// The machine is shared (load average ~20 on 2 cores while this was written): CPU seconds of this process
// are printed beside wall seconds and the rates use CPU seconds, which the other tenants disturb far less.
let cpu0 = process.cpuUsage();
const secs = (t0: bigint) => { void t0; const u = process.cpuUsage(cpu0); return (u.user + u.system) / 1e6; };
const start = () => { cpu0 = process.cpuUsage(); return process.hrtime.bigint(); };
const runStart = process.hrtime.bigint();
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(4));
const chunks = (b: Buffer) => { const out: Buffer[] = []; for (let i = 0; i < b.length; i += 1 << 20) out.push(b.subarray(i, i + (1 << 20))); return out; };

async function parseAndTrack(pcap: Buffer) {
  const tracker = new ConnectionTracker();
  const h = newHeaders();
  let n = 0;
  for await (const batch of readCaptureBatches(Readable.from(chunks(pcap)), 'bench.pcap')) {
    for (const p of batch) { n++; if (decodeHeaders(p.linkType, p.data, h)) tracker.addHeaders(p.ts, h); }
  }
  return { packets: n, conns: tracker.finish() };
}

async function rate(connections: number) {
  const { conns, truth } = synthRelayDay({ seed: 1, connections, daySeconds: connections * 3, withTiming: true });
  const { pcap, packets } = connectionsToPcap(conns);
  let t = start();
  let parsed = 0;
  for await (const b of readCaptureBatches(Readable.from(chunks(pcap)), 'bench.pcap')) parsed += b.length;
  const readS = secs(t);
  t = start();
  const tracked = await parseAndTrack(pcap);
  const trackS = secs(t);
  t = start();
  const r = detectRelays(fromTracked(tracked.conns, 'bench'));
  const detectS = secs(t);
  t = start();
  const base = detectRelays(fromTracked(tracked.conns, 'bench'), undefined, 'auto', allPairsCandidates);
  const baseS = secs(t);
  const acc = scoreRelayPairs(r.pairs, truth, r.candidates);
  console.log(`\n## parse + correlate: ${packets} packets, ${tracked.conns.length} connections, ${(pcap.length / 1e6).toFixed(0)} MB pcap`);
  console.log(`read only            ${fmt(readS)} s  ${fmt(parsed / readS / 1e6)} M packets/s`);
  console.log(`read+decode+track    ${fmt(trackS)} s  ${fmt(packets / trackS / 1e6)} M packets/s`);
  console.log(`correlate (sweep)    ${fmt(detectS)} s  (${r.candidates} candidates, ${r.pairs.length} pairs; P=${acc.precision.toFixed(3)} R=${acc.recall.toFixed(3)})`);
  console.log(`parse+correlate      ${fmt(trackS + detectS)} s  ${fmt(packets / (trackS + detectS) / 1e6)} M packets/s`);
  console.log(`baseline all-pairs   ${fmt(trackS + baseS)} s  ${fmt(packets / (trackS + baseS) / 1e6)} M packets/s  (correlate ${fmt(baseS)} s, same ${base.pairs.length} pairs; ratio ${fmt((trackS + baseS) / (trackS + detectS))}x)`);
}

function candidateCost(title: string, sizes: number[], baselineCap: number, fullCap: number, daySeconds: (n: number) => number) {
  console.log(`\n## candidate pairs: ${title} (flow records, no timing)`);
  console.log('connections  candidates   sweep s   sweep+flow-detect s  sweep per n·log2n (ns)  all-pairs s');
  let baseFit: { n: number; s: number } | null = null;
  for (const n of sizes) {
    const { conns } = synthRelayDay({ seed: 2, connections: n, daySeconds: daySeconds(n) });
    const named = conns.map((c, i) => ({ ...c, id: `${c.id}#${i}` }));
    let t = start();
    const k = sweepCandidates(named, () => {});
    const sweepS = secs(t);
    let full = 'skipped (too many candidates)';
    if (n <= fullCap) {
      t = start();
      detectRelays(named, undefined, 'flow');
      full = fmt(secs(t));
    }
    let base = '';
    if (n <= baselineCap) {
      t = start();
      allPairsCandidates(named, () => {});
      const s = secs(t);
      baseFit = { n, s };
      base = `${fmt(s)} (measured; ${fmt(s / sweepS)}x sweep)`;
    } else if (baseFit) {
      const s = baseFit.s * (n / baseFit.n) ** 2;
      base = `~${fmt(s)} (extrapolated n² from ${baseFit.n}; ~${fmt(s / sweepS)}x sweep)`;
    }
    console.log(`${String(n).padStart(11)}  ${String(k).padStart(10)}  ${fmt(sweepS).padStart(8)}  ${full.padStart(19)}  ${fmt((sweepS * 1e9) / (n * Math.log2(n))).padStart(22)}  ${base}`);
  }
}

function packetLevel(sizes: number[]) {
  console.log('\n## packet-level detection per relay-day (connections with keystroke timing)');
  for (const n of sizes) {
    const { conns, truth } = synthRelayDay({ seed: 4, connections: n, withTiming: true });
    const t = start();
    const r = detectRelays(conns);
    const s = secs(t);
    const acc = scoreRelayPairs(r.pairs, truth, r.candidates);
    console.log(`${n} connections: ${fmt(s)} s, ${r.candidates} candidates, P=${acc.precision.toFixed(3)} R=${acc.recall.toFixed(3)} FP/1000 candidates=${acc.fpPerThousandCandidates.toFixed(3)}`);
  }
}

await rate(quick ? 2000 : 10000);
// Per relay-day: more connections per day also means more of them overlap, so candidates grow ~n².
candidateCost('n connections per relay-day', quick ? [10_000, 100_000] : [10_000, 30_000, 100_000, 1_000_000], 30_000, 100_000, () => 86400);
// Fixed load (10k connections a day, n over n/10k days): the sweep itself, where n log n shows.
candidateCost('fixed load of 10k connections/day, n over n/10k days', quick ? [10_000, 100_000] : [10_000, 30_000, 100_000, 1_000_000], 30_000, 1_000_000, (n) => (n / 10_000) * 86400);
packetLevel(quick ? [10_000] : [10_000, 100_000]);
console.log(`\n(whole run: ${(Number(process.hrtime.bigint() - runStart) / 1e9).toFixed(0)} s wall; load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
