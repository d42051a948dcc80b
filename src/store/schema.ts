// The one schema both engines implement (DESIGN §3). Column types are abstract; each engine maps them.
//   ip    → signed 64-bit key (core/ip.ts): IPv4 as its number, IPv6 as a negative hash; text in `ip6`
//   ts    → float seconds since the epoch, UTC
//   int   → signed 64-bit integer      float → 64-bit float
//   text  → string                     json  → JSON text (objects, arrays)
// Columns are nullable unless `notNull`. Rows handed to Store.append use these names; `ip` columns take
// address text (or a key number) and the engine converts.

export type ColumnType = 'ip' | 'ts' | 'int' | 'float' | 'text' | 'json';
export interface Column { name: string; type: ColumnType; notNull?: boolean }
export interface TableDef {
  name: string;
  columns: Column[];
  /** Sort/primary order for engines that use one (ClickHouse ORDER BY). */
  orderBy: string[];
  /** Rows tagged with evidence_id, removed together when an ingest is rolled back. */
  evidenceScoped?: boolean;
  /** ClickHouse sharding key expression over these columns (external endpoint first). */
  shardBy?: string;
}

const c = (name: string, type: ColumnType, notNull = false): Column => ({ name, type, notNull });

export const TABLES: TableDef[] = [
  {
    name: 'evidence', orderBy: ['id'],
    columns: [c('id', 'text', true), c('sha256', 'text', true), c('name', 'text', true), c('bytes', 'int', true),
      c('format', 'text', true), c('org', 'text'), c('sensor', 'text'), c('received_at', 'ts', true),
      c('rows_read', 'int', true), c('rows_stored', 'int', true), c('rows_rejected', 'int', true),
      c('tlp', 'text'), c('prev_hash', 'text', true), c('entry_hash', 'text', true)],
  },
  {
    name: 'rejects', orderBy: ['evidence_id', 'line_or_offset'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('file', 'text', true), c('line_or_offset', 'int', true),
      c('reason', 'text', true), c('raw', 'text')],
  },
  {
    name: 'orgs', orderBy: ['id'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('id', 'text', true), c('name', 'text', true), c('sector', 'text'),
      c('country', 'text'), c('contacts', 'json'), c('networks', 'json'), c('sensors', 'json')],
  },
  {
    // IPv4 ranges of every org network, for SQL range joins (IPv6 networks are matched in JS at ingest).
    name: 'org_networks', orderBy: ['lo'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('org', 'text', true), c('cidr', 'text', true), c('lo', 'int', true), c('hi', 'int', true)],
  },
  {
    name: 'flows', orderBy: ['ts'], evidenceScoped: true, shardBy: 'if(src_int = 1, dst, src)',
    columns: [c('evidence_id', 'text', true), c('org', 'text'), c('sensor', 'text'), c('ts', 'ts', true),
      c('duration', 'float'), c('src', 'ip', true), c('sport', 'int'), c('dst', 'ip', true), c('dport', 'int'),
      c('proto', 'text'), c('service', 'text'), c('bytes_out', 'int'), c('bytes_in', 'int'),
      c('pkts_out', 'int'), c('pkts_in', 'int'), c('state', 'text'), c('uid', 'text'),
      c('src_int', 'int', true), c('dst_int', 'int', true)],
  },
  {
    name: 'packets', orderBy: ['conn', 'ts'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('sensor', 'text'), c('conn', 'text', true), c('ts', 'ts', true),
      c('dir', 'int', true), c('len', 'int', true), c('flags', 'int', true)],
  },
  {
    name: 'dns', orderBy: ['ts'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('org', 'text'), c('sensor', 'text'), c('ts', 'ts', true),
      c('src', 'ip', true), c('dst', 'ip', true), c('uid', 'text'), c('query', 'text', true), c('qtype', 'text'),
      c('rcode', 'text'), c('answers', 'json')],
  },
  {
    name: 'tls', orderBy: ['ts'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('org', 'text'), c('sensor', 'text'), c('ts', 'ts', true),
      c('src', 'ip', true), c('dst', 'ip', true), c('dport', 'int'), c('uid', 'text'), c('sni', 'text'),
      c('ja3', 'text'), c('ja3s', 'text'), c('cert_sha1', 'text'), c('subject', 'text'), c('issuer', 'text'),
      c('established', 'int')],
  },
  {
    name: 'ip6', orderBy: ['key'],
    columns: [c('key', 'int', true), c('addr', 'text', true)],
  },
  {
    name: 'indicators', orderBy: ['id'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('id', 'text', true), c('type', 'text', true), c('value', 'text', true),
      c('ip', 'ip'), c('source', 'text', true), c('tlp', 'text', true), c('confidence', 'int'),
      c('valid_from', 'ts'), c('valid_until', 'ts'), c('intrusion_set', 'text'), c('labels', 'json'),
      c('first_seen', 'ts'), c('last_seen', 'ts')],
  },
  {
    name: 'intel_objects', orderBy: ['id'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('id', 'text', true), c('type', 'text', true), c('name', 'text'),
      c('aliases', 'json'), c('external_ids', 'json'), c('actor', 'text'), c('tlp', 'text', true),
      c('source', 'text', true), c('raw', 'json')],
  },
  {
    name: 'intel_relations', orderBy: ['source_ref'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('source_ref', 'text', true), c('relationship_type', 'text', true),
      c('target_ref', 'text', true), c('source', 'text', true)],
  },
  {
    name: 'sightings', orderBy: ['id'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('id', 'text', true), c('sighting_of_ref', 'text', true), c('org', 'text'),
      c('first_seen', 'ts'), c('last_seen', 'ts'), c('count', 'int', true), c('source', 'text', true), c('tlp', 'text')],
  },
  {
    name: 'providers', orderBy: ['asn'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('asn', 'int', true), c('name', 'text', true), c('country', 'text'),
      c('abuse_contact', 'text'), c('legal_contact', 'text'), c('tz', 'text')],
  },
  {
    name: 'leases', orderBy: ['ip', 'start'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('provider', 'text', true), c('ip', 'ip', true), c('start', 'ts', true),
      c('end', 'ts'), c('account_id', 'text', true), c('server_id', 'text')],
  },
  {
    name: 'accounts', orderBy: ['provider', 'account_id'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('provider', 'text', true), c('account_id', 'text', true),
      c('name', 'text', true), c('name_norm', 'text'), c('email', 'text'), c('email_norm', 'text'), c('phone', 'text'),
      c('address', 'text'), c('postcode', 'text'), c('birth_date', 'text'), c('payment_fp', 'text'),
      c('signup_ip', 'text'), c('signup_ts', 'ts'), c('login_ips', 'json'), c('notes', 'text')],
  },
  {
    name: 'logins', orderBy: ['provider', 'account_id', 'ts'], evidenceScoped: true,
    columns: [c('evidence_id', 'text', true), c('provider', 'text', true), c('account_id', 'text', true),
      c('ts', 'ts', true), c('ip', 'ip', true), c('action', 'text')],
  },
  {
    name: 'findings', orderBy: ['analyzer', 'id'],
    columns: [c('id', 'text', true), c('analyzer', 'text', true), c('kind', 'text', true), c('subject', 'text', true),
      c('score', 'float', true), c('confidence', 'float', true), c('first_seen', 'ts'), c('last_seen', 'ts'),
      c('tlp', 'text', true), c('details', 'json'), c('evidence_ids', 'json'), c('run_id', 'text', true)],
  },
  {
    name: 'identities', orderBy: ['cluster_id'],
    columns: [c('cluster_id', 'text', true), c('account_ids', 'json', true), c('confidence', 'float', true),
      c('explanation', 'json')],
  },
  {
    name: 'notifications', orderBy: ['id'],
    columns: [c('id', 'text', true), c('org', 'text', true), c('tlp', 'text', true), c('status', 'text', true),
      c('package_path', 'text'), c('history', 'json'), c('updated_at', 'ts', true)],
  },
  {
    name: 'users', orderBy: ['id'],
    columns: [c('id', 'text', true), c('name', 'text', true), c('role', 'text', true), c('org', 'text'),
      c('token_hash', 'text', true), c('created_at', 'ts', true)],
  },
];

export type TableName = (typeof TABLES)[number]['name'];

export function tableDef(name: string): TableDef {
  const t = TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`unknown table ${name}`);
  return t;
}

/** Bump when TABLES changes; engines run the migration steps up to this version. */
export const SCHEMA_VERSION = 1;
