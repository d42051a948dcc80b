// Zeek sniffer: a TSV header, or JSON lines whose first record carries Zeek's ts + connection id fields.
import { isZeekJsonRecord } from './json.ts';

export function sniffZeek(head: Buffer, name: string): number {
  const text = skipComments(head.toString('utf8', 0, Math.min(head.length, 8192)).replace(/^\uFEFF/, ''));
  if (text.startsWith('#separator')) return text.includes('\n#fields') || text.includes('\n#path') ? 0.99 : 0.8;
  if (text.startsWith('#fields\t')) return 0.9;
  if (text.charCodeAt(0) !== 123) return 0;
  const nl = text.indexOf('\n');
  if (nl < 0 && head.length > 8192) return 0;
  try {
    const first = JSON.parse(nl < 0 ? text : text.slice(0, nl));
    if (!isZeekJsonRecord(first)) return 0;
    return typeof first._path === 'string' || /(conn|dns|ssl)/.test(name) ? 0.95 : 0.85;
  } catch {
    return 0;
  }
}

/** Drops leading `#` lines that are no Zeek directive (btest-diff's `### BTest baseline…` banner, notes). */
function skipComments(text: string): string {
  let at = 0;
  for (let n = 0; n < 10 && text.startsWith('#', at) && !/^#(separator|fields|path)/.test(text.slice(at, at + 10)); n++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
  return text.slice(at);
}
