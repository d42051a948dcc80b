// Domain types shared by every layer. Times are UTC epoch seconds (float), addresses are text here;
// the store turns them into integer keys (see core/ip.ts).

export type Tlp = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';
export const TLP_ORDER: Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export interface Org {
  id: string;
  name: string;
  sector: string;
  country: string;
  contacts: string[];
  networks: string[]; // CIDRs
  sensors: string[]; // sensor names whose private addresses belong to this org
}

export interface Flow {
  org: string | null; // victim org the internal side belongs to ('' / null when unknown)
  sensor: string | null;
  ts: number;
  duration: number | null;
  src: string;
  sport: number | null;
  dst: string;
  dport: number | null;
  proto: string; // tcp | udp | icmp | ...
  service: string | null;
  bytes_out: number | null; // originator → responder payload bytes
  bytes_in: number | null;
  pkts_out: number | null;
  pkts_in: number | null;
  state: string | null; // Zeek conn_state or nfdump flags
  uid: string | null;
  src_int?: number; // 1 when src is inside a known org network (filled by ingest)
  dst_int?: number;
}

export interface DnsRecord {
  org: string | null;
  sensor: string | null;
  ts: number;
  src: string;
  dst: string;
  uid: string | null;
  query: string;
  qtype: string | null;
  rcode: string | null;
  answers: string[];
}

export interface TlsRecord {
  org: string | null;
  sensor: string | null;
  ts: number;
  src: string;
  dst: string;
  dport: number | null;
  uid: string | null;
  sni: string | null;
  ja3: string | null;
  ja3s: string | null;
  cert_sha1: string | null;
  subject: string | null;
  issuer: string | null;
  established: number | null;
}

export interface Packet {
  sensor: string | null;
  conn: string; // 5-tuple id, see ingest/pcap
  ts: number;
  dir: number; // 0 = originator → responder, 1 = reverse
  len: number; // payload bytes
  flags: number; // TCP flags
}

export type IndicatorType =
  | 'ipv4' | 'ipv6' | 'cidr' | 'domain' | 'url' | 'email' | 'md5' | 'sha1' | 'sha256' | 'ja3' | 'other';

export interface Indicator {
  id: string; // deterministic from (type, value)
  type: IndicatorType;
  value: string; // normalised (refanged, lower-cased where case does not matter)
  source: string; // comma-free source name; corroboration lists several
  sources: string[];
  tlp: Tlp;
  confidence: number | null; // 0..100
  valid_from: number | null;
  valid_until: number | null;
  intrusion_set: string | null; // canonical actor id when known
  labels: string[];
  first_seen: number | null;
  last_seen: number | null;
}

export interface IntelObject {
  id: string; // STIX id (type--uuid)
  type: string;
  name: string | null;
  aliases: string[];
  external_ids: string[]; // e.g. G0060, S0002, T1566
  actor: string | null; // canonical actor id this object resolves to (intrusion sets, threat actors)
  tlp: Tlp;
  source: string;
  raw: unknown;
}

export interface IntelRelation {
  source_ref: string;
  relationship_type: string;
  target_ref: string;
  source: string;
}

export interface Sighting {
  id: string;
  sighting_of_ref: string;
  org: string | null;
  first_seen: number | null;
  last_seen: number | null;
  count: number;
  source: string;
}

export interface Provider {
  asn: number;
  name: string;
  country: string;
  abuse_contact: string;
  legal_contact: string;
  tz: string; // IANA zone, e.g. Asia/Tokyo
}

export interface Lease {
  provider: string;
  ip: string;
  start: number;
  end: number | null; // null = still active
  account_id: string;
  server_id: string | null;
}

export interface Account {
  provider: string;
  account_id: string;
  name: string;
  name_norm: string; // NFKC, width-folded, romanised, lower-case
  email: string | null;
  email_norm: string | null;
  phone: string | null; // E.164
  address: string | null;
  postcode: string | null;
  birth_date: string | null; // YYYY-MM-DD
  payment_fp: string | null;
  signup_ip: string | null;
  signup_ts: number | null;
  login_ips: string[];
  notes: string | null;
}

export interface Login {
  provider: string;
  account_id: string;
  ts: number;
  ip: string;
  action: string | null;
}

export interface Finding {
  id: string; // deterministic: uuidv5(analyzer|kind|subject)
  analyzer: string;
  kind: string;
  subject: string;
  score: number; // 0..1
  confidence: number; // 0..1
  first_seen: number | null;
  last_seen: number | null;
  tlp: Tlp;
  details: Record<string, unknown>;
  evidence_ids: string[];
}

export interface Evidence {
  id: string; // sha256 of content
  sha256: string;
  name: string;
  bytes: number;
  format: string;
  org: string | null;
  received_at: number;
  rows_read: number;
  rows_stored: number;
  rows_rejected: number;
}

export interface Reject {
  file: string;
  line?: number; // 1-based line for text formats
  offset?: number; // byte offset for binary formats
  reason: string;
  raw?: string; // truncated
}
