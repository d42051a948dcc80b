// The sinks that read a case store — reports, notification packages (built, rebuilt, one workflow step),
// STIX/MISP exports, the provider directory `hoptrace enrich` reads, and the API's read routes and TAXII — run on one case and summarised as engine-neutral counts,
// so that a DuckDB case and a ClickHouse case of the same evidence can be compared.
// Used by test/clickhouse-parity.test.ts.
import { basename, join } from 'node:path';
import { buildServer } from '../src/api/server.ts';
import { createUser } from '../src/api/users.ts';
import { openCase } from '../src/cli/case.ts';
import { REPORTS } from '../src/cli/reports.ts';
import { providersFromStore } from '../src/enrich/store-providers.ts';
import { exportCase } from '../src/sinks/export/export-case.ts';
import { notifyCase } from '../src/sinks/notify/notify-case.ts';
import { advance, listNotifications } from '../src/sinks/notify/notifications-store.ts';

/** Per sink step: a count summary, or `error: …` when it failed. */
export type SinkSummary = Record<string, string>;

/** GET routes of the API (team view) and how to summarise each JSON answer. */
const API_ROUTES: Array<[string, (j: any) => unknown]> = [
  ['/api/overview', (j) => ({ counts: j.counts, timeline: Object.keys(j).length })],
  ['/api/findings?limit=1000', (j) => ({ total: j.total, by_analyzer: countBy(j.findings, (f: any) => f.analyzer) })],
  ['/api/findings/analyzers', (j) => j.analyzers.map((a: any) => `${a.id ?? a.analyzer}:${a.findings ?? a.count ?? a.n}`).sort()],
  ['/api/graph/seed?limit=50', (j) => ({ nodes: j.nodes.length, edges: j.edges.length })],
  ['/api/victims', (j) => ({ total: j.total, orgs: j.orgs, exposed: j.victims.filter((v: any) => v.exposure).length })],
  ['/api/infrastructure?limit=200', (j) => ({ total: j.total, leased: j.endpoints.filter((e: any) => e.lease).length,
    victim_orgs: sum(j.endpoints.map((e: any) => ({ n: e.victims?.orgs })), 'n'), connections: sum(j.endpoints.map((e: any) => ({ n: e.victims?.connections })), 'n') })],
  ['/api/indicators?limit=500', (j) => ({ total: j.total, rows: j.indicators.length })],
  ['/api/identities', (j) => j.clusters.map((c: any) => c.account_ids.length)],
  ['/api/relays', (j) => ({ chains: j.chains.length, pairs: j.pairs.length })],
  ['/api/notifications', (j) => countBy(j.notifications, (n: any) => n.status)],
  ['/api/evidence', (j) => ({ files: j.evidence.length, stored: sum(j.evidence, 'rows_stored'), rejects_kept: sum(j.evidence, 'rejects_kept') })],
];

export async function runSinks(caseDir: string, outDir: string): Promise<SinkSummary> {
  const kase = await openCase(caseDir);
  const out: SinkSummary = {};
  const step = async (name: string, fn: () => Promise<unknown>) => {
    try {
      out[name] = JSON.stringify(await fn()) ?? "undefined";
    } catch (e) {
      out[name] = `error: ${(e as Error).message.slice(0, 400)}`;
    }
  };
  try {
    for (const kind of Object.keys(REPORTS).filter((k) => k !== 'all')) {
      await step(`report ${kind}`, async () => (await REPORTS[kind](kase, join(outDir, 'reports'))).map((f) => basename(f)).sort());
    }
    const notify = () => notifyCase(kase.store, { caseDir, outDir: join(outDir, 'notifications'), maxTlp: 'amber', actor: 'parity' });
    await step('notify build', async () => (await notify()).map((p) => `${p.org} ${p.notice.severity} ${p.tlp} ${p.created}`));
    await step('notify rebuild', async () => (await notify()).map((p) => `${p.org} ${p.refreshed}`));
    await step('notify approve', async () => {
      const first = (await listNotifications(kase.store))[0];
      if (!first) return 'no notification';
      await advance(kase.store, first.id, 'approve', { actor: 'parity', ts: 1 });
      return countBy(await listNotifications(kase.store), (n) => n.status);
    });
    for (const format of ['stix', 'misp'] as const) {
      await step(`export ${format}`, async () => {
        const r = await exportCase(kase.store, { caseName: 'parity', format, maxTlp: 'amber', out: join(outDir, `export.${format}.json`) });
        return { objects: r.objects, indicators: r.indicators, actors: r.actors };
      });
    }
    await step('enrich: provider directory from the store', async () => (await providersFromStore(kase.store)).map((p) => `${p.asn} ${p.name} ${p.country}`));
    await apiSteps(kase, step);
  } finally {
    await kase.close();
  }
  return out;
}

async function apiSteps(kase: Awaited<ReturnType<typeof openCase>>, step: (name: string, fn: () => Promise<unknown>) => Promise<void>): Promise<void> {
  const { app } = await buildServer(kase, { cacheTtlMs: 0, changeWatchMs: 0 });
  try {
    await app.ready();
    const { token } = await createUser(kase.store, { name: `parity-admin-${process.pid}`, role: 'admin' });
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      if (r.statusCode !== 200) throw new Error(`HTTP ${r.statusCode}: ${r.body.slice(0, 300)}`);
      return r.json();
    };
    for (const [url, summarise] of API_ROUTES) await step(`GET ${url}`, async () => summarise(await get(url)));
    await step('TAXII objects per collection', async () => {
      const taxii = { authorization: `Bearer ${token}`, accept: 'application/taxii+json;version=2.1' };
      const list = await app.inject({ method: 'GET', url: '/taxii2/api/collections/', headers: taxii });
      const counts: string[] = [];
      for (const c of list.json().collections) {
        const r = await app.inject({ method: 'GET', url: `/taxii2/api/collections/${c.id}/objects/?limit=1000`, headers: taxii });
        if (r.statusCode !== 200) throw new Error(`${c.title}: HTTP ${r.statusCode}: ${r.body.slice(0, 300)}`);
        counts.push(`${c.title}: ${(r.json().objects ?? []).length}`);
      }
      return counts.sort();
    });
    await step('GET /api/graph/expand (every seed node, then one node of each type reached)', async () => {
      const seed = await get('/api/graph/seed?limit=50');
      const seen = new Map<string, string>(); // node id → type
      const out: string[] = [];
      const expand = async (node: string) => {
        const j = await get(`/api/graph/expand?node=${encodeURIComponent(node)}&limit=100`);
        out.push(`${node}: ${j.nodes.length} nodes, ${j.edges.length} edges`);
        for (const n of j.nodes) seen.set(n.id, n.type);
      };
      for (const n of seed.nodes) await expand(n.id);
      const done = new Set(seed.nodes.map((n: any) => n.type));
      for (let round = 0; round < 3; round++) {
        for (const [id, type] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
          if (!done.has(type)) { done.add(type); await expand(id); }
        }
      }
      return { types: [...done].sort(), expansions: out.sort() };
    });
  } finally {
    await app.close();
  }
}

function sum(rows: Array<Record<string, unknown>>, key: string): number {
  return rows.reduce((a, r) => a + Number(r[key] ?? 0), 0);
}

function countBy<T>(items: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort());
}
