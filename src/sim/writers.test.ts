import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zoneOffsetMinutes } from '../core/time.ts';
import type { Conn } from './conn.ts';
import { NFDUMP_HEADER, NfdumpWriter } from './nfdump-writer.ts';
import { ZeekWriter } from './zeek-writer.ts';

const conn: Conn = {
  ts: 1473465600.25, uid: 'CabcdefghijklmnopQ', src: '198.18.3.10', sport: 50000, dst: '203.0.113.5', dport: 443, proto: 'tcp',
  service: 'ssl', duration: 1.5, ob: 300, rb: 200, op: 4, rp: 3, state: 'SF', history: 'ShADadFf', localOrig: true, localResp: false,
  tls: { sni: 'c2.example', version: 'TLSv12', cipher: 'X', certFp: 'ab'.repeat(32), established: true },
};
const dir = mkdtempSync(join(tmpdir(), 'hoptrace-writers-'));

describe('zeek writer', () => {
  it.each([
    ['tsv', (t: string) => {
      const lines = t.trim().split('\n');
      expect(lines[0]).toBe('#separator \\x09');
      expect(lines[6].split('\t')[0]).toBe('#fields');
      expect(lines[8].split('\t').slice(0, 3)).toEqual(['1473465600.250000', 'CabcdefghijklmnopQ', '198.18.3.10']);
      expect(lines[8].split('\t')).toHaveLength(21);
      expect(lines[9]).toMatch(/^#close\t2016-09-10-00-00-01$/);
    }],
    ['json-iso', (t: string) => {
      const j = JSON.parse(t);
      expect(j.ts).toBe('2016-09-10T00:00:00.250000Z');
      expect(j['id.orig_h']).toBe('198.18.3.10');
      expect(j._path).toBe('conn');
    }],
    ['json-epoch', (t: string) => {
      const j = JSON.parse(t);
      expect(j.ts).toBeCloseTo(1473465600.25, 6);
      expect(j.id_resp_p).toBe(443);
      expect(j.tunnel_parents).toBeUndefined();
    }],
  ] as const)('%s', (style, check) => {
    const path = join(dir, `conn-${style}`);
    const w = new ZeekWriter(path, 'conn', style);
    w.write(conn);
    w.close(0);
    check(readFileSync(path, 'utf8'));
  });
});

describe('nfdump writer', () => {
  it('writes the 1.6 CSV layout, one record per direction, in the router zone, with the summary', () => {
    const path = join(dir, 'nf.csv');
    const w = new NfdumpWriter(path, {
      ip: '203.0.113.1', asn: 64500, tzOffsetMin: (ms) => zoneOffsetMinutes('Asia/Tokyo', ms),
      inside: (ip) => ip.startsWith('203.0.113.'), asnOf: (ip) => (ip.startsWith('203.0.113.') ? 64500 : 65544),
    });
    w.write(conn);
    w.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(NFDUMP_HEADER);
    const cols = NFDUMP_HEADER.split(',');
    const rec = Object.fromEntries(lines[1].split(',').map((v, i) => [cols[i], v]));
    expect(lines[1].split(',')).toHaveLength(48);
    expect(rec.ts).toBe('2016-09-10 09:00:00'); // JST
    expect(rec.sa).toBe('198.18.3.10');
    expect(rec.pr).toBe('TCP');
    expect(rec.flg).toBe('.AP.SF');
    expect(rec.ibyt).toBe(String(300 + 4 * 52));
    expect(lines[2].split(',')[3]).toBe('203.0.113.5');
    expect(lines.slice(-3)).toEqual(['Summary', 'flows,bytes,packets,avg_bps,avg_pps,avg_bpp', expect.stringMatching(/^2,\d+,7,\d+,\d+,\d+$/)]);
  });
});
