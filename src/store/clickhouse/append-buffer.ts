// Coalesces small appends into large inserts. Every ClickHouse insert is an HTTP request plus a synchronous
// write to every shard (~0.2 s under load whatever its size), and parsers hand over a few thousand rows at a
// time: 94 appends for one 200k-flow file. Rows are converted (and so validated) when appended, kept here,
// and written as one insert per table when the buffer is full or before anything reads, deletes or closes:
// the store always reads its own writes. A failed flush fails the call that triggered it.
import type { Cell } from '../row-values.ts';
import { tableDef } from '../schema.ts';

interface Pending { cells: Cell[][]; v6: Map<number, string> }

export class AppendBuffer {
  private pending = new Map<string, Pending>();
  private rows = 0;

  constructor(readonly limitRows: number) {}

  get size(): number { return this.rows; }

  /** Adds converted rows; true when the buffer should be flushed now. */
  add(table: string, cells: Cell[][], v6: Map<number, string>): boolean {
    const p: Pending = this.pending.get(table) ?? { cells: [], v6: new Map() };
    for (const c of cells) p.cells.push(c);
    for (const [k, a] of v6) p.v6.set(k, a);
    this.pending.set(table, p);
    this.rows += cells.length;
    return this.rows >= this.limitRows;
  }

  /** Takes everything buffered (in first-append order), leaving the buffer empty. */
  take(): Array<[string, Pending]> {
    const out = [...this.pending];
    this.pending = new Map();
    this.rows = 0;
    return out;
  }

  /** Drops buffered rows of one evidence id (an ingest being rolled back never reaches the server). */
  discardEvidence(evidenceId: string): void {
    for (const [table, p] of this.pending) {
      const at = tableDef(table).columns.findIndex((c) => c.name === 'evidence_id');
      if (at < 0) continue;
      const kept = p.cells.filter((c) => c[at] !== evidenceId);
      this.rows -= p.cells.length - kept.length;
      p.cells = kept;
    }
  }
}
