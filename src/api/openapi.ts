// The OpenAPI 3.1 document, generated from the schemas the routes themselves validate with.
import type { RouteOptions } from 'fastify';

interface Op { method: string; url: string; schema: Record<string, any>; roles: readonly string[] }

export class OpenApiCollector {
  private ops: Op[] = [];

  add(route: RouteOptions): void {
    if (!route.url.startsWith('/api/') && !route.url.startsWith('/taxii2')) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    for (const method of methods) {
      this.ops.push({ method: method.toLowerCase(), url: route.url, schema: (route.schema ?? {}) as Record<string, any>, roles: route.config?.roles ?? [] });
    }
  }

  document(version: string): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of this.ops) {
      const path = op.url.replace(/:([A-Za-z_]+)/g, '{$1}');
      (paths[path] ??= {})[op.method] = this.operation(op);
    }
    return {
      openapi: '3.1.0',
      info: { title: 'hoptrace API', version, description: 'Investigator and partner API of one hoptrace case. Every response is filtered by TLP 2.0 and role.' },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, basic: { type: 'http', scheme: 'basic', description: 'TAXII only: any user name, the token as password' } },
      },
      security: [{ bearer: [] }],
      paths,
    };
  }

  private operation(op: Op): Record<string, unknown> {
    const s = op.schema;
    const parameters = [
      ...props(s.params, 'path'),
      ...props(s.querystring, 'query'),
    ];
    const out: Record<string, unknown> = {
      summary: s.summary ?? '',
      description: `${s.description ?? ''}${op.roles.length ? ` Roles: ${op.roles.join(', ')}.` : ''}`.trim(),
      tags: s.tags ?? [],
      parameters,
      responses: {
        200: { description: 'OK', ...(s.response?.[200] ? { content: { 'application/json': { schema: s.response[200] } } } : {}) },
        400: { description: 'invalid request (the message names the field)' },
        401: { description: 'missing or invalid token' },
        403: { description: 'role not allowed' },
      },
    };
    if (s.body) out.requestBody = { required: true, content: { 'application/json': { schema: s.body } } };
    return out;
  }
}

function props(schema: any, where: 'path' | 'query'): Array<Record<string, unknown>> {
  if (!schema?.properties) return [];
  const required: string[] = schema.required ?? [];
  return Object.entries(schema.properties).map(([name, sch]) => ({ name, in: where, required: where === 'path' || required.includes(name), schema: sch }));
}
