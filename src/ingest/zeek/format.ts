// Zeek conn/dns/ssl logs, TSV or JSON lines → flows / dns / tls rows.
import type { Format, ParseOptions, ParserInput, RecordBatch } from '../contract.ts';
import { WrongFormatError } from '../contract.ts';
import { lineChunks } from './chunk-lines.ts';
import { JsonLog } from './json.ts';
import type { Tags } from './mappers.ts';
import { Sink } from './sink.ts';
import { sniffZeek } from './sniff.ts';
import { TsvLog } from './tsv.ts';

/** Records per yielded batch (the runner appends each batch to the store in one call). */
const BATCH_RECORDS = 2048;

export const zeekFormat: Format = { name: 'zeek', sniff: sniffZeek, parse: parseZeek };

export async function* parseZeek(input: ParserInput, opts: ParseOptions): AsyncIterable<RecordBatch> {
  const reader = new ZeekReader({ org: opts.org ?? null, sensor: opts.sensor ?? null }, new Sink(opts.file));
  let bytesDone = 0;
  for await (const chunk of lineChunks(input.open())) {
    reader.lines(chunk.lines, chunk.firstNo);
    bytesDone = chunk.bytesDone;
    if (reader.sink.read >= BATCH_RECORDS) yield reader.sink.take(bytesDone);
  }
  if (reader.sink.read > 0) yield reader.sink.take(bytesDone);
  if (!reader.started) throw new WrongFormatError('not a Zeek log: the file has no header and no records');
}

/** Per-line dispatch kept out of the async generator so the hot loop is an ordinary optimisable function. */
class ZeekReader {
  private tsv: TsvLog | null = null;
  private json: JsonLog | null = null;

  constructor(private readonly tags: Tags, readonly sink: Sink) {}

  get started(): boolean {
    return this.tsv != null || this.json != null;
  }

  lines(lines: string[], firstNo: number): void {
    const sink = this.sink;
    for (let k = 0; k < lines.length; k++) {
      const text = lines[k];
      if (text.length === 0) continue;
      if (this.tsv) {
        if (this.tsv.line(text, firstNo + k, sink)) sink.read++;
      } else if (this.json) {
        if (text.charCodeAt(0) !== 35) { sink.read++; this.json.line(text, firstNo + k, sink); }
      } else {
        if (modeOf(text, firstNo + k) === 'tsv') this.tsv = new TsvLog(this.tags);
        else this.json = new JsonLog(this.tags);
        k--; // read the first line again in its mode
      }
    }
  }
}

function modeOf(first: string, no: number): 'tsv' | 'json' {
  if (first.charCodeAt(0) === 35) return 'tsv'; // '#': a header line, or a comment before one
  if (first.charCodeAt(0) === 123) return 'json'; // '{'
  const binary = /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(first.slice(0, 512));
  throw new WrongFormatError(
    binary ? 'not a Zeek log: binary data where a #separator header or a JSON object was expected'
      : `not a Zeek log: line ${no} is neither a '#separator' header nor a JSON object`, no);
}
