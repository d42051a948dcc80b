// Authentication and role checks for /api/ and /taxii2/: `Authorization: Bearer TOKEN` (TAXII also accepts
// HTTP Basic with the token as password). 401 without a valid token, 403 when the role may not use a route.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiContext } from './context.ts';
import type { ApiUser, Role } from './users.ts';

declare module 'fastify' {
  interface FastifyContextConfig { roles?: readonly Role[]; public?: boolean }
  interface FastifyRequest { user: ApiUser | null; startedAt: number }
  interface FastifySchema { summary?: string; description?: string; tags?: string[] }
}

export const ALL: readonly Role[] = ['admin', 'analyst', 'partner'];
export const TEAM: readonly Role[] = ['admin', 'analyst'];
export const ADMIN: readonly Role[] = ['admin'];

export function tokenFrom(header: string | undefined, allowBasic: boolean): string | null {
  if (!header) return null;
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!value) return null;
  if (scheme.toLowerCase() === 'bearer') return value;
  if (allowBasic && scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  return null;
}

export function authHook(ctx: ApiContext) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    req.user = null;
    const taxii = req.url.startsWith('/taxii2');
    if (!taxii && !req.url.startsWith('/api/')) return;
    const config = req.routeOptions.config ?? {};
    if (config.public) return;
    const token = tokenFrom(req.headers.authorization, taxii);
    const user = token ? await ctx.tokens.lookup(token) : null;
    if (!user) {
      reply.header('WWW-Authenticate', taxii ? 'Basic realm="hoptrace TAXII", Bearer' : 'Bearer realm="hoptrace"');
      return deny(reply, 401, taxii, token ? 'the token is not valid' : 'send Authorization: Bearer TOKEN (create one with `hoptrace user add`)');
    }
    req.user = user;
    const roles = config.roles;
    if (!roles) return; // unmatched routes fall through to the 404 handler
    if (!roles.includes(user.role)) {
      return deny(reply, 403, taxii, `role '${user.role}' may not use ${req.method} ${req.routeOptions.url}; needs ${roles.join(' or ')}`);
    }
  };
}

function deny(reply: FastifyReply, status: 401 | 403, taxii: boolean, message: string) {
  const title = status === 401 ? 'Unauthorized' : 'Forbidden';
  if (taxii) {
    return reply.code(status).type('application/taxii+json;version=2.1').send({ title, description: message, http_status: String(status) });
  }
  return reply.code(status).send({ error: title, message });
}

export function actor(req: FastifyRequest): ApiUser {
  if (!req.user) throw new Error('route reached without an authenticated user');
  return req.user;
}
