// The Markdown version of a victim notice (same content as the HTML, for email bodies and ticket systems).
import { headline, TLP_MEANING } from './notice-html.ts';
import type { NoticeData } from './notice-data.ts';

const utc = (t: number) => `${new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const cell = (v: unknown) => String(v).replace(/\|/g, '\\|');

export function noticeMarkdown(n: NoticeData): string {
  const lines = [
    `**TLP:${n.tlp.toUpperCase()}** — ${TLP_MEANING[n.tlp] ?? ''}`, '',
    `# Security notice for ${n.org.name}`, '',
    `${n.producer} · issued ${utc(n.generatedAt)} · case ${n.caseName}`, '',
    headline(n), '',
    `**Severity: ${n.severity.toUpperCase()}** — ${n.reasons.join('; ')}`, '',
    '## What to check and do next', '',
    ...n.checks.map((c, i) => `${i + 1}. ${c}`), '',
    '## Attacker servers that touched your network', '',
    '| Address | First seen | Last seen | Ports | Sessions | Attempts | Why we flag it |',
    '|---|---|---|---|---:|---:|---|',
    ...n.endpoints.map((e) => `| ${e.ip} | ${utc(e.firstSeen)} | ${utc(e.lastSeen)} | ${cell(e.ports.slice(0, 6).join(', ') + (e.ports.length > 6 ? ' …' : ''))} | ${e.established} | ${e.attempts} | ${cell(e.why)} |`), '',
    `## Your hosts involved (${n.hostCount})`, '',
    n.hosts.join(', '), '',
  ];
  if (n.relayed.length) lines.push('## Interactive sessions relayed into your network', '', ...n.relayed.map((r) => `- ${utc(r.start)}: ${r.relays.join(' → ')} → ${r.target}`), '');
  if (n.beacons.length) lines.push('## Hosts beaconing to attacker servers', '', ...n.beacons.map((b) => `- ${b.src} → ${b.dst}:${b.dport ?? '?'} (${b.connections} connections)`), '');
  lines.push('## About this notice', '', `- Contact: ${n.contact}`, '- Machine-readable copy: indicators.stix.json (STIX 2.1)', '');
  return lines.join('\n');
}
