// The printable HTML notice a victim organisation receives: plain language first, details after.
import { esc, kv, page, table } from '../report/html.ts';
import { spansSvg } from '../report/spans-svg.ts';
import type { NoticeData, NoticeEndpoint } from './notice-data.ts';

export const SEVERITY_COLOR: Record<string, string> = { critical: '#b3261e', high: '#e8710a', medium: '#f2b300', low: '#7a8696' };

const utc = (t: number) => `${new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const ports = (p: number[]) => (p.length <= 6 ? p.join(', ') : `${p.slice(0, 6).join(', ')} and ${p.length - 6} more`);
const mib = (b: number) => (b >= 1048576 ? `${(b / 1048576).toFixed(1)} MiB` : `${(b / 1024).toFixed(1)} KiB`);

export function headline(n: NoticeData): string {
  const est = n.endpoints.filter((e) => e.established > 0).length;
  return `Between ${utc(n.firstSeen)} and ${utc(n.lastSeen)}, ${n.endpoints.length} server(s) that we attribute to an intrusion campaign `
    + `${est ? `exchanged traffic with ${n.hostCount} of your hosts` : `tried to connect to ${n.hostCount} of your hosts`}.`
    + (n.actor ? ` We assess it is ${n.actor.words} that the campaign is the work of ${n.actor.name}.` : '');
}

export function noticeHtml(n: NoticeData): string {
  const sev = `<span style="background:${SEVERITY_COLOR[n.severity] ?? '#7a8696'};color:#fff;padding:.1rem .5rem;border-radius:3px;font-weight:700">${esc(n.severity.toUpperCase())}</span>`;
  const body = [
    `<div class="box"><p style="font-size:15px;margin:.2rem 0">${esc(headline(n))}</p>
<p style="margin:.4rem 0">Severity: ${sev} — ${esc(n.reasons.join('; '))}</p></div>`,
    '<h2>What to check and do next</h2>',
    `<ol>${n.checks.map((c) => `<li>${esc(c)}</li>`).join('')}</ol>`,
    '<h2>When it happened</h2>',
    '<p class="sub">One bar per attacker server, from the first to the last time it touched your network; a black tick marks a relayed interactive session.</p>',
    spansSvg(n.endpoints.map((e) => ({ label: e.ip, start: e.firstSeen, end: Math.max(e.lastSeen, e.firstSeen + 60), color: e.established ? '#b3261e' : '#f2b300',
      note: `${e.flows} flows`, marks: n.relayed.filter((r) => r.relays.includes(e.ip)).map((r) => r.start) })),
    { legend: [{ label: 'sessions established', color: '#b3261e' }, { label: 'attempts only', color: '#f2b300' }, { label: 'relayed session', color: '#1d2430' }] }),
    '<h2>Attacker servers that touched your network</h2>',
    '<p class="sub">Service ports are the ports connections went to (on your host for inbound attempts, on the attacker server for outbound sessions). “Sent by you” is data your hosts sent to that server.</p>',
    table<NoticeEndpoint>(n.endpoints, [
      { head: 'Address', cell: (e) => `<span class="mono" style="white-space:nowrap">${esc(e.ip)}</span>`, raw: true }, { head: 'First seen', cell: (e) => utc(e.firstSeen) },
      { head: 'Last seen', cell: (e) => utc(e.lastSeen) }, { head: 'Service ports', cell: (e) => ports(e.ports) },
      { head: 'Sessions', cell: (e) => e.established, num: true }, { head: 'Attempts', cell: (e) => e.attempts, num: true },
      { head: 'Sent by you', cell: (e) => mib(e.bytesUp), num: true }, { head: 'Why we flag it', cell: (e) => e.why },
    ]),
    `<h2>Your hosts involved (${n.hostCount})</h2>`,
    `<p class="mono">${n.hosts.map((h) => `<span style="white-space:nowrap">${esc(h)}</span>`).join(', ')}${n.hostCount > n.hosts.length ? ` … and ${n.hostCount - n.hosts.length} more (see the attached STIX bundle)` : ''}</p>`,
    n.relayed.length ? `<h2>Interactive sessions relayed into your network</h2>${table(n.relayed, [
      { head: 'Started', cell: (r) => utc(r.start) }, { head: 'Through relay(s)', cell: (r) => r.relays.join(' → ') }, { head: 'Your host', cell: (r) => r.target }])}` : '',
    n.beacons.length ? `<h2>Hosts beaconing to attacker servers</h2>${table(n.beacons, [
      { head: 'Your host', cell: (b) => b.src }, { head: 'Attacker server', cell: (b) => b.dst }, { head: 'Port', cell: (b) => b.dport ?? '' }, { head: 'Connections', cell: (b) => b.connections, num: true }])}` : '',
    '<h2>About this notice</h2>',
    kv([['Organisation', `${n.org.name} (${n.org.id})`], ['Sent by', n.producer], ['Contact', n.contact], ['Case', n.caseName],
      ['Sharing', `TLP:${n.tlp.toUpperCase()} — ${TLP_MEANING[n.tlp] ?? ''}`], ['Machine-readable copy', 'indicators.stix.json (STIX 2.1): import it into your SIEM or TIP']]),
  ];
  return page(`Security notice for ${n.org.name}`, body.join('\n'), { tlp: n.tlp, subtitle: `${n.producer} · issued ${utc(n.generatedAt)}` });
}

export const TLP_MEANING: Record<string, string> = {
  clear: 'may be shared freely',
  green: 'may be shared within your community, not published',
  amber: 'share only within your organisation and its clients on a need-to-know basis',
  'amber+strict': 'share only within your organisation',
  red: 'for the named recipients only',
};
