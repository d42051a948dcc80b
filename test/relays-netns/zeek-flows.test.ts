// The same real capture as Zeek conn records (written from the tracked connections): the flow-level path
// through the Zeek parser, `hoptrace relays` style, with its figures printed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectRelays } from '../../src/analyzers/relays/detect.ts';
import { loadRelayInput } from '../../src/analyzers/relays/inputs.ts';
import { scoreRelayPairs, truthTuple } from '../../src/analyzers/relays/truth.ts';

const FIX = new URL('./fixture/', import.meta.url).pathname;
const FIELDS = ['ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'proto', 'service', 'duration', 'orig_bytes', 'resp_bytes', 'conn_state', 'orig_pkts', 'resp_pkts'];
const TYPES = ['time', 'string', 'addr', 'port', 'addr', 'port', 'enum', 'string', 'interval', 'count', 'count', 'string', 'count', 'count'];

describe('flow level from Zeek conn records of the real capture', () => {
  it('parses through the Zeek format and scores the relayed pairs at flow level', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relays-zeek-'));
    const files: string[] = [];
    for (const cap of ['relay1.pcapng', 'relay2.pcap']) {
      const { connections } = await loadRelayInput(FIX + cap);
      const lines = connections.map((c, i) => [c.start.toFixed(6), `C${cap.length}x${i}`, c.src, c.sport, c.dst, c.dport, c.proto, 'ssh',
        (c.end - c.start).toFixed(6), c.bytes![0], c.bytes![1], 'SF', c.pkts![0], c.pkts![1]].join('\t'));
      const f = join(dir, `${cap}.conn.log`);
      writeFileSync(f, ['#separator \\x09', '#path\tconn', `#fields\t${FIELDS.join('\t')}`, `#types\t${TYPES.join('\t')}`, ...lines, ''].join('\n'));
      files.push(f);
    }
    const loaded = await Promise.all(files.map((f) => loadRelayInput(f)));
    expect(loaded.map((l) => l.format)).toEqual(['zeek', 'zeek']);
    const r = detectRelays(loaded.flatMap((l) => l.connections));
    const truth = JSON.parse(readFileSync(FIX + 'ground-truth.json', 'utf8')) as { pairs: Array<{ inbound: never; outbound: never }> };
    const s = scoreRelayPairs(r.pairs, truth.pairs.map((p) => ({ inbound: truthTuple(p.inbound), outbound: truthTuple(p.outbound) })), r.candidates);
    console.log(`flow level via Zeek conn: ${JSON.stringify(s)}`);
    expect(r.pairs.every((p) => p.method === 'flow' && p.score <= 0.8)).toBe(true);
    expect(s.precision).toBeGreaterThanOrEqual(0.8);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
  });
});
