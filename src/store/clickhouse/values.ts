// Values in and out of ClickHouse: typed JSON results → plain JS values (64-bit integers arrive as strings),
// and converted row cells → TabSeparated text for streamed inserts.
import type { Cell } from '../row-values.ts';
import type { Row } from '../store.ts';

type Meta = Array<{ name: string; type: string }>;
type Convert = (v: unknown) => unknown;

/** Result rows with 64-bit integers as numbers when exact (as the DuckDB engine does), else as text. */
export function plainRows(meta: Meta, data: Record<string, unknown>[]): Row[] {
  const converters = meta.map((m) => [m.name, converterFor(m.type)] as const);
  return data.map((row) => {
    const out: Row = {};
    for (const [name, conv] of converters) out[name] = conv(row[name]);
    return out;
  });
}

function converterFor(type: string): Convert {
  const inner = unwrap(type, 'Nullable') ?? unwrap(type, 'LowCardinality');
  if (inner) return converterFor(inner);
  const element = unwrap(type, 'Array');
  if (element) {
    const conv = converterFor(element);
    return (v) => (Array.isArray(v) ? v.map(conv) : v);
  }
  if (/^U?Int(64|128|256)$/.test(type)) return bigInteger;
  if (/^(U?Int\d+|Float\d+|Decimal)/.test(type)) return number;
  return (v) => v;
}

function unwrap(type: string, wrapper: string): string | null {
  return type.startsWith(`${wrapper}(`) && type.endsWith(')') ? type.slice(wrapper.length + 1, -1) : null;
}

function bigInteger(v: unknown): unknown {
  if (v === null || typeof v === 'number') return v;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : String(v);
}

function number(v: unknown): unknown {
  if (v === null || typeof v === 'number') return v;
  if (v === 'inf' || v === '+inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === 'nan' || v === '-nan') return NaN;
  return Number(v);
}

/** One TabSeparated field: \N for NULL; backslash, tab, newline, CR and NUL escaped. */
export function tsvField(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  return v.replace(/[\\\t\n\r\0]/g, (c) => TSV_ESCAPES[c]);
}

const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

/**
 * TSV lines: hidden columns (the attempt id first) LEADING each row, then the cells. Leading, because a
 * connection cut mid-row can reach the server as a plain end of input, and ClickHouse then stores the
 * truncated last row: with the id first, a stored row always carries the whole id (or fails to parse).
 */
export function* tsvChunks(rows: Cell[][], lead: string[], rowsPerChunk = 2000): Generator<string> {
  const head = lead.map((x) => `${tsvField(x)}\t`).join('');
  for (let i = 0; i < rows.length; i += rowsPerChunk) {
    let chunk = '';
    for (const cells of rows.slice(i, i + rowsPerChunk)) chunk += `${head}${cells.map(tsvField).join('\t')}\n`;
    yield chunk;
  }
}
