// What every ingest format provides. One folder per format under src/ingest/, registered in formats.ts.
import type { Readable } from 'node:stream';
import type { Reject } from '../core/types.ts';
import type { Row } from '../store/store.ts';
import type { TableName } from '../store/schema.ts';

export type FormatName =
  | 'zeek' | 'nfdump' | 'netflow' | 'pcap' | 'orgs' | 'accounts' | 'leases' | 'logins'
  | 'providers' | 'stix' | 'misp' | 'iocs';

export interface ParseOptions {
  /** Name used in messages and rejects (the file as the user gave it). */
  file: string;
  org?: string;
  sensor?: string;
  /** IANA zone for times written without one (nfdump CSV, provider exports). Default UTC. */
  tz?: string;
  /** Column map source_col → field for CSV/JSON exports with their own column names. */
  map?: Record<string, string>;
  /** Provider name for accounts/leases/logins exports. */
  provider?: string;
  /** ISO country for national phone numbers in provider exports (default from tz, else JP). */
  country?: string;
  /** TLP of the whole input when it carries none itself. */
  tlp?: string;
  /** Source label for intel. */
  source?: string;
}

export interface ParserInput {
  /** Path of the (possibly compressed) file on disk. */
  path: string;
  /** A fresh stream of the decompressed bytes (gzip is undone by the caller). */
  open(): Readable;
  /** Decompressed size when known cheaply (for progress). */
  sizeHint?: number;
}

/**
 * A batch of parsed records. `read` counts input records consumed (lines, datagrams' flow records,
 * JSON objects…) and must equal accepted + rejects.length, where accepted records produced `rows`.
 */
export interface RecordBatch {
  rows: Partial<Record<TableName, Row[]>>;
  read: number;
  rejects: Reject[];
  /** Bytes of input consumed so far (for progress). */
  bytesDone?: number;
}

export interface Format {
  name: FormatName;
  /** 0 (not this format) .. 1 (certain), from the first bytes (decompressed) and the file name. */
  sniff(head: Buffer, name: string): number;
  parse(input: ParserInput, options: ParseOptions): AsyncIterable<RecordBatch>;
}

/**
 * Thrown by a parser when the whole input is not what it claims (wrong format, binary garbage):
 * the ingest stores nothing and exits 2 with this message.
 */
export class WrongFormatError extends Error {
  constructor(message: string, readonly line?: number, readonly offset?: number) {
    super(message);
    this.name = 'WrongFormatError';
  }
}
