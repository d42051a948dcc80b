import { describe, expect, it } from 'vitest';
import { decodePacket, type SkipCounts } from './decode.ts';
import { frame, LINK_OF, type FrameSpec } from './build.testing.ts';

describe('decodePacket link layers and IP versions', () => {
  const links: Array<FrameSpec['link']> = ['eth', 'vlan', 'qinq', 'sll', 'sll2', 'raw'];
  for (const link of links) {
    for (const [src, dst] of [['10.1.2.3', '192.168.9.8'], ['2001:db8::1', 'fe80::abcd:1']]) {
      it(`${link} ${src.includes(':') ? 'IPv6' : 'IPv4'} TCP`, () => {
        const d = decodePacket(LINK_OF[link!], frame({ src, dst, sport: 50000, dport: 22, flags: 0x02, seq: 77, payload: 31, link }))!;
        expect(d).toMatchObject({ src, dst, proto: 6, sport: 50000, dport: 22, tcpFlags: 2, seq: 77, payloadLength: 31 });
        expect(d.payload.length).toBe(31);
        expect(d.version).toBe(src.includes(':') ? 6 : 4);
      });
    }
  }
  it('UDP ports and payload; Ethernet padding is not payload', () => {
    const d = decodePacket(1, frame({ src: '10.0.0.1', dst: '10.0.0.2', sport: 53, dport: 5353, proto: 17, payload: 3 }))!;
    expect(d).toMatchObject({ proto: 17, sport: 53, dport: 5353, payloadLength: 3 });
    const t = decodePacket(1, frame({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, payload: 0 }))!;
    expect(t.payloadLength).toBe(0);
  });
});

describe('decodePacket skips and counts what it cannot use', () => {
  const ip4 = frame({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, payload: 4 });
  const v6 = frame({ src: '2001:db8::1', dst: '2001:db8::2', sport: 1, dport: 2, payload: 4, link: 'raw' });
  const mutate = (b: Buffer, f: (x: Buffer) => void) => { const c = Buffer.from(b); f(c); return c; };
  const cases: Array<[string, number, Buffer, string]> = [
    ['ARP', 1, mutate(ip4, (b) => b.writeUInt16BE(0x0806, 12)), 'ethertype 0x0806'],
    ['IPv4 fragment (MF)', 1, mutate(ip4, (b) => b.writeUInt16BE(0x2000, 14 + 6)), 'IPv4 fragment'],
    ['IPv4 later fragment', 1, mutate(ip4, (b) => b.writeUInt16BE(0x0010, 14 + 6)), 'IPv4 fragment'],
    ['IPv6 fragment header', 101, mutate(v6, (b) => { b[6] = 44; }), 'IPv6 fragment'],
    ['unknown link type', 147, ip4, 'link type 147'],
    ['short frame', 1, Buffer.alloc(6), 'short frame'],
  ];
  for (const [name, lt, data, reason] of cases) {
    it(name, () => {
      const stats: SkipCounts = {};
      expect(decodePacket(lt, data, stats)).toBeNull();
      expect(stats).toEqual({ [reason]: 1 });
    });
  }
  it('IPv4 options and IPv6 extension headers are stepped over', () => {
    const v4 = frame({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, payload: 4, link: 'raw' });
    const withOpts = Buffer.concat([v4.subarray(0, 20), Buffer.from([1, 1, 1, 0]), v4.subarray(20)]);
    withOpts[0] = 0x46; withOpts.writeUInt16BE(v4.length + 4, 2);
    expect(decodePacket(101, withOpts)).toMatchObject({ sport: 1, dport: 2, payloadLength: 4 });
    const hbh = Buffer.from([6, 0, 0, 0, 0, 0, 0, 0]); // hop-by-hop, next = TCP
    const ext = Buffer.concat([v6.subarray(0, 40), hbh, v6.subarray(40)]);
    ext[6] = 0; ext.writeUInt16BE(v6.length - 40 + 8, 4);
    expect(decodePacket(101, ext)).toMatchObject({ proto: 6, sport: 1, dport: 2, payloadLength: 4 });
  });
});
