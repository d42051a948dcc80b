import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CaptureError } from './capture-error.ts';
import { decodePacket } from './decode.ts';
import { frame, pcapFile, pcapngFile } from './build.testing.ts';
import { v4ToText } from '../../core/ip.ts';
import { decodeHeadersAt, newHeaders } from './headers.ts';
import { readCapture, scanCapture, sniffCapture, type CapturedPacket } from './reader.ts';

const fx = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

async function readAllPackets(buf: Buffer, chunk = 4096): Promise<CapturedPacket[]> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) chunks.push(buf.subarray(i, i + chunk));
  const out: CapturedPacket[] = [];
  for await (const p of readCapture(Readable.from(chunks), 'x.pcap')) out.push(p);
  return out;
}

describe('readCapture on real captures, checked against tshark', () => {
  for (const [file, tsv] of [
    ['single-conn.pcap', 'single-conn'], ['single-conn.pcapng', 'single-conn'],
    ['ssh-on-port-80.pcap', 'ssh-on-port-80'], ['ssh-on-port-80.ns.pcap', 'ssh-on-port-80'],
  ]) {
    it(`${file}: every packet, time, tuple, payload length, flags and seq`, async () => {
      const expected = readFileSync(fx(`${tsv}.tshark.tsv`), 'utf8').trim().split('\n').map((l) => l.split('\t'));
      for (const chunk of [7, 4096]) {
        const pkts = await readAllPackets(readFileSync(fx(file)), chunk);
        expect(pkts.length).toBe(expected.length);
        pkts.forEach((p, i) => {
          const [ts, src, sport, dst, dport, len, flags, seq] = expected[i];
          expect(p.ts).toBeCloseTo(Number(ts), 5);
          const d = decodePacket(p.linkType, p.data)!;
          expect([d.src, d.sport, d.dst, d.dport, d.payloadLength, d.tcpFlags, d.seq])
            .toEqual([src, Number(sport), dst, Number(dport), Number(len), parseInt(flags, 16), Number(seq)]);
        });
      }
    });
  }

  it('reports record offsets in the file', async () => {
    const buf = readFileSync(fx('single-conn.pcap'));
    const pkts = await readAllPackets(buf);
    expect(pkts[0].offset).toBe(24);
    expect(pkts[1].offset).toBe(24 + 16 + pkts[0].data.length);
    expect(sniffCapture(buf)).toBe(1);
    expect(sniffCapture(readFileSync(fx('single-conn.pcapng')))).toBe(1);
    expect(sniffCapture(Buffer.from('#separator \\x09\n'))).toBe(0);
  });
});

describe('scanCapture (in-place visitor, the tracking fast path) sees what readCapture sees', () => {
  for (const file of ['single-conn.pcap', 'single-conn.pcapng', 'ssh-on-port-80.pcap', 'ssh-on-port-80.ns.pcap']) {
    it(file, async () => {
      const buf = readFileSync(fx(file));
      const want = await readAllPackets(buf, 7);
      const got: Array<{ ts: number; linkType: number; data: Buffer; offset: number }> = [];
      const h = newHeaders();
      const chunks = [];
      for (let i = 0; i < buf.length; i += 7) chunks.push(buf.subarray(i, i + 7));
      await scanCapture(Readable.from(chunks), 'x.pcap', (ts, linkType, b, at, len, offset) => {
        got.push({ ts, linkType, data: Buffer.from(b.subarray(at, at + len)), offset });
        const d = decodePacket(linkType, b.subarray(at, at + len));
        expect(decodeHeadersAt(linkType, b, at, len, h)).toBe(Boolean(d && (d.proto === 6 || d.proto === 17)));
        if (d && h.version === 4) {
          expect([v4ToText(h.src4), v4ToText(h.dst4), h.sport, h.dport, h.flags, h.payloadLength]).toEqual([d.src, d.dst, d.sport, d.dport, d.tcpFlags ?? 0, d.payloadLength]);
        }
      });
      expect(got).toEqual(want.map((p) => ({ ts: p.ts, linkType: p.linkType, data: Buffer.from(p.data), offset: p.offset })));
    });
  }
  it('rejects a truncated capture at the byte offset too', async () => {
    const f = frame({ src: '10.0.0.1', dst: '10.0.0.2', sport: 40000, dport: 22, payload: 10 });
    const good = pcapFile([{ ts: 1, data: f }, { ts: 2, data: f }]);
    const err = await scanCapture(Readable.from([good.subarray(0, good.length - 5)]), 'x.pcap', () => {}).then(() => null, (e: unknown) => e);
    expect((err as CaptureError).offset).toBe(24 + 16 + f.length);
  });
});

describe('chunks larger than the joined head: records cut at every chunk edge, one record larger than the head', () => {
  const recs = Array.from({ length: 6000 }, (_, i) => {
    const f = frame({ src: '10.0.0.1', dst: '10.0.0.2', sport: 40000 + (i % 7), dport: 22, payload: i % 50 });
    return { ts: 1700000000 + i / 100, data: i === 3000 ? Buffer.concat([f, Buffer.alloc(90_000)]) : f }; // one 90 kB record (trailing padding)
  });
  for (const [name, buf] of [['pcap', pcapFile(recs)], ['pcapng', pcapngFile(recs)]] as const) {
    it(name, async () => {
      const small = await readAllPackets(buf, 4093);
      for (const chunk of [70_001, 131_071]) {
        const big = await readAllPackets(buf, chunk);
        expect(big.map((p) => [p.ts, p.offset, p.data.length])).toEqual(small.map((p) => [p.ts, p.offset, p.data.length]));
        let n = 0;
        const chunks = [];
        for (let i = 0; i < buf.length; i += chunk) chunks.push(buf.subarray(i, i + chunk));
        await scanCapture(Readable.from(chunks), 'x.pcap', (ts, _l, b, at, len, offset) => {
          expect([ts, offset, len]).toEqual([small[n].ts, small[n].offset, small[n].data.length]);
          expect(b.subarray(at, at + len).equals(small[n].data)).toBe(true);
          n++;
        });
        expect(n).toBe(6000);
      }
    });
  }
});

describe('synthetic captures: byte orders, resolutions, block kinds', () => {
  const f = frame({ src: '10.0.0.1', dst: '10.0.0.2', sport: 40000, dport: 22, payload: 48 });
  const recs = [{ ts: 1700000000.123456, data: f }, { ts: 1700000001.5, data: f }];
  const cases: Array<[string, Buffer]> = [
    ['pcap LE µs', pcapFile(recs)], ['pcap BE µs', pcapFile(recs, { little: false })],
    ['pcap LE ns', pcapFile(recs, { nanos: true })], ['pcap BE ns', pcapFile(recs, { little: false, nanos: true })],
    ['pcapng LE µs', pcapngFile(recs)], ['pcapng BE ns', pcapngFile(recs, { little: false, resol: 9 })],
  ];
  for (const [name, buf] of cases) {
    it(name, async () => {
      const pkts = await readAllPackets(buf, 13);
      expect(pkts.map((p) => p.ts)).toEqual([expect.closeTo(1700000000.123456, 6), expect.closeTo(1700000001.5, 6)]);
      expect(pkts.every((p) => p.linkType === 1 && p.data.equals(f))).toBe(true);
    });
  }
  it('pcapng simple packet blocks take the first interface, without time', async () => {
    const pkts = await readAllPackets(pcapngFile(recs, { spb: true }));
    expect(pkts.length).toBe(2);
    expect(Number.isNaN(pkts[0].ts)).toBe(true);
    expect(decodePacket(pkts[0].linkType, pkts[0].data)?.dport).toBe(22);
  });
  it('pcapng with several interfaces keeps each link type', async () => {
    const raw = frame({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, link: 'raw' });
    const pkts = await readAllPackets(pcapngFile([{ ts: 1, data: f, linkType: 1 }, { ts: 2, data: raw, linkType: 101 }]));
    expect(pkts.map((p) => p.linkType)).toEqual([1, 101]);
  });
});

describe('truncated and corrupt captures are rejected at the byte offset', () => {
  const f = frame({ src: '10.0.0.1', dst: '10.0.0.2', sport: 40000, dport: 22, payload: 10 });
  const good = pcapFile([{ ts: 1, data: f }, { ts: 2, data: f }]);
  const cases: Array<[string, Buffer, number, RegExp]> = [
    ['cut inside the second record', good.subarray(0, good.length - 5), 24 + 16 + f.length, /truncated record/],
    ['impossible record length', (() => { const b = Buffer.from(good); b.writeUInt32LE(0x7fffffff, 24 + 8); return b; })(), 24, /record length/],
    ['not a capture', Buffer.from('this is certainly not a pcap file at all'), 0, /not a pcap/],
    ['too short', Buffer.from([0xd4, 0xc3, 0xb2]), 0, /too short/],
    ['pcapng trailer mismatch', (() => { const b = Buffer.from(pcapngFile([{ ts: 1, data: f }])); b.writeUInt32LE(999, b.length - 4); return b; })(), -1, /trailer/],
  ];
  for (const [name, buf, offset, reason] of cases) {
    it(name, async () => {
      const err = await readAllPackets(buf).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(CaptureError);
      const ce = err as CaptureError;
      expect(ce.reason).toMatch(reason);
      if (offset >= 0) expect(ce.offset).toBe(offset);
      expect(ce.message).toContain('x.pcap @ byte');
    });
  }
});
