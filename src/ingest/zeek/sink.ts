// Collects rows and rejects of one batch.
import type { Reject } from '../../core/types.ts';
import type { TableName } from '../../store/schema.ts';
import type { Row } from '../../store/store.ts';
import type { RecordBatch } from '../contract.ts';

const RAW_MAX = 200;

export class Sink {
  rows: Partial<Record<TableName, Row[]>> = {};
  rejects: Reject[] = [];
  read = 0;

  constructor(private readonly file: string) {}

  row(table: TableName, row: Row): void {
    (this.rows[table] ??= []).push(row);
  }

  reject(line: number, reason: string, raw: string): void {
    this.rejects.push({ file: this.file, line, reason, raw: raw.slice(0, RAW_MAX) });
  }

  take(bytesDone?: number): RecordBatch {
    const batch: RecordBatch = { rows: this.rows, read: this.read, rejects: this.rejects, bytesDone };
    this.rows = {};
    this.rejects = [];
    this.read = 0;
    return batch;
  }
}
