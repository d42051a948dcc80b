// Zeek conn/dns/ssl logs, TSV or JSON lines → flows / dns / tls rows.
import type { Format, ParseOptions, ParserInput, RecordBatch } from '../contract.ts';
import { WrongFormatError } from '../contract.ts';
import { lineChunks } from './chunk-lines.ts';
import { JsonLog } from './json.ts';
import { Sink } from './sink.ts';
import { sniffZeek } from './sniff.ts';
import { TsvLog } from './tsv.ts';

export const zeekFormat: Format = { name: 'zeek', sniff: sniffZeek, parse: parseZeek };

export async function* parseZeek(input: ParserInput, opts: ParseOptions): AsyncIterable<RecordBatch> {
  const tags = { org: opts.org ?? null, sensor: opts.sensor ?? null };
  const sink = new Sink(opts.file);
  let tsv: TsvLog | null = null;
  let json: JsonLog | null = null;
  for await (const chunk of lineChunks(input.open())) {
    const { lines, firstNo } = chunk;
    for (let k = 0; k < lines.length; k++) {
      const text = lines[k];
      if (text.length === 0) continue;
      if (!tsv && !json) {
        const mode = modeOf(text, firstNo + k);
        if (mode === 'tsv') tsv = new TsvLog(tags);
        else json = new JsonLog(tags);
      }
      if (tsv) {
        if (tsv.line(text, firstNo + k, sink)) sink.read++;
      } else if (text.charCodeAt(0) !== 35) {
        sink.read++;
        json!.line(text, firstNo + k, sink);
      }
    }
    yield sink.take(chunk.bytesDone);
  }
  if (!tsv && !json) throw new WrongFormatError('not a Zeek log: the file has no header and no records');
}

function modeOf(first: string, no: number): 'tsv' | 'json' {
  if (first.startsWith('#separator') || first.startsWith('#fields') || first.startsWith('#path')) return 'tsv';
  if (first.charCodeAt(0) === 123) return 'json'; // '{'
  const binary = /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(first.slice(0, 512));
  throw new WrongFormatError(
    binary ? 'not a Zeek log: binary data where a #separator header or a JSON object was expected'
      : `not a Zeek log: line ${no} is neither a '#separator' header nor a JSON object`, no);
}
