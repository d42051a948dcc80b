// Zeek sniffer: a TSV header, or JSON lines whose first record carries Zeek's ts + connection id fields.
import { isZeekJsonRecord } from './json.ts';

export function sniffZeek(head: Buffer, name: string): number {
  const text = head.toString('utf8', 0, Math.min(head.length, 8192)).replace(/^\uFEFF/, '');
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
