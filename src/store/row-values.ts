// Converts row objects to typed column values for an engine: ip text → key (collecting IPv6 texts),
// json → text, numbers checked. Shared by every engine so they store identical values.
import { ipKey, parseIp, v6Key } from '../core/ip.ts';
import type { Column } from './schema.ts';
import type { Row } from './store.ts';

export type Cell = string | number | null;

export class RowConverter {
  /** IPv6 addresses met since the last drain: key → canonical text. */
  readonly newV6 = new Map<number, string>();

  constructor(private readonly table: string, private readonly columns: Column[]) {}

  cells(row: Row): Cell[] {
    const out: Cell[] = new Array(this.columns.length);
    for (let i = 0; i < this.columns.length; i++) {
      const col = this.columns[i];
      const v = row[col.name];
      out[i] = v === undefined || v === null ? null : this.convert(col, v);
      if (out[i] === null && col.notNull) {
        throw new Error(`${this.table}.${col.name} may not be null (row ${JSON.stringify(row).slice(0, 200)})`);
      }
    }
    return out;
  }

  private convert(col: Column, v: unknown): Cell {
    switch (col.type) {
      case 'ip': {
        if (typeof v === 'number') return v;
        const p = parseIp(String(v));
        if (!p) throw new Error(`${this.table}.${col.name}: not an IP address: ${String(v).slice(0, 60)}`);
        if (p.version === 4) return Number(p.value);
        const k = v6Key(p.text);
        this.newV6.set(k, p.text);
        return k;
      }
      case 'json':
        return typeof v === 'string' ? v : JSON.stringify(v);
      case 'text':
        return String(v);
      case 'int':
      case 'ts':
      case 'float': {
        const n = typeof v === 'number' ? v : Number(v);
        if (!Number.isFinite(n)) throw new Error(`${this.table}.${col.name}: not a number: ${String(v).slice(0, 60)}`);
        return col.type === 'int' ? Math.trunc(n) : n;
      }
    }
  }
}

export { ipKey };
