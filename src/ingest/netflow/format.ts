// Raw NetFlow v5 / v9 / IPFIX export packets → flows, from a file of concatenated packets or from a
// pcap/pcapng of the exporter's UDP packets. Templates live for one parse call (one input file): when an
// exporter's templates and data were saved as separate files, concatenate them (templates first) into one input.
import type { Readable } from 'node:stream';
import type { Format, ParseOptions, ParserInput, RecordBatch } from '../contract.ts';
import { WrongFormatError } from '../contract.ts';
import { readAll } from '../lines.ts';
import { decodePacket } from '../pcap/decode.ts';
import { readCaptureBatches, sniffCapture } from '../pcap/reader.ts';
import { decodePackets, looksLikeExport } from './datagram.ts';
import { flowToRow } from './flow.ts';
import type { DecodeContext, Decoded } from './sets.ts';
import { sniffNetflow } from './sniff.ts';
import { TemplateCache } from './templates.ts';
import { Sink } from '../zeek/sink.ts';

export const netflowFormat: Format = { name: 'netflow', sniff: sniffNetflow, parse: parseNetflow };

export async function* parseNetflow(input: ParserInput, opts: ParseOptions): AsyncIterable<RecordBatch> {
  const head = await firstChunk(input.open());
  const ctx: DecodeContext = { file: opts.file, exporter: '', templates: new TemplateCache(), optionRecords: 0 };
  const tags = { org: opts.org ?? null, sensor: opts.sensor ?? null };
  if (sniffCapture(head) > 0) {
    yield* parseCapture(input, ctx, tags);
    return;
  }
  if (!looksLikeExport(head)) {
    const version = head.length >= 2 ? head.readUInt16BE(0) : -1;
    throw new WrongFormatError(`not NetFlow/IPFIX export data: no v5/v9/IPFIX header at byte 0 (version field ${version})`, undefined, 0);
  }
  const buf = await readAll(input.open());
  const out: Decoded = { flows: [], rejects: [] };
  decodePackets(buf, 0, ctx, out);
  yield toBatch(out, ctx.file, tags, buf.length);
}

async function* parseCapture(input: ParserInput, ctx: DecodeContext, tags: { org: string | null; sensor: string | null }): AsyncIterable<RecordBatch> {
  let exportPackets = 0;
  let otherPackets = 0;
  for await (const packets of readCaptureBatches(input.open(), ctx.file)) {
    const out: Decoded = { flows: [], rejects: [] };
    for (const p of packets) {
      const ip = decodePacket(p.linkType, p.data);
      if (!ip || ip.proto !== 17 || !looksLikeExport(ip.payload)) { otherPackets++; continue; }
      exportPackets++;
      ctx.exporter = ip.src;
      decodePackets(ip.payload, p.offset, ctx, out);
    }
    const last = packets[packets.length - 1];
    yield toBatch(out, ctx.file, tags, last.offset + last.data.length);
  }
  if (exportPackets === 0) {
    throw new WrongFormatError(`capture holds no NetFlow/IPFIX export packets (${otherPackets} other packets); ingest it as pcap instead`);
  }
}

function toBatch(out: Decoded, file: string, tags: { org: string | null; sensor: string | null }, bytesDone: number): RecordBatch {
  const sink = new Sink(file);
  for (const { flow, clock, offset } of out.flows) {
    const row = flowToRow(flow, clock, tags);
    if (typeof row === 'string') sink.rejects.push({ file, offset, reason: row });
    else sink.row('flows', row);
  }
  sink.rejects.push(...out.rejects);
  sink.read = out.flows.length + out.rejects.length;
  return sink.take(bytesDone);
}

async function firstChunk(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  let got = 0;
  for await (const chunk of stream) {
    parts.push(chunk as Buffer);
    got += (chunk as Buffer).length;
    if (got >= 64) break;
  }
  stream.destroy();
  return Buffer.concat(parts);
}
