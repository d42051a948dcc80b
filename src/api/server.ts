// The hoptrace HTTP server of one case: JSON API under /api/, TAXII 2.1 under /taxii2/, the web UI at /.
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Case } from '../cli/case.ts';
import { authHook } from './auth.ts';
import { ChangeWatch } from './change-watch.ts';
import { ApiContext } from './context.ts';
import { ApiError, errorHandler } from './errors.ts';
import { OpenApiCollector } from './openapi.ts';
import { guardForPartner } from './redact.ts';
import { ROUTES } from './routes/index.ts';
import { taxiiRoutes } from './taxii/routes.ts';
import { warmUp } from './warm.ts';

export interface ServerOptions {
  /** Built web UI (web/dist); served at / when present. */
  webDist?: string;
  /** JSON body limit in bytes. */
  bodyLimit?: number;
  cacheTtlMs?: number;
  /** How often to look for changes made outside the API (analyzer runs, ingests); 0 = never. */
  changeWatchMs?: number;
  logger?: boolean;
}

export const API_VERSION = '1.0.0';

/** The UI loads only its own bundle and talks only to this server (inline style attributes are React's). */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
  + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export async function buildServer(kase: Case, opts: ServerOptions = {}): Promise<{ app: FastifyInstance; ctx: ApiContext; changes: ChangeWatch }> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 64 * 1024,
    routerOptions: { maxParamLength: 300 },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  });
  const ctx = new ApiContext(kase, { cacheTtlMs: opts.cacheTtlMs });
  const changes = new ChangeWatch(ctx, () => { void warmUp(ctx).catch(() => {}); });
  app.addHook('onReady', async () => changes.start(opts.changeWatchMs ?? 1000));
  app.addHook('onClose', async () => changes.stop());
  const openapi = new OpenApiCollector();
  app.decorateRequest('user', null);
  app.decorateRequest('startedAt', 0);
  app.addHook('onRoute', (route) => {
    const guarded = route.url.startsWith('/api/') || route.url.startsWith('/taxii2');
    if (guarded && !route.config?.public && !route.config?.roles) throw new Error(`route ${route.url} declares no roles`);
    openapi.add(route);
  });
  app.addHook('onRequest', async (req) => { req.startedAt = performance.now(); });
  app.addHook('onRequest', authHook(ctx));
  app.addHook('preSerialization', async (req, _reply, payload) => {
    if (req.user?.role !== 'partner') return payload;
    return guardForPartner(payload, req.user, await ctx.piiValues());
  });
  app.addHook('preHandler', async (req) => {
    for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new ApiError(400, `invalid request: query parameter '${k}' must be a finite number`);
    }
  });
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (req, reply, payload) => {
    // Fastify rewrites media-type parameters ('; version="2.1"'); TAXII clients expect the exact form.
    if (req.url.startsWith('/taxii2') && String(reply.getHeader('content-type') ?? '').startsWith('application/taxii+json')) {
      reply.header('content-type', 'application/taxii+json;version=2.1');
    }
    reply.header('Server-Timing', `app;dur=${(performance.now() - req.startedAt).toFixed(2)}`);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/taxii2')) reply.header('Content-Security-Policy', CSP);
    return payload;
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/taxii2')) {
      return reply.code(404).send({ error: 'Not Found', message: `no route ${req.method} ${req.url.split('?')[0]}; see /api/openapi.json` });
    }
    if (opts.webDist && existsSync(opts.webDist) && req.method === 'GET') return reply.sendFile('index.html');
    return reply.code(404).type('text/plain').send('not found; the web UI is not built (run `npm run build:web`)');
  });

  app.get('/api/openapi.json', { config: { public: true }, schema: { summary: 'This OpenAPI document', tags: ['meta'] } },
    async () => openapi.document(API_VERSION));
  // Liveness for proxies and monitors; says nothing about the case. Also the load benchmark's baseline.
  app.get('/api/health', { config: { public: true }, schema: { summary: 'Liveness: the server answers', tags: ['meta'] } },
    async () => ({ status: 'ok' }));
  for (const register of ROUTES) register(app, ctx);
  taxiiRoutes(app, ctx);
  if (opts.webDist && existsSync(opts.webDist)) {
    await app.register(fastifyStatic, { root: opts.webDist, prefix: '/', index: 'index.html', wildcard: false });
  }
  return { app, ctx, changes };
}
