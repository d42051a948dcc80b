// Test helper: wraps UDP payloads into a classic little-endian pcap (Ethernet/IPv4/UDP), as an exporter capture.
export function exporterPcap(payloads: Buffer[], src = '192.0.2.1', dst = '192.0.2.200', dport = 2055): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(1, 20);
  const parts = [header];
  payloads.forEach((payload, i) => {
    const frame = Buffer.alloc(14 + 20 + 8 + payload.length);
    frame.writeUInt16BE(0x0800, 12);
    frame[14] = 0x45;
    frame.writeUInt16BE(20 + 8 + payload.length, 16);
    frame[22] = 64;
    frame[23] = 17;
    Buffer.from(src.split('.').map(Number)).copy(frame, 26);
    Buffer.from(dst.split('.').map(Number)).copy(frame, 30);
    frame.writeUInt16BE(40000, 34);
    frame.writeUInt16BE(dport, 36);
    frame.writeUInt16BE(8 + payload.length, 38);
    payload.copy(frame, 42);
    const rec = Buffer.alloc(16);
    rec.writeUInt32LE(1700000000 + i, 0);
    rec.writeUInt32LE(frame.length, 8);
    rec.writeUInt32LE(frame.length, 12);
    parts.push(rec, frame);
  });
  return Buffer.concat(parts);
}
