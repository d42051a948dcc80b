// `hoptrace beacons FILE --json` on a Zeek conn log written here: the JSON contract of DESIGN §5 and a beacon on top.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hoptrace-beacons-cli-'));
const HEADER = [
  '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\tconn', '#open\t2024-01-01-00-00-00',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents',
  '#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]',
];
const line = (ts: number, src: string, dst: string, dport: number, ob: number) =>
  [ts.toFixed(6), `C${Math.round(ts)}`, src, 50000, dst, dport, 'tcp', 'ssl', '0.5', ob, 900, 'SF', 'T', 'F', 0, 'ShADadFf', 5, 400, 5, 1200, '-'].join('\t');

function conn(): string {
  const rows: string[] = [];
  const t0 = 1_700_000_000;
  for (let t = 6 * 3600; t < 2 * 86400; t += 600) rows.push(line(t0 + t + ((t / 600) % 5) * 7, '10.0.0.5', '203.0.113.7', 443, 320 + ((t / 600) % 3)));
  for (let i = 0; i < 40; i++) rows.push(line(t0 + 9 * 3600 + i * i * 17, '10.0.0.6', '198.51.100.20', 443, 100 + i * 997));
  rows.push(line(t0, '10.0.0.7', '198.51.100.30', 80, 10));
  rows.sort((a, b) => Number(a.split('\t')[0]) - Number(b.split('\t')[0]));
  return `${HEADER.join('\n')}\n${rows.join('\n')}\n#close\t2024-01-03-00-00-00\n`;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hoptrace beacons FILE --json', () => {
  const bin = join(import.meta.dirname, '../../../bin/hoptrace.js');

  it('prints {"pairs":[{src,dst,dport,connections,score,components}]} with the beacon first', () => {
    const file = join(dir, 'conn.log');
    writeFileSync(file, conn());
    const out = JSON.parse(execFileSync('node', [bin, 'beacons', file, '--json', '--quiet'], { encoding: 'utf8' })) as { pairs: Array<Record<string, unknown>> };
    expect(out.pairs.length).toBe(2); // the 1-connection pair is below the minimum
    const [top, other] = out.pairs;
    expect(top).toMatchObject({ src: '10.0.0.5', dst: '203.0.113.7', dport: 443, connections: 252 });
    expect(top.score as number).toBeGreaterThan(0.8);
    expect(top.components).toHaveProperty('ts_score');
    expect(other.score as number).toBeLessThan(top.score as number);
    for (const p of out.pairs) for (const k of ['src', 'dst', 'dport', 'connections', 'score', 'components']) expect(p).toHaveProperty(k);
  }, 60_000);

  it('exits 2 with a clear message on a bad option', () => {
    const r = spawnSync('node', [bin, 'beacons', join(dir, 'conn.log'), '--min-score', '7'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--min-score 7 must be between 0 and 1/);
  }, 60_000);
});
