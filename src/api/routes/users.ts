// GET /api/me; admin-only user management (the token is in the reply once and never again).
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ADMIN, ALL, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createUser, listUsers, ROLES, UserInputError } from '../users.ts';

export function userRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/me', {
    config: { roles: ALL },
    schema: { summary: 'Who the token belongs to, and what it may see', tags: ['users'] },
  }, async (req) => {
    const user = actor(req);
    const visibility = user.role === 'partner'
      ? `TLP:CLEAR and TLP:GREEN, plus TLP:AMBER addressed to ${user.org}; no personal data`
      : 'everything in the case, every TLP marking';
    return { ...user, visibility, case: ctx.kase.config.name !== 'case' ? ctx.kase.config.name : basename(ctx.kase.dir) };
  });

  app.get('/api/users', { config: { roles: ADMIN }, schema: { summary: 'List users (never tokens)', tags: ['users'] } },
    async () => ({ users: await listUsers(ctx.store) }));

  app.post<{ Body: { name: string; role: string; org?: string } }>('/api/users', {
    config: { roles: ADMIN },
    schema: {
      summary: 'Create a user; the reply holds its token once', tags: ['users'],
      body: { type: 'object', additionalProperties: false, required: ['name', 'role'], properties: {
        name: { type: 'string', minLength: 1, maxLength: 64 }, role: { type: 'string', enum: [...ROLES] }, org: { type: 'string', minLength: 1, maxLength: 100 } } },
    },
  }, async (req, reply) => {
    try {
      const { user, token } = await createUser(ctx.store, req.body);
      ctx.tokens.forget();
      ctx.audit(actor(req), 'user.create', user.id, { name: user.name, role: user.role, org: user.org });
      return reply.code(201).send({ user, token, note: 'store this token now; hoptrace keeps only its hash' });
    } catch (e) {
      if (e instanceof UserInputError) throw new ApiError(e.message.includes('already exists') ? 409 : 400, e.message);
      throw e;
    }
  });
}
