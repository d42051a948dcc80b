import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePacket } from './decode.ts';
import { frame } from './build.testing.ts';
import { pcapFormat } from './format.ts';
import { ConnectionTracker } from './track.ts';
import type { Row } from '../../store/store.ts';

const pkt = (src: string, sport: number, dst: string, dport: number, flags: number, payload = 0) =>
  decodePacket(1, frame({ src, dst, sport, dport, flags, payload }))!;

describe('ConnectionTracker', () => {
  it('originator is the SYN sender; payload times per direction; FIN ends; a new SYN reuses the tuple as #2', () => {
    const t = new ConnectionTracker();
    const seq: Array<[number, ReturnType<typeof pkt>]> = [
      [1, pkt('10.0.0.2', 40000, '10.0.0.1', 22, 0x02)], [1.1, pkt('10.0.0.1', 22, '10.0.0.2', 40000, 0x12)],
      [1.2, pkt('10.0.0.2', 40000, '10.0.0.1', 22, 0x18, 36)], [1.3, pkt('10.0.0.1', 22, '10.0.0.2', 40000, 0x18, 52)],
      [2, pkt('10.0.0.2', 40000, '10.0.0.1', 22, 0x11)], [3, pkt('10.0.0.2', 40000, '10.0.0.1', 22, 0x02)],
    ];
    for (const [ts, p] of seq) t.add(ts, p);
    const [a, b] = t.finish();
    expect(a).toMatchObject({ id: '10.0.0.2:40000>10.0.0.1:22', handshake: true, state: 'fin', start: 1, end: 2, bytes: [36, 52], pkts: [3, 2] });
    expect(Array.from(a.series[0].times)).toEqual([1.2]);
    expect(Array.from(a.series[1].sizes)).toEqual([52]);
    expect(b.id).toBe('10.0.0.2:40000>10.0.0.1:22#2');
  });
  it('a SYN-ACK seen first makes its receiver the originator; mid-stream the higher port originates; RST ends', () => {
    const t = new ConnectionTracker();
    t.add(1, pkt('10.0.0.1', 22, '10.0.0.2', 40000, 0x12));
    t.add(1, pkt('10.0.0.9', 22, '10.0.0.8', 50000, 0x18, 10));
    t.add(2, pkt('10.0.0.8', 50000, '10.0.0.9', 22, 0x04));
    const [a, b] = t.finish();
    expect(a.id).toBe('10.0.0.2:40000>10.0.0.1:22');
    expect(b).toMatchObject({ id: '10.0.0.8:50000>10.0.0.9:22', handshake: false, state: 'rst', bytes: [0, 10] });
  });
});

describe('ConnectionTracker retires finished connections as the capture moves on', () => {
  it('a stray ACK within linger joins the closed connection; one after linger starts a mid-stream #2', () => {
    const t = new ConnectionTracker({ idleTimeout: 3600, linger: 60 });
    t.add(1, pkt('10.0.0.2', 40000, '10.0.0.1', 22, 0x02));
    t.add(2, pkt('10.0.0.2', 40000, '10.0.0.1', 22, 0x11));
    t.add(30, pkt('10.0.0.1', 22, '10.0.0.2', 40000, 0x10));
    t.add(200, pkt('10.0.0.9', 50000, '10.0.0.8', 80, 0x18, 10)); // other traffic moves the capture clock on
    t.add(201, pkt('10.0.0.1', 22, '10.0.0.2', 40000, 0x10));
    expect(t.done.map((c) => c.id)).toEqual(['10.0.0.2:40000>10.0.0.1:22']);
    const all = t.finish();
    expect(all.map((c) => [c.id, c.pkts])).toEqual([
      ['10.0.0.2:40000>10.0.0.1:22', [2, 1]], ['10.0.0.9:50000>10.0.0.8:80', [1, 0]], ['10.0.0.2:40000>10.0.0.1:22#2', [0, 1]],
    ]);
  });
});

describe('pcap ingest format', () => {
  it('writes packets with connection and direction, flows at the end, and rejects skipped frames', async () => {
    const buf = readFileSync(new URL('./fixtures/single-conn.pcap', import.meta.url));
    expect(pcapFormat.sniff(buf, 'x')).toBe(0.8);
    const rows: Record<string, Row[]> = { packets: [], flows: [] };
    let read = 0, rejects = 0;
    for await (const b of pcapFormat.parse({ path: 'x', open: () => Readable.from([buf]) }, { file: 'single-conn.pcap', sensor: 's1' })) {
      read += b.read; rejects += b.rejects.length;
      for (const [k, v] of Object.entries(b.rows)) rows[k].push(...(v as Row[]));
    }
    expect(read).toBe(94);
    expect(rows.packets.length + rejects).toBe(94);
    expect(rows.flows).toEqual([expect.objectContaining({ src: '192.150.186.169', sport: 49244, dst: '131.159.14.23', dport: 22, proto: 'tcp', uid: '192.150.186.169:49244>131.159.14.23:22', sensor: 's1' })]);
    expect(new Set(rows.packets.map((p) => p.conn))).toEqual(new Set(['192.150.186.169:49244>131.159.14.23:22']));
    expect(rows.packets[1]).toMatchObject({ dir: 1, flags: 0x12 });
  });
});
