// Zeek conn/dns/ssl writers in the three shapes sensors emit: TSV with the real header/trailer, JSON lines
// with dotted keys and ISO timestamps, and JSON lines with underscore keys and epoch timestamps.
import type { Conn } from './conn.ts';
import { FileSink } from './file-sink.ts';
import type { ZeekStyle } from './orgs.ts';

type Kind = 'conn' | 'dns' | 'ssl';
type Val = string | number | boolean | string[] | number[] | null;

const FIELDS: Record<Kind, Array<[string, string]>> = {
  conn: [['ts', 'time'], ['uid', 'string'], ['id.orig_h', 'addr'], ['id.orig_p', 'port'], ['id.resp_h', 'addr'], ['id.resp_p', 'port'],
    ['proto', 'enum'], ['service', 'string'], ['duration', 'interval'], ['orig_bytes', 'count'], ['resp_bytes', 'count'],
    ['conn_state', 'string'], ['local_orig', 'bool'], ['local_resp', 'bool'], ['missed_bytes', 'count'], ['history', 'string'],
    ['orig_pkts', 'count'], ['orig_ip_bytes', 'count'], ['resp_pkts', 'count'], ['resp_ip_bytes', 'count'], ['tunnel_parents', 'set[string]']],
  dns: [['ts', 'time'], ['uid', 'string'], ['id.orig_h', 'addr'], ['id.orig_p', 'port'], ['id.resp_h', 'addr'], ['id.resp_p', 'port'],
    ['proto', 'enum'], ['trans_id', 'count'], ['rtt', 'interval'], ['query', 'string'], ['qclass', 'count'], ['qclass_name', 'string'],
    ['qtype', 'count'], ['qtype_name', 'string'], ['rcode', 'count'], ['rcode_name', 'string'], ['AA', 'bool'], ['TC', 'bool'],
    ['RD', 'bool'], ['RA', 'bool'], ['Z', 'count'], ['answers', 'vector[string]'], ['TTLs', 'vector[interval]'], ['rejected', 'bool']],
  ssl: [['ts', 'time'], ['uid', 'string'], ['id.orig_h', 'addr'], ['id.orig_p', 'port'], ['id.resp_h', 'addr'], ['id.resp_p', 'port'],
    ['version', 'string'], ['cipher', 'string'], ['curve', 'string'], ['server_name', 'string'], ['resumed', 'bool'],
    ['last_alert', 'string'], ['next_protocol', 'string'], ['established', 'bool'], ['ssl_history', 'string'],
    ['cert_chain_fps', 'vector[string]'], ['client_cert_chain_fps', 'vector[string]'], ['sni_matches_cert', 'bool']],
};

function connValues(c: Conn): Val[] {
  const ipHdr = c.src.includes(':') ? 40 : 20;
  const l4 = c.proto === 'tcp' ? 32 : 8;
  return [c.ts, c.uid, c.src, c.sport, c.dst, c.dport, c.proto, c.service, c.duration,
    c.duration === null ? null : c.ob, c.duration === null ? null : c.rb, c.state, c.localOrig, c.localResp, 0, c.history,
    c.op, c.ob + c.op * (ipHdr + l4), c.rp, c.rb + c.rp * (ipHdr + l4), null];
}

function dnsValues(c: Conn): Val[] {
  const d = c.dns!;
  const ok = d.rcode === 'NOERROR';
  const transId = (parseInt(c.uid.slice(1, 5), 36) % 65535) + 1;
  return [c.ts, c.uid, c.src, c.sport, c.dst, c.dport, c.proto, transId, c.duration, d.query, 1, 'C_INTERNET',
    d.qtype === 'A' ? 1 : 28, d.qtype, ok ? 0 : 3, d.rcode, false, false, true, true, 0,
    ok ? d.answers : null, ok ? d.answers.map(() => d.ttl) : null, false];
}

function sslValues(c: Conn): Val[] {
  const t = c.tls!;
  return [c.ts, c.uid, c.src, c.sport, c.dst, c.dport, t.version, t.cipher, 'x25519', t.sni, false, null, null,
    t.established, t.established ? 'CsxknGIi' : 'Cs', t.established ? [t.certFp] : [], [], t.sni ? true : null];
}

const VALUES: Record<Kind, (c: Conn) => Val[]> = { conn: connValues, dns: dnsValues, ssl: sslValues };

export class ZeekWriter {
  // Zeek opens a JSON log on its first record (a quiet sensor leaves no file); a TSV log always has its header.
  private sink: FileSink | null;
  private first: number | null = null;
  private last = 0;
  rows = 0;

  constructor(private readonly path: string, readonly kind: Kind, readonly style: ZeekStyle) {
    this.sink = style === 'tsv' ? new FileSink(path) : null;
  }

  write(c: Conn): void {
    this.sink ??= new FileSink(this.path);
    if (this.first === null) {
      this.first = c.ts;
      if (this.style === 'tsv') this.sink.write(tsvHeader(this.kind, c.ts));
    }
    this.last = c.ts;
    this.rows++;
    const vals = VALUES[this.kind](c);
    this.sink.write(this.style === 'tsv' ? tsvLine(vals, FIELDS[this.kind]) : jsonLine(this.kind, vals, this.style));
  }

  /** Bytes written, or null when no file was made (a JSON log without records). */
  close(emptyOpenTs: number): number | null {
    if (!this.sink) return null;
    if (this.style === 'tsv') {
      if (this.first === null) this.sink.write(tsvHeader(this.kind, emptyOpenTs));
      this.sink.write(`#close\t${zeekStamp(Math.max(this.last, this.first ?? emptyOpenTs) + 1)}\n`);
    }
    this.sink.close();
    return this.sink.bytes;
  }
}

/** #open/#close stamp (YYYY-MM-DD-HH-MM-SS, UTC). */
function zeekStamp(ts: number): string {
  return new Date(Math.floor(ts) * 1000).toISOString().slice(0, 19).replace(/[T:]/g, '-');
}

function tsvHeader(kind: Kind, ts: number): string {
  const f = FIELDS[kind];
  return `#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\t${kind}\n#open\t${zeekStamp(ts)}\n` +
    `#fields\t${f.map((x) => x[0]).join('\t')}\n#types\t${f.map((x) => x[1]).join('\t')}\n`;
}

function tsvValue(v: Val, type: string): string {
  if (v === null) return '-';
  if (Array.isArray(v)) {
    if (v.length === 0) return '(empty)';
    return v.map((x) => (typeof x === 'number' ? x.toFixed(6) : x)).join(',');
  }
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (typeof v === 'number') return type === 'time' || type === 'interval' ? v.toFixed(6) : String(v);
  return v === '' ? '(empty)' : v;
}

function tsvLine(vals: Val[], fields: Array<[string, string]>): string {
  let s = tsvValue(vals[0], fields[0][1]);
  for (let i = 1; i < vals.length; i++) s += `\t${tsvValue(vals[i], fields[i][1])}`;
  return `${s}\n`;
}

const KEYS = new Map<string, string[]>();
function jsonKeys(kind: Kind, style: ZeekStyle): string[] {
  const k = `${kind}|${style}`;
  let v = KEYS.get(k);
  if (!v) {
    v = FIELDS[kind].map(([name]) => `${JSON.stringify(style === 'json-epoch' ? name.replace('.', '_') : name)}:`);
    KEYS.set(k, v);
  }
  return v;
}

function jsonLine(kind: Kind, vals: Val[], style: ZeekStyle): string {
  const f = FIELDS[kind];
  const keys = jsonKeys(kind, style);
  const parts: string[] = [];
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v === null) continue; // Zeek's JSON writer omits unset fields
    if (Array.isArray(v) && v.length === 0 && f[i][1].startsWith('set')) continue;
    let text: string;
    if (f[i][1] === 'time') text = style === 'json-iso' ? `"${isoMicros(v as number)}"` : (v as number).toFixed(6);
    else if (f[i][1] === 'interval' && typeof v === 'number') text = v.toFixed(6);
    else text = JSON.stringify(v);
    parts.push(keys[i] + text);
  }
  if (style === 'json-iso') parts.unshift(`"_path":"${kind}"`);
  return `{${parts.join(',')}}\n`;
}

function isoMicros(ts: number): string {
  const whole = Math.floor(ts);
  const micros = Math.round((ts - whole) * 1e6);
  const carry = micros === 1000000 ? 1 : 0;
  return `${new Date((whole + carry) * 1000).toISOString().slice(0, 19)}.${String(carry ? 0 : micros).padStart(6, '0')}Z`;
}
