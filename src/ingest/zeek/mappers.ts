// Per-log mappers: which Zeek fields each supported log needs (in a fixed order) and how they become
// store rows. Values arrive already typed, in the order of `fields`.
import type { Row } from '../../store/store.ts';
import type { Kind, ZeekValue } from './values.ts';

export interface FieldSpec { name: string; kind: Kind; required?: boolean }
export interface Tags { org: string | null; sensor: string | null }
export interface LogMapper {
  path: string;
  table: 'flows' | 'dns' | 'tls';
  fields: FieldSpec[];
  build(v: ZeekValue[], tags: Tags): Row;
}

const ID: FieldSpec[] = [
  { name: 'ts', kind: 'time', required: true },
  { name: 'uid', kind: 'str' },
  { name: 'id.orig_h', kind: 'addr', required: true },
  { name: 'id.orig_p', kind: 'int' },
  { name: 'id.resp_h', kind: 'addr', required: true },
  { name: 'id.resp_p', kind: 'int' },
];

const conn: LogMapper = {
  path: 'conn', table: 'flows',
  fields: [...ID, { name: 'proto', kind: 'str' }, { name: 'service', kind: 'str' }, { name: 'duration', kind: 'num' },
    { name: 'orig_bytes', kind: 'int' }, { name: 'resp_bytes', kind: 'int' }, { name: 'conn_state', kind: 'str' },
    { name: 'orig_pkts', kind: 'int' }, { name: 'resp_pkts', kind: 'int' }],
  build: (v, t) => ({
    org: t.org, sensor: t.sensor, ts: v[0], uid: v[1], src: v[2], sport: v[3], dst: v[4], dport: v[5],
    proto: v[6], service: v[7], duration: v[8], bytes_out: v[9], bytes_in: v[10], state: v[11], pkts_out: v[12], pkts_in: v[13],
  }),
};

const dns: LogMapper = {
  path: 'dns', table: 'dns',
  fields: [...ID, { name: 'query', kind: 'str' }, { name: 'qtype_name', kind: 'str' }, { name: 'qtype', kind: 'int' },
    { name: 'rcode_name', kind: 'str' }, { name: 'rcode', kind: 'int' }, { name: 'answers', kind: 'list' }],
  build: (v, t) => ({
    org: t.org, sensor: t.sensor, ts: v[0], uid: v[1], src: v[2], dst: v[4],
    // Zeek leaves query unset for refused/failed requests without a question; the column is required.
    query: v[6] ?? '',
    qtype: v[7] ?? (v[8] == null ? null : String(v[8])),
    rcode: v[9] ?? (v[10] == null ? null : String(v[10])),
    answers: v[11],
  }),
};

const HASH = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

function firstHash(list: ZeekValue): string | null {
  const first = Array.isArray(list) ? list[0] : null;
  return first && HASH.test(first) ? first.toLowerCase() : null;
}

const ssl: LogMapper = {
  path: 'ssl', table: 'tls',
  fields: [...ID, { name: 'server_name', kind: 'str' }, { name: 'ja3', kind: 'str' }, { name: 'ja3s', kind: 'str' },
    { name: 'cert_chain_fps', kind: 'list' }, { name: 'cert_chain_fuids', kind: 'list' }, { name: 'subject', kind: 'str' },
    { name: 'issuer', kind: 'str' }, { name: 'established', kind: 'bool' }],
  build: (v, t) => ({
    org: t.org, sensor: t.sensor, ts: v[0], uid: v[1], src: v[2], dst: v[4], dport: v[5],
    sni: v[6], ja3: v[7], ja3s: v[8], cert_sha1: firstHash(v[9]) ?? firstHash(v[10]),
    subject: v[11], issuer: v[12], established: v[13] == null ? null : v[13] ? 1 : 0,
  }),
};

export const MAPPERS: Record<string, LogMapper> = { conn, dns, ssl };
export const SUPPORTED_PATHS = Object.keys(MAPPERS);

/**
 * The mapper of a log path: exact (`conn`), or a filtered copy named after it — Corelight's `conn_red`,
 * `conn_long`, `dns_red`, `ssl_red`, or a `Log::add_filter` path such as `conn-local` — whose fields are the same.
 */
export function mapperForPath(path: string): LogMapper | undefined {
  const exact = MAPPERS[path];
  if (exact) return exact;
  const base = /^([a-z]+)[_.-]/.exec(path)?.[1];
  return base ? MAPPERS[base] : undefined;
}

/** Log path from field names when a file carries no #path / _path (e.g. exported JSON). */
export function inferPath(fields: Iterable<string>): string | null {
  const set = new Set(fields);
  if (set.has('conn_state') || set.has('orig_bytes')) return 'conn';
  if (set.has('query') && (set.has('qtype') || set.has('qtype_name') || set.has('trans_id'))) return 'dns';
  if (set.has('server_name') || set.has('cert_chain_fps') || set.has('cert_chain_fuids') || set.has('ja3')) return 'ssl';
  return null;
}

export function unsupportedMessage(path: string): string {
  return `zeek log '${path}' is not ingested (supported: ${SUPPORTED_PATHS.join(', ')})`;
}
