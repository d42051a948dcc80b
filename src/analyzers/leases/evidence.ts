// Attack evidence for lease lookup: public IPs with a time window, taken from other analyzers'
// findings (any address the finding names in its subject or details) or from a plain list file.
import { canonicalIp, isPrivate, parseIp } from '../../core/ip.ts';
import { parseLocalTime } from '../../core/time.ts';
import { InputError } from '../../core/errors.ts';
import type { Finding, Tlp } from '../../core/types.ts';

export interface AttackEvidence {
  ip: string;
  start: number;
  end: number;
  ports: number[];
  reasons: string[];
  sources: string[];
  evidence_ids: string[];
  score: number;
  tlp: Tlp;
}

const IP_KEYS = ['ip', 'dst', 'relay', 'remote', 'server', 'src'];

function publicIp(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const p = parseIp(v);
  return p && !isPrivate(p) ? p.text : null;
}

export function ipsOfFinding(f: Finding): string[] {
  const out = new Set<string>();
  const add = (v: unknown) => { const ip = publicIp(v); if (ip) out.add(ip); };
  add(f.subject);
  for (const k of IP_KEYS) add(f.details[k]);
  for (const list of [f.details.ips, f.details.relays]) if (Array.isArray(list)) list.forEach(add);
  return [...out];
}

export function evidenceFromFindings(findings: Finding[], minScore: number): AttackEvidence[] {
  const out: AttackEvidence[] = [];
  for (const f of findings) {
    if (f.score < minScore || f.first_seen === null) continue;
    const port = typeof f.details.dport === 'number' ? [f.details.dport] : [];
    for (const ip of ipsOfFinding(f)) {
      out.push({
        ip, start: f.first_seen, end: f.last_seen ?? f.first_seen, ports: port, reasons: [`${f.analyzer}:${f.kind}`],
        sources: [f.id], evidence_ids: f.evidence_ids, score: f.score, tlp: f.tlp,
      });
    }
  }
  return out;
}

/** CSV `ip,time[,end][,port][,reason]` (header optional); times in `zone` unless they carry an offset. */
export function readEvidenceList(text: string, file: string, zone = 'UTC'): AttackEvidence[] {
  const out: AttackEvidence[] = [];
  text.split(/\r?\n/).forEach((line, n) => {
    const cols = line.split(',').map((c) => c.trim());
    if (!line.trim() || line.startsWith('#') || (n === 0 && !canonicalIp(cols[0]))) return;
    const ip = canonicalIp(cols[0]);
    const start = parseLocalTime(cols[1] ?? '', zone);
    const end = cols[2] ? parseLocalTime(cols[2], zone) : start;
    if (!ip || start === null || end === null || end < start) throw new InputError(`expected ip,time[,end][,port][,reason]: ${line.slice(0, 120)}`, file, { line: n + 1 });
    const port = cols[3] ? Number(cols[3]) : null;
    out.push({
      ip, start, end, ports: port !== null && Number.isInteger(port) ? [port] : [], reasons: [cols[4] || 'listed'],
      sources: [`${file}:${n + 1}`], evidence_ids: [], score: 1, tlp: 'amber',
    });
  });
  return out;
}

/** Per IP, overlapping or touching windows merged (ports, reasons and sources unioned). */
export function mergeEvidence(items: AttackEvidence[]): AttackEvidence[] {
  const byIp = new Map<string, AttackEvidence[]>();
  for (const e of items) byIp.set(e.ip, [...(byIp.get(e.ip) ?? []), e]);
  const out: AttackEvidence[] = [];
  for (const list of byIp.values()) {
    list.sort((a, b) => a.start - b.start);
    let cur: AttackEvidence | null = null;
    for (const e of list) {
      if (cur && e.start <= cur.end) {
        cur.end = Math.max(cur.end, e.end);
        cur.ports = [...new Set([...cur.ports, ...e.ports])];
        cur.reasons = [...new Set([...cur.reasons, ...e.reasons])];
        cur.sources = [...new Set([...cur.sources, ...e.sources])];
        cur.evidence_ids = [...new Set([...cur.evidence_ids, ...e.evidence_ids])];
        cur.score = Math.max(cur.score, e.score);
      } else {
        cur = { ...e };
        out.push(cur);
      }
    }
  }
  return out;
}
