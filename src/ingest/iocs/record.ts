// One IOC list entry (plain line or CSV record) → indicator row (+ the group's intel object) or a reason.
import type { IndicatorType, Tlp } from '../../core/types.ts';
import type { Row } from '../../store/store.ts';
import type { IocField } from './columns.ts';
import { actorNameObjectId, indicatorRow, parseTime } from './indicator-row.ts';
import { normaliseIndicator } from './normalise.ts';
import { parseTlp } from './tlp.ts';

export interface EntryDefaults { source: string; tlp: Tlp }
export type Entry = Partial<Record<IocField, string>>;
export interface EntryRows { indicator: Row; actor: Row | null }

const TYPE_HINTS: Record<string, IndicatorType | 'ip' | 'hash'> = {
  ip: 'ip', ipv4: 'ip', ipv6: 'ip', 'ip-src': 'ip', 'ip-dst': 'ip', ip_address: 'ip', 'ipv4-addr': 'ip', 'ipv6-addr': 'ip',
  cidr: 'cidr', netblock: 'cidr', network: 'cidr',
  domain: 'domain', hostname: 'domain', fqdn: 'domain', 'domain-name': 'domain',
  url: 'url', uri: 'url', email: 'email', 'email-addr': 'email', 'email-src': 'email',
  md5: 'md5', sha1: 'sha1', 'sha-1': 'sha1', sha256: 'sha256', 'sha-256': 'sha256', hash: 'hash', filehash: 'hash',
  // ThreatFox (ip:port, *_hash) and OTX (FileHash-*) type names; the port of ip:port is dropped from the value.
  'ip:port': 'ip', 'ip-dst|port': 'ip', 'ip-src|port': 'ip', md5_hash: 'md5', sha1_hash: 'sha1', sha256_hash: 'sha256',
  'filehash-md5': 'md5', 'filehash-sha1': 'sha1', 'filehash-sha256': 'sha256',
};

export function entryRows(e: Entry, d: EntryDefaults): EntryRows | string {
  const raw = e.value ?? '';
  let hint: IndicatorType | 'ip' | 'hash' | null = null;
  if (e.type) {
    hint = TYPE_HINTS[e.type.trim().toLowerCase()] ?? null;
    if (!hint) return `unknown indicator type '${e.type}'`;
  }
  const ind = normaliseIndicator(raw, hint);
  if (typeof ind === 'string') return ind;
  const tlp = e.tlp ? parseTlp(e.tlp) : d.tlp;
  if (!tlp) return `unknown TLP '${e.tlp}'`;
  const times: Record<string, number | null> = {};
  for (const f of ['valid_from', 'valid_until', 'first_seen', 'last_seen'] as const) {
    const t = parseTime(e[f]);
    if (Number.isNaN(t)) return `${f} is not a date/time: '${e[f]}'`;
    times[f] = t;
  }
  if (times.valid_from != null && times.valid_until != null && times.valid_until < times.valid_from) {
    return 'valid_until is before valid_from';
  }
  const confidence = e.confidence ? Number(e.confidence) : null;
  if (confidence !== null && !(confidence >= 0 && confidence <= 100)) return `confidence must be 0..100: '${e.confidence}'`;
  const actorName = e.actor?.trim() || null;
  const actorId = actorName ? actorNameObjectId(actorName) : null;
  const indicator = indicatorRow(ind, {
    source: e.source?.trim() || d.source, tlp, confidence, intrusion_set: actorId,
    labels: (e.label ?? '').split(/[;|,]/).map((x) => x.trim()).filter(Boolean),
    valid_from: times.valid_from, valid_until: times.valid_until, first_seen: times.first_seen, last_seen: times.last_seen,
  });
  const actor = actorName && actorId ? {
    id: actorId, type: 'intrusion-set', name: actorName, aliases: [], external_ids: [], actor: null, tlp,
    source: indicator.source, raw: { type: 'intrusion-set', name: actorName, from: 'ioc-list group label' },
  } : null;
  return { indicator, actor };
}
