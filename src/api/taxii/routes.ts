// TAXII 2.1 read API: discovery, API root, collections, objects (added_after, limit + next) and manifest.
// Media type application/taxii+json;version=2.1 both ways; Bearer or Basic (token as password).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sqlFile } from '../../store/sql-file.ts';
import { ALL, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { keyList } from '../flagged.ts';
import { indicatorObject, iso, type IndicatorRow } from '../stix.ts';
import { collectionsFor, orgEndpointKeys, type Collection } from './collections.ts';
import { decodeCursor, encodeCursor, parseTimestamp } from './cursor.ts';

export const TAXII_MEDIA = 'application/taxii+json;version=2.1';
const MAX_PAGE = 1000;
const ROOT = '/taxii2/api/';

export function taxiiRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const opts = (summary: string, extra: Record<string, unknown> = {}) =>
    ({ config: { roles: ALL }, schema: { summary, tags: ['taxii'], ...extra }, preHandler: checkAccept });

  app.get('/taxii2/', opts('TAXII discovery'), async (req, reply) => taxii(reply, {
    title: 'hoptrace TAXII 2.1', description: 'Indicators of this hoptrace case, filtered by TLP and by your organisation',
    default: absolute(req, ROOT), api_roots: [absolute(req, ROOT)],
  }));

  app.get(ROOT, opts('TAXII API root'), async (_req, reply) => taxii(reply, {
    title: 'hoptrace case', versions: [TAXII_MEDIA], max_content_length: 0,
  }));

  app.get(`${ROOT}collections/`, opts('TAXII collections you may read'), async (req, reply) => {
    const list = await collectionsFor(ctx, actor(req));
    return taxii(reply, { collections: list.map(describe) });
  });

  app.get<{ Params: { id: string } }>(`${ROOT}collections/:id/`, opts('One TAXII collection'), async (req, reply) =>
    taxii(reply, describe(await findCollection(ctx, req))));

  const pageQuery = { querystring: { type: 'object', properties: {
    added_after: { type: 'string', maxLength: 40 }, limit: { type: 'integer', minimum: 1, maximum: 100_000 }, next: { type: 'string', maxLength: 300 } } } };

  app.get<{ Params: { id: string }; Querystring: PageQuery }>(`${ROOT}collections/:id/objects/`, opts('Objects of a collection, paged', pageQuery),
    async (req, reply) => {
      const page = await readPage(ctx, await findCollection(ctx, req), req.query);
      setDateHeaders(reply, page.rows);
      return taxii(reply, { more: page.more, ...(page.next ? { next: page.next } : {}), objects: page.rows.map(indicatorObject) });
    });

  app.get<{ Params: { id: string }; Querystring: PageQuery }>(`${ROOT}collections/:id/manifest/`, opts('Manifest of a collection, paged', pageQuery),
    async (req, reply) => {
      const page = await readPage(ctx, await findCollection(ctx, req), req.query);
      setDateHeaders(reply, page.rows);
      const objects = page.rows.map((r) => {
        const o = indicatorObject(r);
        return { id: o.id, date_added: iso(r.added), version: o.modified, media_type: 'application/stix+json;version=2.1' };
      });
      return taxii(reply, { more: page.more, ...(page.next ? { next: page.next } : {}), objects });
    });
}

interface PageQuery { added_after?: string; limit?: number; next?: string }

async function readPage(ctx: ApiContext, c: Collection, q: PageQuery) {
  const limit = Math.min(q.limit ?? 100, MAX_PAGE);
  let after = -1;
  let afterId = '';
  if (q.added_after) after = parseTimestamp(q.added_after);
  if (q.next) ({ after, afterId } = decodeCursor(q.next));
  const keys = c.org ? await orgEndpointKeys(ctx, c.org) : [];
  const rows = await ctx.store.query<IndicatorRow>(sqlFile(import.meta.url, 'objects'),
    { tlps: c.tlps, use_keys: !!c.org, keys: keyList(keys), after, after_id: afterId, limit: limit + 1 });
  const more = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return { rows: pageRows, more, next: more && last ? encodeCursor(last.added, last.id) : null };
}

async function findCollection(ctx: ApiContext, req: FastifyRequest<{ Params: { id: string } }>): Promise<Collection> {
  const c = (await collectionsFor(ctx, actor(req))).find((x) => x.id === req.params.id);
  if (!c) throw new ApiError(404, `no collection '${req.params.id}' readable with this token; list them at ${ROOT}collections/`);
  return c;
}

function describe(c: Collection) {
  return { id: c.id, title: c.title, description: c.description, can_read: true, can_write: false, media_types: ['application/stix+json;version=2.1'] };
}

function setDateHeaders(reply: FastifyReply, rows: IndicatorRow[]): void {
  if (rows.length === 0) return;
  reply.header('X-TAXII-Date-Added-First', iso(rows[0].added));
  reply.header('X-TAXII-Date-Added-Last', iso(rows[rows.length - 1].added));
}

function taxii(reply: FastifyReply, body: unknown) {
  return reply.type(TAXII_MEDIA).send(body);
}

function absolute(req: FastifyRequest, path: string): string {
  return `${req.protocol}://${req.headers.host ?? 'localhost'}${path}`;
}

/** 406 unless the client accepts TAXII 2.1 JSON (or anything). */
async function checkAccept(req: FastifyRequest): Promise<void> {
  const accept = req.headers.accept;
  if (!accept) return;
  const ok = accept.split(',').some((part) => {
    const [type, ...params] = part.trim().toLowerCase().split(';').map((s) => s.trim());
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = params.find((p) => p.startsWith('version='));
    return !version || version === 'version=2.1';
  });
  if (!ok) throw new ApiError(406, `this server speaks ${TAXII_MEDIA}; the Accept header asked for '${accept}'`);
}
