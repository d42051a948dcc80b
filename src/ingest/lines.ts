// Line splitting over a byte stream with 1-based line numbers; handles CRLF and a missing final newline.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export interface Line { no: number; text: string; bytesDone: number }

export async function* lines(stream: Readable): AsyncIterable<Line> {
  let rest = '';
  let no = 0;
  let bytes = 0;
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    const text = rest + decoder.write(buf);
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      let end = nl;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      no++;
      yield { no, text: text.slice(start, end), bytesDone: bytes };
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest.length > 0) {
    no++;
    yield { no, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, bytesDone: bytes };
  }
}

/** Reads a whole stream into one Buffer (small inputs only: JSON documents, directories). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
