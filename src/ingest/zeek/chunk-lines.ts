// Splits a byte stream into lines a chunk at a time (one await per chunk, not per line).
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export interface LineChunk { lines: string[]; firstNo: number; bytesDone: number }

export async function* lineChunks(stream: Readable): AsyncIterable<LineChunk> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let no = 1;
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    const text = rest + decoder.write(chunk as Buffer);
    const lines: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      lines.push(text.charCodeAt(nl - 1) === 13 && nl > start ? text.slice(start, nl - 1) : text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
    if (lines.length) {
      yield { lines, firstNo: no, bytesDone: bytes };
      no += lines.length;
    }
  }
  rest += decoder.end();
  if (rest.length) yield { lines: [rest.endsWith('\r') ? rest.slice(0, -1) : rest], firstNo: no, bytesDone: bytes };
}
