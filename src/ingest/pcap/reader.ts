// Streaming capture reader: classic pcap (both byte orders, µs/ns) and pcapng, sniffed from the first bytes.
// Packets are yielded in file order; their `data` are views into the read chunks (copy to keep long-term).
import type { Readable } from 'node:stream';
import { CaptureError } from './capture-error.ts';
import { classicHeader, classicRecords, classicScan, type ClassicHeader, type PacketVisitor } from './classic.ts';
import { SHB, newNgState, ngBlocks, type NgState } from './pcapng.ts';

export interface CapturedPacket {
  /** Epoch seconds (NaN for pcapng simple packet blocks, which carry no time). */
  ts: number;
  linkType: number;
  data: Buffer;
  /** Byte offset of the record (or block) in the file. */
  offset: number;
}

/** 1 for classic pcap or pcapng magic at the start, else 0. */
export function sniffCapture(head: Buffer): number {
  if (head.length < 4) return 0;
  if (head.readUInt32LE(0) === SHB) return 1;
  return head.length >= 24 && classicHeader(head, 0) ? 1 : 0;
}

/** Bytes of a new chunk joined to the previous chunk's leftover to finish the record cut at the edge. */
const HEAD = 1 << 16;

/** Push-style parser: feed chunks, get packets; `end()` checks nothing is left half-read. */
export class CaptureParser {
  private pending: Buffer = Buffer.alloc(0);
  private base = 0; // file offset of pending[0]
  private kind: 'unknown' | 'classic' | 'ng' = 'unknown';
  private classic: ClassicHeader | null = null;
  private ng: NgState = newNgState();
  constructor(readonly file: string) {}

  private fail = (offset: number, reason: string): never => {
    throw new CaptureError(this.file, offset, reason);
  };

  push(chunk: Buffer, out: CapturedPacket[] = []): CapturedPacket[] {
    this.consume(chunk, (buf, at) => (this.kind === 'classic'
      ? classicRecords(buf, at, buf.length, this.base, this.classic!, out, this.fail)
      : ngBlocks(buf, at, buf.length, this.base, this.ng, out, this.fail)));
    return out;
  }

  /** The allocation-free path: visits each packet's bytes in place instead of building packet objects. */
  scan(chunk: Buffer, visit: PacketVisitor): void {
    this.consume(chunk, (buf, at) => {
      if (this.kind === 'classic') return classicScan(buf, at, buf.length, this.base, this.classic!, visit, this.fail);
      const out: CapturedPacket[] = [];
      const next = ngBlocks(buf, at, buf.length, this.base, this.ng, out, this.fail);
      for (const p of out) visit(p.ts, p.linkType, p.data, 0, p.data.length, p.offset);
      return next;
    });
  }

  private consume(chunk: Buffer, records: (buf: Buffer, at: number) => number): void {
    if (this.pending.length && this.kind !== 'unknown' && chunk.length > HEAD) {
      // Finish the record(s) straddling the chunk edge from a small joined head, then read the rest of the
      // chunk in place instead of copying all of it behind the leftover bytes.
      const joined = Buffer.concat([this.pending, chunk.subarray(0, HEAD)]);
      const at = records(joined, 0);
      if (at > this.pending.length) {
        chunk = chunk.subarray(at - this.pending.length);
        this.base += at;
        this.pending = Buffer.alloc(0);
      }
    }
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let at = 0;
    if (this.kind === 'unknown') {
      if (buf.length < 24) { this.pending = buf; return; }
      at = this.start(buf);
    }
    at = records(buf, at);
    this.pending = at < buf.length ? buf.subarray(at) : Buffer.alloc(0);
    this.base += at;
  }

  end(): void {
    if (this.kind === 'unknown') this.fail(0, this.pending.length ? `only ${this.pending.length} bytes: too short for a capture header` : 'empty file');
    if (this.pending.length) this.fail(this.base, `truncated ${this.kind === 'ng' ? 'block' : 'record'}: file ends ${this.pending.length} bytes into it`);
  }

  private start(buf: Buffer): number {
    if (buf.readUInt32LE(0) === SHB) { this.kind = 'ng'; return 0; }
    this.classic = classicHeader(buf, 0);
    if (!this.classic) this.fail(0, `not a pcap or pcapng file (magic 0x${buf.readUInt32BE(0).toString(16).padStart(8, '0')})`);
    this.kind = 'classic';
    return 24;
  }
}

/** Batches of packets as they are read (the fast path: one await per chunk, not per packet). */
export async function* readCaptureBatches(stream: Readable, file: string): AsyncIterable<CapturedPacket[]> {
  const parser = new CaptureParser(file);
  for await (const chunk of stream) {
    const out = parser.push(chunk as Buffer);
    if (out.length) yield out;
  }
  parser.end();
}

/** Visits every packet in place (PacketVisitor), one await per chunk; checks the capture ends cleanly. */
export async function scanCapture(stream: Readable, file: string, visit: PacketVisitor): Promise<void> {
  const parser = new CaptureParser(file);
  for await (const chunk of stream) parser.scan(chunk as Buffer, visit);
  parser.end();
}

export async function* readCapture(stream: Readable, file: string): AsyncIterable<CapturedPacket> {
  for await (const batch of readCaptureBatches(stream, file)) yield* batch;
}
