// What one victim's notice says, gathered from its impact finding and the export model: what happened, when,
// which of its hosts, which attacker endpoints (times, ports), severity with reasons, what to check next.
import type { Finding, Tlp } from '../../core/types.ts';
import type { ExportModel } from '../export/model.ts';
import { strictestTlp } from '../export/tlp.ts';

export interface NoticeEndpoint {
  ip: string; firstSeen: number; lastSeen: number; flows: number; established: number; attempts: number;
  bytesUp: number; bytesDown: number; ports: number[]; why: string;
}

export interface NoticeData {
  caseName: string; producer: string; contact: string; generatedAt: number; tlp: Tlp;
  org: { id: string; name: string; sector: string | null };
  severity: string; reasons: string[]; firstSeen: number; lastSeen: number;
  hosts: string[]; hostCount: number; endpoints: NoticeEndpoint[];
  beacons: Array<{ src: string; dst: string; dport: number | null; connections: number }>;
  relayed: Array<{ target: string; relays: string[]; start: number }>;
  actor: { name: string; words: string } | null;
  checks: string[];
}

interface InfraRow { ip: string; first_seen: number; last_seen: number; flows: number; established: number; attempts: number; bytes_up: number; bytes_down: number; ports: number[]; why: string[] }

export function noticeData(impact: Finding, model: ExportModel, o: { contact: string; maxTlp: Tlp }): NoticeData {
  const d = impact.details;
  const orgId = String(d.org ?? impact.subject);
  const org = model.orgs.find((x) => x.id === orgId) ?? { id: orgId, name: orgId, sector: null };
  const indicatorTlp = new Map(model.indicators.map((i) => [i.value, i.tlp]));
  const endpoints = ((d.infrastructure as InfraRow[]) ?? []).map((e) => ({
    ip: e.ip, firstSeen: e.first_seen, lastSeen: e.last_seen, flows: Number(e.flows), established: Number(e.established),
    attempts: Number(e.attempts), bytesUp: Number(e.bytes_up), bytesDown: Number(e.bytes_down), ports: e.ports ?? [], why: plainWhy(e.why ?? []),
  })).sort((a, b) => a.firstSeen - b.firstSeen);
  const top = model.actors.find((a) => a.confidenceWords !== 'unlikely');
  const tlp = strictestTlp([impact.tlp, ...endpoints.map((e) => indicatorTlp.get(e.ip))], 'green');
  const n: NoticeData = {
    caseName: model.caseName, producer: model.producer, contact: o.contact, generatedAt: model.generatedAt, tlp,
    org, severity: String(d.severity ?? 'low'), reasons: (d.reasons as string[]) ?? [],
    firstSeen: impact.first_seen ?? 0, lastSeen: impact.last_seen ?? 0,
    hosts: (d.internal_hosts as string[]) ?? [], hostCount: Number(d.internal_host_count ?? 0), endpoints,
    beacons: ((d.beacons as NoticeData['beacons']) ?? []).map((b) => ({ src: String(b.src), dst: String(b.dst), dport: b.dport == null ? null : Number(b.dport), connections: Number(b.connections) })),
    relayed: ((d.relayed_sessions as Array<{ target: string; relays: string[]; start: number }>) ?? []).map((r) => ({ target: r.target, relays: r.relays, start: r.start })),
    actor: top && allowed(top.tlp, o.maxTlp) ? { name: top.name, words: top.confidenceWords } : null,
    checks: [],
  };
  n.checks = checksFor(n);
  return n;
}

const allowed = (t: Tlp, max: Tlp) => strictestTlp([t, max]) === max;

function plainWhy(why: string[]): string {
  return why.map((w) => w
    .replace(/^shared-infra ([\d.]+)$/, 'contacted many unrelated organisations (score $1)')
    .replace(/^known indicator$/, 'listed in prior threat intelligence')
    .replace(/^relay in a stepping-stone chain$/, 'relayed attacker sessions (stepping stone)')).join('; ');
}

const utc = (t: number) => `${new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function checksFor(n: NoticeData): string[] {
  const out = [`Search firewall, proxy, DNS and EDR logs for any traffic to or from the attacker addresses below between ${utc(n.firstSeen)} and now, and block them at your perimeter.`];
  const established = n.endpoints.filter((e) => e.established > 0);
  if (established.length) out.push(`Examine the ${n.hostCount} internal host(s) listed: look for new accounts, scheduled tasks or services, web shells and remote-access tools created after ${utc(n.firstSeen)}.`);
  const up = n.endpoints.reduce((a, e) => a + e.bytesUp, 0);
  if (up > 1048576) out.push(`${(up / 1048576).toFixed(1)} MiB left your network towards these addresses: establish which data it was (file-server and database access logs for the same hosts and times).`);
  if (n.beacons.length) out.push(`Isolate the host(s) beaconing to attacker servers (${[...new Set(n.beacons.map((b) => b.src))].join(', ')}); capture memory and disk before cleaning them.`);
  if (n.relayed.length) out.push(`Interactive sessions reached ${[...new Set(n.relayed.map((r) => r.target))].join(', ')} through rented relay servers: check SSH/RDP/VPN authentication logs at the times shown and reset the credentials used.`);
  if (!established.length && n.endpoints.some((e) => e.attempts > 0)) out.push('Only connection attempts were seen (none established): confirm the targeted services are patched and not exposed needlessly.');
  out.push('Keep the logs that cover this period (do not wipe or reimage before copies are taken): they may be needed as evidence.');
  out.push(`Reply to ${n.contact} to acknowledge this notice, and again when remediation is complete.`);
  return out;
}
