// npx tsx bench/relays.ts [--quick]: the relay detector's cost, each figure beside a naive all-pairs baseline
// measured in the same run (or, where all pairs would take minutes to hours, measured with a uniform sample of the
// connections as the outer loop and scaled by n / sample — labelled "extrapolated").
//  1. parse + correlate rate: a synthetic relay capture (classic pcap) read, decoded, tracked and correlated.
//  2. candidate pairs at 10k, 100k, 1M connections per relay: per relay-day (density grows with n, so the
//     output k itself grows ~n²) and at a fixed load of 10k connections a day (n over n/10k days), where the
//     sweep's O(n log n + k) shows as an exponent near 1 and all-pairs as 2.
//  3. packet-level detection (candidates + ON/OFF + count correlation + assignment + chains) per relay-day.
//  4. the same relay-day end to end from a capture file: read, decode, track, correlate (full run only; the
//     ~2.6 GB capture is written under the OS temp dir and removed).
import { createReadStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { allPairsCandidates, sweepCandidates } from '../src/analyzers/relays/candidates.ts';
import { detectRelays } from '../src/analyzers/relays/detect.ts';
import { fromTracked } from '../src/analyzers/relays/from-capture.ts';
import { synthRelayDay } from '../src/analyzers/relays/synth.testing.ts';
import { scoreRelayPairs } from '../src/analyzers/relays/truth.ts';
import type { RelayConnection } from '../src/analyzers/relays/types.ts';
import { scanCapture } from '../src/ingest/pcap/reader.ts';
import { trackCapture } from '../src/ingest/pcap/track-capture.ts';
import { connectionsToPcap, writeConnectionsPcap } from './relays-pcap.ts';
import { fmt, growthExponent, pad, timed, timedAsync, uptime } from './relays-timing.ts';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
/** All pairs run in full up to this many connections; above, with this many connections sampled for the outer loop. */
const FULL_ALL_PAIRS = 10_000, SAMPLE_OUTER = 4_000;

const chunks = (b: Buffer) => Array.from({ length: Math.ceil(b.length / (1 << 20)) }, (_, i) => b.subarray(i << 20, (i + 1) << 20));
/**
 * All-pairs candidate generation: in full, or with every k-th connection as the outer loop (a uniform sample,
 * so the mix of cheap and dear outer iterations is the full loop's) scaled by n / sample size.
 */
function allPairs(conns: RelayConnection[]): { cpu: number; label: string } {
  if (conns.length <= FULL_ALL_PAIRS) return { cpu: timed(() => allPairsCandidates(conns, () => {})).cpu, label: 'measured' };
  const step = Math.ceil(conns.length / SAMPLE_OUTER);
  const sample = conns.filter((_, i) => i % step === 0);
  const t = timed(() => allPairsCandidates(conns, () => {}, sample));
  return { cpu: (t.cpu * conns.length) / sample.length, label: `extrapolated: ${sample.length} sampled outer × ${conns.length} inner, scaled by n/${sample.length}` };
}

async function rate(n: number) {
  const { conns, truth } = synthRelayDay({ seed: 1, connections: n, daySeconds: n * 3, withTiming: true });
  const { pcap, packets } = connectionsToPcap(conns);
  const read = await timedAsync(async () => { let k = 0; await scanCapture(Readable.from(chunks(pcap)), 'bench.pcap', () => { k++; }); return k; });
  const track = await timedAsync(() => trackCapture(Readable.from(chunks(pcap)), 'bench.pcap'));
  const observed = fromTracked(track.value.connections, 'bench');
  const sweep = timed(() => detectRelays(observed));
  const naive = timed(() => detectRelays(observed, undefined, 'auto', (c, emit) => allPairsCandidates(c, emit)));
  const acc = scoreRelayPairs(sweep.value.pairs, truth, sweep.value.candidates);
  const perS = (s: number) => `${fmt(packets / s / 1e6)} M packets/s`;
  console.log(`\n## 1. parse + correlate: ${packets} packets, ${track.value.connections.length} connections, ${(pcap.length / 1e6).toFixed(0)} MB classic pcap (goal ≥ 1 M packets/s)`);
  console.log(`read records only        ${fmt(read.cpu)} s  ${perS(read.cpu)}`);
  console.log(`read+decode+track        ${fmt(track.cpu)} s  ${perS(track.cpu)}`);
  console.log(`correlate (sweep)        ${fmt(sweep.cpu)} s  ${sweep.value.candidates} candidates → ${sweep.value.pairs.length} pairs (P=${acc.precision.toFixed(3)} R=${acc.recall.toFixed(3)})`);
  console.log(`parse+correlate          ${fmt(track.cpu + sweep.cpu)} s  ${perS(track.cpu + sweep.cpu)}`);
  console.log(`baseline: all pairs      ${fmt(track.cpu + naive.cpu)} s  ${perS(track.cpu + naive.cpu)}  (correlate ${fmt(naive.cpu)} s, measured; ${naive.value.pairs.length} pairs; sweep is ${fmt((track.cpu + naive.cpu) / (track.cpu + sweep.cpu))}x faster end to end, ${fmt(naive.cpu / sweep.cpu)}x on correlation)`);
}

function candidateCost(title: string, daySeconds: (n: number) => number, flowDetectUpTo: number) {
  console.log(`\n## 2. candidate pairs, ${title} (flow records, no timing)`);
  console.log(`${pad('connections', 11)} ${pad('candidates', 11)} ${pad('sweep s', 8)} ${pad('ns/(n·log2n+k)', 14)} ${pad('flow detect s', 13)} ${pad('all-pairs s', 11)} ${pad('ratio', 8)}  all-pairs figure`);
  const rows: Array<{ n: number; k: number; sweep: number; naive: number }> = [];
  for (const n of SIZES) {
    const { conns } = synthRelayDay({ seed: 2, connections: n, daySeconds: daySeconds(n) });
    const named = conns.map((c, i) => ({ ...c, id: `${c.id}#${i}` }));
    const sweep = timed(() => sweepCandidates(named, () => {}));
    const detect = n <= flowDetectUpTo ? fmt(timed(() => detectRelays(named, undefined, 'flow')).cpu) : 'skipped';
    const naive = allPairs(named);
    rows.push({ n, k: sweep.value, sweep: sweep.cpu, naive: naive.cpu });
    const per = (sweep.cpu * 1e9) / (n * Math.log2(n) + sweep.value);
    console.log(`${pad(n, 11)} ${pad(sweep.value, 11)} ${pad(fmt(sweep.cpu), 8)} ${pad(per.toFixed(1), 14)} ${pad(detect, 13)} ${pad((naive.label === 'measured' ? '' : '~') + fmt(naive.cpu), 11)} ${pad(fmt(naive.cpu / sweep.cpu), 7)}x  ${naive.label}`);
  }
  const ns = rows.map((r) => r.n);
  console.log(`fitted growth exponents over n: candidates k ${growthExponent(ns, rows.map((r) => r.k)).toFixed(2)}, sweep time ${growthExponent(ns, rows.map((r) => r.sweep)).toFixed(2)}, all-pairs time ${growthExponent(ns, rows.map((r) => r.naive)).toFixed(2)}; n log n alone would be ${growthExponent(ns, ns.map((n) => n * Math.log2(n))).toFixed(2)}, n² 2.00`);
}

function packetLevel(sizes: number[]) {
  console.log('\n## 3. packet-level detection per relay-day (synthetic keystroke timing; goal: 100k connections in ≤ 10 s)');
  console.log(`${pad('connections', 11)} ${pad('candidates', 11)} ${pad('detect s', 9)} ${pad('wall s', 7)} ${pad('all-pairs s', 12)} ${pad('ratio', 7)}  accuracy / all-pairs figure`);
  const rows: Array<{ n: number; cpu: number }> = [];
  for (const n of sizes) {
    const { conns, truth } = synthRelayDay({ seed: 4, connections: n, withTiming: true });
    const r = timed(() => detectRelays(conns));
    rows.push({ n, cpu: r.cpu });
    const acc = scoreRelayPairs(r.value.pairs, truth, r.value.candidates);
    // Naive: the same scoring of the same candidates, found by testing all pairs.
    const naive = n <= FULL_ALL_PAIRS
      ? { cpu: timed(() => detectRelays(conns, undefined, 'auto', (c, emit) => allPairsCandidates(c, emit))).cpu, label: 'measured' }
      : (() => { const g = allPairs(conns), s = timed(() => sweepCandidates(conns, () => {})); return { cpu: r.cpu - s.cpu + g.cpu, label: `extrapolated: detect − sweep + all-pairs generation (${g.label})` }; })();
    console.log(`${pad(n, 11)} ${pad(r.value.candidates, 11)} ${pad(fmt(r.cpu), 9)} ${pad(fmt(r.wall), 7)} ${pad((naive.label === 'measured' ? '' : '~') + fmt(naive.cpu), 12)} ${pad(fmt(naive.cpu / r.cpu), 6)}x  P=${acc.precision.toFixed(4)} R=${acc.recall.toFixed(4)} FP/1000 candidates=${acc.fpPerThousandCandidates.toFixed(4)}; ${naive.label}`);
  }
  if (rows.length > 1) console.log(`fitted growth exponent of detect time: ${growthExponent(rows.map((r) => r.n), rows.map((r) => r.cpu)).toFixed(2)} (candidates grow ~n² per relay-day)`);
}

async function endToEnd(n: number) {
  const { conns, truth } = synthRelayDay({ seed: 4, connections: n, withTiming: true });
  const path = join(tmpdir(), `hoptrace-relays-bench-${process.pid}.pcap`);
  try {
    const file = writeConnectionsPcap(conns, path);
    const track = await timedAsync(() => trackCapture(createReadStream(path, { highWaterMark: 1 << 20 }), path));
    const observed = fromTracked(track.value.connections, path);
    const r = timed(() => detectRelays(observed));
    const sweep = timed(() => sweepCandidates(observed, () => {}));
    const naive = allPairs(observed);
    const acc = scoreRelayPairs(r.value.pairs, truth, r.value.candidates);
    const cpu = track.cpu + r.cpu, wall = track.wall + r.wall;
    console.log(`\n## 4. end to end from a capture file: ${n} connections per relay-day, ${file.packets} packets, ${(file.bytes / 1e9).toFixed(2)} GB classic pcap`);
    console.log(`read+decode+track        ${fmt(track.cpu)} s (wall ${fmt(track.wall)})  ${fmt(file.packets / track.cpu / 1e6)} M packets/s, ${track.value.connections.length} connections`);
    console.log(`correlate                ${fmt(r.cpu)} s (wall ${fmt(r.wall)})  ${r.value.candidates} candidates → ${r.value.pairs.length} pairs, P=${acc.precision.toFixed(4)} R=${acc.recall.toFixed(4)}`);
    console.log(`end to end               ${fmt(cpu)} s (wall ${fmt(wall)})  ${fmt(file.packets / cpu / 1e6)} M packets/s`);
    console.log(`baseline: all pairs      ~${fmt(cpu - sweep.cpu + naive.cpu)} s  (end to end − sweep ${fmt(sweep.cpu)} s + all-pairs generation ~${fmt(naive.cpu)} s, ${naive.label}; ratio ~${fmt((cpu - sweep.cpu + naive.cpu) / cpu)}x)`);
  } finally {
    rmSync(path, { force: true });
  }
}

/** Runs every measured path once on small inputs first, so no figure below carries the JIT's warm-up. */
async function warmUp() {
  const { conns } = synthRelayDay({ seed: 9, connections: 3_000, daySeconds: 9_000, withTiming: true });
  const { pcap } = connectionsToPcap(conns);
  await scanCapture(Readable.from(chunks(pcap)), 'warm.pcap', () => {});
  const observed = fromTracked((await trackCapture(Readable.from(chunks(pcap)), 'warm.pcap')).connections, 'warm');
  detectRelays(observed);
  detectRelays(observed, undefined, 'flow');
  detectRelays(observed, undefined, 'auto', (c, emit) => allPairsCandidates(c, emit));
  sweepCandidates(observed, () => {});
  allPairsCandidates(observed, () => {}, observed.slice(0, 100));
}

console.log('# relays benchmark — seconds are CPU seconds of this process (user+system); wall seconds where shown');
await warmUp();
console.log(`load at start: ${uptime()}`);
await rate(quick ? 2_000 : 10_000);
candidateCost('n connections per relay-day', () => 86_400, 100_000);
candidateCost('fixed load of 10k connections/day, n over n/10k days', (n) => (n / 10_000) * 86_400, 1_000_000);
packetLevel(quick ? [10_000] : [10_000, 100_000]);
if (!quick) await endToEnd(100_000);
console.log(`\nload at end: ${uptime()}`);
