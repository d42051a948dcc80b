// The ExportModel of a case, built from its store: indicators are the attacker infrastructure the analyzers
// found (with the score that put each there as confidence and a comment saying why), sightings are the
// victims each touched (from impact findings), actors are the confident attribution candidates with what
// intel says they use. TLP per item = most restrictive of every source it came from. No PII ever: account
// names, emails, phones, addresses and payment fingerprints are never read here.
import type { Finding, IndicatorType, Tlp } from '../../core/types.ts';
import { sqlFile } from '../../store/sql-file.ts';
import type { Store } from '../../store/store.ts';
import type { ExportActor, ExportIndicator, ExportModel, ExportOrg } from './model.ts';
import { strictestTlp } from './tlp.ts';

/** Infrastructure no victim's impact finding names is exported only from this score (impact's own threshold). */
const MIN_SCORE = 0.7;

interface Draft {
  type: IndicatorType; value: string; tlps: Tlp[]; score: number; why: string[]; ports: Set<number>;
  actors: Set<string>; seenAt: ExportIndicator['seenAt']; chains: number[];
}

export interface ModelOptions { caseName: string; producer?: string; now?: number }

export async function exportModelFromStore(store: Store, opts: ModelOptions): Promise<ExportModel> {
  const findings = await store.findings({});
  const of = (analyzer: string, kind: string) => findings.filter((f) => f.analyzer === analyzer && f.kind === kind);
  const actors = await actorsFrom(store, of('attribution', 'actor'));
  const drafts = new Map<string, Draft>();
  const draft = (type: IndicatorType, value: string, tlp: Tlp): Draft => {
    const key = `${type}|${value}`;
    const d = drafts.get(key) ?? { type, value, tlps: [], score: 0, why: [], ports: new Set(), actors: new Set(), seenAt: [], chains: [] };
    d.tlps.push(tlp);
    drafts.set(key, d);
    return d;
  };
  const note = (d: Draft, score: number, why: string) => { d.score = Math.max(d.score, score); if (!d.why.includes(why)) d.why.push(why); };
  for (const f of of('shared-infra', 'endpoint')) {
    const domain = typeof f.details.domain === 'string' ? f.details.domain : null;
    const ip = domain ? null : String(f.details.ip ?? f.subject);
    note(draft(domain ? 'domain' : ipType(ip!), domain ?? ip!, f.tlp), f.score, sharedInfraWhy(f));
  }
  const actorNames = new Set(actors.map((a) => a.name.toLowerCase()));
  for (const f of of('ioc-match', 'ioc-hit')) {
    const ind = f.details.indicator as { type?: IndicatorType; value?: string } | undefined;
    if (!ind?.type || !ind.value) continue;
    const d = draft(ind.type, ind.value, f.tlp);
    note(d, f.score, `matches prior intel (${((f.details.corroborating_sources as string[]) ?? []).length || 1} source(s)), hit score ${f.score.toFixed(2)}`);
    for (const n of [...((f.details.actors as string[]) ?? []), ...((f.details.intrusion_sets as string[]) ?? [])]) {
      if (actorNames.has(n.toLowerCase())) d.actors.add(actors.find((a) => a.name.toLowerCase() === n.toLowerCase())!.name);
    }
  }
  for (const f of of('relays', 'relay-chain')) {
    for (const r of (f.details.relays as string[] | undefined) ?? []) {
      const d = draft(ipType(r), r, f.tlp);
      d.score = Math.max(d.score, f.score);
      d.chains.push(f.score);
    }
  }
  for (const f of of('impact', 'victim-impact')) addSightings(f, drafts, draft);
  await applyIndicatorTableTlp(store, drafts);
  const top = actors.find((a) => a.confidenceWords !== 'unlikely');
  const indicators = [...drafts.values()].filter((d) => d.seenAt.length > 0 || d.score >= MIN_SCORE).map((d) => finish(d, top?.name));
  indicators.sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0) || a.value.localeCompare(b.value));
  const times = indicators.flatMap((i) => [i.firstSeen, i.lastSeen]).filter((t): t is number => t != null);
  const orgs = await orgsOf(store);
  const victims = of('impact', 'victim-impact').length;
  return {
    caseName: opts.caseName, producer: opts.producer ?? 'hoptrace', generatedAt: opts.now ?? (times.length ? Math.max(...times) : 0),
    firstSeen: times.length ? Math.min(...times) : null, lastSeen: times.length ? Math.max(...times) : null,
    indicators, actors, orgs,
    summary: `${indicators.length} attacker infrastructure indicator(s) seen at ${victims} victim organisation(s)`
      + (top ? `; attributed to ${top.name} (${top.confidenceWords})` : '; no confident attribution'),
  };
}

function addSightings(f: Finding, drafts: Map<string, Draft>, draft: (t: IndicatorType, v: string, tlp: Tlp) => Draft): void {
  const infra = (f.details.infrastructure as Array<{ ip: string; first_seen: number; last_seen: number; flows: number; ports?: number[] }>) ?? [];
  for (const e of infra) {
    const d = drafts.get(`${ipType(e.ip)}|${e.ip}`) ?? draft(ipType(e.ip), e.ip, f.tlp);
    d.tlps.push(f.tlp);
    for (const p of e.ports ?? []) d.ports.add(p);
    d.seenAt.push({ org: String(f.details.org ?? f.subject), firstSeen: e.first_seen, lastSeen: e.last_seen, count: Number(e.flows) || 1 });
  }
}

function finish(d: Draft, topActor: string | undefined): ExportIndicator {
  const seen = [...d.seenAt].sort((a, b) => a.org.localeCompare(b.org));
  const firsts = seen.map((s) => s.firstSeen).filter((t): t is number => t != null);
  const lasts = seen.map((s) => s.lastSeen).filter((t): t is number => t != null);
  const ports = [...d.ports];
  if (d.chains.length) d.why.push(`relay in ${d.chains.length} stepping-stone chain(s), best chain score ${Math.max(...d.chains).toFixed(2)}`);
  if (topActor && seen.length > 0) d.actors.add(topActor);
  return {
    type: d.type, value: d.value, tlp: strictestTlp(d.tlps), port: ports.length === 1 ? ports[0] : null,
    firstSeen: firsts.length ? Math.min(...firsts) : null, lastSeen: lasts.length ? Math.max(...lasts) : null,
    confidence: Math.round(Math.min(1, d.score || 0.5) * 100),
    comment: `${d.why.join('; ') || 'attacker infrastructure'}${seen.length ? `; reached ${seen.length} victim organisation(s)` : ''}`,
    actors: [...d.actors].sort(), seenAt: seen,
  };
}

function sharedInfraWhy(f: Finding): string {
  const orgs = (f.details.numbers as Record<string, unknown> | undefined)?.orgs ?? f.details.orgs_using_name;
  return `shared-infra score ${f.score.toFixed(2)}${orgs != null ? ` (contacted by ${String(orgs)} orgs)` : ''}: one endpoint in many unrelated victims' traffic`;
}

const ipType = (v: string): IndicatorType => (v.includes('/') ? 'cidr' : v.includes(':') ? 'ipv6' : 'ipv4');

/** The indicators table may hold the same value under a stricter TLP (partner intel): that TLP wins. */
async function applyIndicatorTableTlp(store: Store, drafts: Map<string, Draft>): Promise<void> {
  const values = [...new Set([...drafts.values()].map((d) => d.value))];
  if (values.length === 0) return;
  const rows = await store.query<{ type: string; value: string; tlp: Tlp }>(sqlFile(import.meta.url, 'indicator-tlp'), { values });
  for (const r of rows) drafts.get(`${r.type}|${r.value}`)?.tlps.push(r.tlp);
}

async function orgsOf(store: Store): Promise<ExportOrg[]> {
  const rows = await store.query<{ id: string; name: string; sector: string | null }>(sqlFile(import.meta.url, 'orgs'));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => ({ id: r.id, name: r.name, sector: r.sector ?? null }));
}

interface UsesRow { actor_id: string; type: string; name: string | null; external_ids: string | string[] | null; tlp: Tlp }

async function actorsFrom(store: Store, found: Finding[]): Promise<ExportActor[]> {
  const ids = found.map((f) => String(f.details.actor_id ?? ''));
  const uses = ids.length ? await store.query<UsesRow>(sqlFile(import.meta.url, 'actor-uses'), { ids }) : [];
  const own = ids.length ? await store.query<{ id: string; tlp: Tlp }>(sqlFile(import.meta.url, 'actor-tlp'), { ids }) : [];
  return found.sort((a, b) => b.score - a.score).map((f) => {
    const id = String(f.details.actor_id ?? '');
    const mine = uses.filter((u) => u.actor_id === id && u.name);
    const used = [...new Map(mine.map((u) => [`${u.type}|${u.name}`, { type: u.type, name: u.name!, externalIds: jsonList(u.external_ids) }])).values()];
    const evidence = (f.details.evidence as string[] | undefined) ?? [];
    return {
      name: f.subject, aliases: ((f.details.aliases as string[]) ?? []).filter((x) => x !== f.subject), externalIds: (f.details.external_ids as string[]) ?? [],
      tlp: strictestTlp([f.tlp, ...own.filter((o) => o.id === id).map((o) => o.tlp), ...mine.map((u) => u.tlp)]),
      confidenceWords: String(f.details.confidence ?? 'unlikely'), score: f.score, uses: used,
      summary: evidence.length ? `strongest evidence: ${evidence.slice(0, 3).join('; ')}` : 'no evidence paths recorded',
    };
  });
}

function jsonList(v: string | string[] | null): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (!v) return [];
  try { const p = JSON.parse(v); return Array.isArray(p) ? p.map(String) : []; } catch { return []; }
}
