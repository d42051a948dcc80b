// `hoptrace report victims`: one row per victim org with a victim-impact finding — severity, first/last seen,
// the attacker infrastructure that touched it, hosts, sessions, notification status — as CSV and HTML with a
// timeline across victims.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../core/types.ts';
import type { Store } from '../../../store/store.ts';
import { SEVERITY_COLOR } from '../../notify/notice-html.ts';
import { listNotifications } from '../../notify/notifications-store.ts';
import { csv, esc, page, table } from '../html.ts';
import { spansSvg } from '../spans-svg.ts';

export interface VictimRow {
  org: string; name: string; sector: string; severity: string; first_seen: string; last_seen: string; first: number; last: number;
  infrastructure_count: number; infrastructure: string; internal_hosts: number; established: number; attempts: number;
  bytes_up: number; beacons: number; relayed_sessions: number; reasons: string; notification: string;
}

export const VICTIM_COLUMNS = ['org', 'name', 'sector', 'severity', 'first_seen', 'last_seen', 'infrastructure_count', 'infrastructure',
  'internal_hosts', 'established', 'attempts', 'bytes_up', 'beacons', 'relayed_sessions', 'reasons', 'notification'];
const ORDER = ['critical', 'high', 'medium', 'low'];
const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

export async function victimRows(store: Store): Promise<VictimRow[]> {
  const impacts = await store.findings({ analyzer: 'impact', kind: 'victim-impact' });
  const orgs = new Map((await store.query<{ id: string; name: string; sector: string | null }>('SELECT DISTINCT id, name, sector FROM orgs')).map((o) => [o.id, o]));
  const notes = new Map((await listNotifications(store)).map((n) => [n.org, n.status]));
  return impacts.map((f) => row(f, orgs, notes))
    .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || a.first - b.first || a.org.localeCompare(b.org));
}

function row(f: Finding, orgs: Map<string, { name: string; sector: string | null }>, notes: Map<string, string>): VictimRow {
  const d = f.details;
  const org = String(d.org ?? f.subject);
  const infra = ((d.infrastructure as Array<{ ip: string }>) ?? []).map((e) => e.ip);
  return {
    org, name: orgs.get(org)?.name ?? org, sector: orgs.get(org)?.sector ?? '', severity: String(d.severity),
    first: f.first_seen ?? 0, last: f.last_seen ?? 0, first_seen: iso(f.first_seen ?? 0), last_seen: iso(f.last_seen ?? 0),
    infrastructure_count: infra.length, infrastructure: infra.join(' '), internal_hosts: Number(d.internal_host_count ?? 0),
    established: Number(d.established ?? 0), attempts: Number(d.attempts ?? 0), bytes_up: Number(d.bytesUp ?? 0),
    beacons: Number(d.beacons ?? 0), relayed_sessions: Number(d.relayedSessions ?? 0), reasons: ((d.reasons as string[]) ?? []).join('; '),
    notification: notes.get(org) ?? 'none',
  };
}

export async function writeVictimsReport(store: Store, outDir: string, caseName: string): Promise<string[]> {
  const rows = await victimRows(store);
  mkdirSync(outDir, { recursive: true });
  const csvPath = join(outDir, 'victims.csv'), htmlPath = join(outDir, 'victims.html');
  writeFileSync(csvPath, csv(rows as unknown as Array<Record<string, unknown>>, VICTIM_COLUMNS));
  writeFileSync(htmlPath, victimsHtml(rows, caseName));
  return [csvPath, htmlPath];
}

function victimsHtml(rows: VictimRow[], caseName: string): string {
  const counts = ORDER.map((s) => `${rows.filter((r) => r.severity === s).length} ${s}`).join(', ');
  const chart = spansSvg(rows.map((r) => ({ label: `${r.org} ${r.name}`, start: r.first, end: Math.max(r.last, r.first + 600), color: SEVERITY_COLOR[r.severity] ?? '#7a8696',
    note: `${r.severity}; ${r.infrastructure_count} attacker server(s)` })), { labelWidth: 280, legend: ORDER.map((s) => ({ label: s, color: SEVERITY_COLOR[s] })) });
  const body = `<p>${rows.length} victim organisation(s): ${esc(counts)}. Each bar runs from the first to the last contact with attacker infrastructure (UTC).</p>
${chart}
<h2>Victims</h2>
${table(rows, [
    { head: 'Org', cell: (r) => `${r.org} — ${r.name}` }, { head: 'Severity', cell: (r) => `<b style="color:${SEVERITY_COLOR[r.severity]}">${esc(r.severity)}</b>`, raw: true },
    { head: 'First seen', cell: (r) => r.first_seen }, { head: 'Last seen', cell: (r) => r.last_seen },
    { head: 'Attacker infrastructure', cell: (r) => `<span class="mono">${esc(r.infrastructure)}</span>`, raw: true },
    { head: 'Hosts', cell: (r) => r.internal_hosts, num: true }, { head: 'Sessions', cell: (r) => r.established, num: true },
    { head: 'Attempts', cell: (r) => r.attempts, num: true }, { head: 'Why', cell: (r) => r.reasons }, { head: 'Notification', cell: (r) => r.notification },
  ], 'no victim-impact findings (run hoptrace analyze)')}
<p class="sub">Machine-readable: victims.csv in this folder.</p>`;
  return page(`Victims of case ${caseName}`, body, { tlp: 'amber', subtitle: 'who was touched by attacker infrastructure, when, and how badly' });
}
