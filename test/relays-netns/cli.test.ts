// `hoptrace relays FILE… --json` on the real capture: the DESIGN §5 contract, and exit 2 at a corrupt byte.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIX = join(ROOT, 'test/relays-netns/fixture');

describe('hoptrace relays', () => {
  it('prints connections, pairs and chains as DESIGN §5 says', () => {
    const out = execFileSync('node', [join(ROOT, 'bin/hoptrace.js'), 'relays', join(FIX, 'relay1.pcapng'), join(FIX, 'relay2.pcap'), '--json', '--quiet'], { encoding: 'utf8' });
    const j = JSON.parse(out) as { connections: Array<Record<string, unknown>>; pairs: Array<Record<string, unknown>>; chains: Array<{ hops: string[]; score: number }> };
    expect(Object.keys(j)).toEqual(['connections', 'pairs', 'chains']);
    expect(Object.keys(j.connections[0])).toEqual(['id', 'proto', 'src', 'sport', 'dst', 'dport', 'start', 'end']);
    const ids = new Set(j.connections.map((c) => c.id));
    for (const p of j.pairs) {
      expect(ids.has(p.inbound)).toBe(true);
      expect(ids.has(p.outbound)).toBe(true);
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
      expect(p.method).toBe('packet');
    }
    expect(j.chains.some((c) => c.hops.length === 3 && c.hops.every((h) => ids.has(h)))).toBe(true);
  });

  it('rejects a truncated capture with the byte offset and exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relays-'));
    const cut = join(dir, 'cut.pcap');
    writeFileSync(cut, readFileSync(join(FIX, 'relay2.pcap')).subarray(0, 5000));
    const r = spawnSync('node', [join(ROOT, 'bin/hoptrace.js'), 'relays', cut, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cut\.pcap @ byte \d+: truncated record/);
  });
});
