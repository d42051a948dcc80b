// Graph explorer: a seed view (top flagged endpoints and the victims that reached them) and on-demand
// expansion of one node's neighbourhood, both bounded by `limit`.
import type { FastifyInstance } from 'fastify';
import { TEAM, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { flaggedEndpoints } from '../flagged.ts';
import { contactIndex, top as topContacts } from '../graph/contacts.ts';
import type { ApiUser } from '../users.ts';
import { endpointNode, expandNode, orgNames, orgNode } from '../graph/expand.ts';
import { NeighbourhoodBuilder, nodeId, NODE_TYPES, parseNodeId, type GraphNode, type NodeType } from '../graph/model.ts';

const limit = { type: 'integer', minimum: 1, maximum: 500, default: 50 } as const;

export function graphRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: { limit: number } }>('/api/graph/seed', {
    config: { roles: TEAM },
    schema: { summary: 'Starting view: top flagged endpoints and the victims that reached them', tags: ['graph'],
      querystring: { type: 'object', additionalProperties: false, properties: { limit } } },
  }, async (req, reply) => {
    const user = actor(req);
    return ctx.sendCachedJson(reply, user, `graph-seed:${req.query.limit}`, () => seed(ctx, user, req.query.limit));
  });

  app.get<{ Querystring: { node: string; types?: string; limit: number } }>('/api/graph/expand', {
    config: { roles: TEAM },
    schema: { summary: "One node's neighbours (at most `limit`), optionally only some node types", tags: ['graph'],
      querystring: { type: 'object', additionalProperties: false, required: ['node'], properties: {
        node: { type: 'string', minLength: 3, maxLength: 300 }, types: { type: 'string', pattern: `^(${NODE_TYPES.join('|')})(,(${NODE_TYPES.join('|')}))*$` }, limit } } },
  }, async (req) => {
    const { node, types } = req.query;
    const parsed = parseNodeId(node);
    if (!parsed) throw new ApiError(400, `node '${node}' is not a node id: TYPE|…, TYPE one of ${NODE_TYPES.join(', ')} (e.g. ip|203.0.113.10, org|univ-a)`);
    const user = actor(req);
    const flagged = await flaggedEndpoints(ctx, user);
    const contacts = await contactIndex(ctx, user);
    const center = await centerNode(ctx, node, parsed.type, parsed.parts, flagged);
    return expandNode(node, { ctx, flagged, contacts, limit: req.query.limit, types: types ? new Set(types.split(',') as NodeType[]) : null }, center);
  });
}

/** The top flagged endpoints (by best finding score) and the victims that reached each of them most. */
async function seed(ctx: ApiContext, user: ApiUser, limit: number) {
  const flagged = await flaggedEndpoints(ctx, user);
  const contacts = await contactIndex(ctx, user);
  const best = (f: { findings: Array<{ score: number }> }) => Math.max(0, ...f.findings.map((x) => x.score));
  const chosen = [...flagged.values()].filter((f) => f.findings.length > 0).sort((a, b) => best(b) - best(a)).slice(0, Math.ceil(limit / 2));
  const b = new NeighbourhoodBuilder(limit);
  const names = await orgNames(ctx);
  for (const f of chosen) b.add(endpointNode(f.ip, flagged), { id: `seed~${f.ip}`, source: nodeId('ip', f.ip), target: nodeId('ip', f.ip), kind: 'self' });
  const perEndpoint = Math.max(1, Math.floor(limit / Math.max(1, chosen.length)));
  for (const f of chosen) {
    for (const o of topContacts(contacts.byExt.get(f.key) ?? [], (c) => c.org, perEndpoint)) {
      b.add(orgNode(o.key, names), { id: `${nodeId('org', o.key)}~contacted~${nodeId('ip', f.ip)}`, source: nodeId('org', o.key), target: nodeId('ip', f.ip), kind: 'contacted', label: `${o.n} conn`, weight: o.n });
    }
  }
  const r = b.result();
  return { ...r, edges: r.edges.filter((e) => e.kind !== 'self') };
}

async function centerNode(ctx: ApiContext, id: string, type: NodeType, parts: string[], flagged: Awaited<ReturnType<typeof flaggedEndpoints>>): Promise<GraphNode> {
  if (type === 'ip') return endpointNode(parts[0], flagged);
  if (type === 'org') return orgNode(parts[0], await orgNames(ctx));
  const label = type === 'host' ? parts[1] : type === 'account' ? `${parts[0]}/${parts[1]}` : parts[0];
  return { id, type, label };
}
