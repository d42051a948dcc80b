// POST /api/exports/stix|misp — the case's export up to a TLP ceiling, built by src/sinks exactly as
// `hoptrace export` builds it (one export model, one STIX builder, one MISP writer; same ids for the same
// case). Team only; every export is recorded in the audit chain. Free text passes the PII scrub on the way
// out as a second line behind the export model, which reads no personal data.
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { TLP_ORDER, type Tlp } from '../../core/types.ts';
import { renderExport, type ExportFormat } from '../../sinks/export/export-case.ts';
import { exportModelFromStore } from '../../sinks/export/model-from-store.ts';
import { TEAM, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { scrubFreeText } from '../redact.ts';

const MEDIA_TYPE: Record<ExportFormat, string> = { stix: 'application/stix+json;version=2.1', misp: 'application/json; charset=utf-8' };

export function exportRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post<{ Params: { format: ExportFormat }; Body: { tlp?: Tlp } }>('/api/exports/:format', {
    config: { roles: TEAM },
    schema: {
      summary: 'Export the case as a STIX 2.1 bundle or a MISP event up to a TLP ceiling (default GREEN: fit for partners)', tags: ['exports'],
      params: { type: 'object', required: ['format'], properties: { format: { type: 'string', enum: ['stix', 'misp'] } } },
      body: { type: 'object', additionalProperties: false, properties: { tlp: { type: 'string', enum: [...TLP_ORDER], default: 'green' } } },
    },
  }, async (req, reply) => {
    const user = actor(req);
    const { format } = req.params;
    const ceiling = req.body?.tlp ?? 'green';
    const model = await exportModelFromStore(ctx.store, { caseName: basename(ctx.kase.dir) });
    const out = renderExport(model, format, ceiling);
    const body = scrubFreeText(out.json, await ctx.piiValues());
    ctx.audit(user, `export.${format}`, out.id, { tlp: ceiling, objects: out.objects });
    return reply.type(MEDIA_TYPE[format])
      .header('Content-Disposition', `attachment; filename="hoptrace-${format}-tlp-${ceiling.replace('+', '-')}.json"`).send(body);
  });
}
