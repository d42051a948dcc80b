// Graph explorer: a seed view (top flagged endpoints and the victims that reached them) and on-demand
// expansion of one node's neighbourhood, both bounded by `limit`.
import type { FastifyInstance } from 'fastify';
import { sqlFile } from '../../store/sql-file.ts';
import { TEAM, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { flaggedEndpoints, ipTexts } from '../flagged.ts';
import { endpointNode, expandNode, orgNames, orgNode } from '../graph/expand.ts';
import { NeighbourhoodBuilder, nodeId, NODE_TYPES, parseNodeId, type GraphNode, type NodeType } from '../graph/model.ts';

const limit = { type: 'integer', minimum: 1, maximum: 500, default: 50 } as const;

export function graphRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: { limit: number } }>('/api/graph/seed', {
    config: { roles: TEAM },
    schema: { summary: 'Starting view: top flagged endpoints and the victims that reached them', tags: ['graph'],
      querystring: { type: 'object', additionalProperties: false, properties: { limit } } },
  }, async (req) => {
    const user = actor(req);
    const flagged = await flaggedEndpoints(ctx, user);
    const top = [...flagged.values()].filter((f) => f.findings.length > 0)
      .sort((a, b) => Math.max(0, ...b.findings.map((x) => x.score)) - Math.max(0, ...a.findings.map((x) => x.score))).slice(0, Math.ceil(req.query.limit / 2));
    const b = new NeighbourhoodBuilder(req.query.limit);
    const keys = top.map((f) => f.key);
    const edges = keys.length ? await ctx.store.query<{ org: string; ext: number; n: number }>(sqlFile(import.meta.url, '../graph/seed-edges'), { keys, limit: req.query.limit * 4 }) : [];
    const text = await ipTexts(ctx, keys);
    const names = await orgNames(ctx);
    for (const f of top) b.add(endpointNode(f.ip, flagged), { id: `seed~${f.ip}`, source: nodeId('ip', f.ip), target: nodeId('ip', f.ip), kind: 'self' });
    for (const e of edges) {
      b.add(orgNode(e.org, names), { id: `${nodeId('org', e.org)}~contacted~${nodeId('ip', text(e.ext))}`, source: nodeId('org', e.org), target: nodeId('ip', text(e.ext)), kind: 'contacted', label: `${e.n} conn`, weight: e.n });
    }
    const r = b.result();
    return { ...r, edges: r.edges.filter((e) => e.kind !== 'self') };
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
    const flagged = await flaggedEndpoints(ctx, actor(req));
    const center = await centerNode(ctx, node, parsed.type, parsed.parts, flagged);
    return expandNode(node, { ctx, flagged, limit: req.query.limit, types: types ? new Set(types.split(',') as NodeType[]) : null }, center);
  });
}

async function centerNode(ctx: ApiContext, id: string, type: NodeType, parts: string[], flagged: Awaited<ReturnType<typeof flaggedEndpoints>>): Promise<GraphNode> {
  if (type === 'ip') return endpointNode(parts[0], flagged);
  if (type === 'org') return orgNode(parts[0], await orgNames(ctx));
  const label = type === 'host' ? parts[1] : type === 'account' ? `${parts[0]}/${parts[1]}` : parts[0];
  return { id, type, label };
}
