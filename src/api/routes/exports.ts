// POST /api/exports/stix|misp — the case's export up to a TLP ceiling, built by src/sinks exactly as
// `hoptrace export` builds it (one export model, one STIX builder, one MISP writer; same ids for the same
// case). Team only; every export is recorded in the audit chain. Personal data stays in: indicators whose
// value is personal (an account's email or phone, any email address) are withheld, and free text passes the
// PII scrub, as a second line behind the export model, which reads no personal data itself.
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { TLP_ORDER, type Tlp } from '../../core/types.ts';
import { renderExport, type ExportFormat } from '../../sinks/export/export-case.ts';
import { exportModelFromStore } from '../../sinks/export/model-from-store.ts';
import { TEAM, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { scrubFreeText, scrubString, type PiiValues } from '../redact.ts';
import type { ExportModel } from '../../sinks/export/model.ts';

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
    const pii = await ctx.piiValues();
    const { model, withheld } = withoutPersonalValues(await exportModelFromStore(ctx.store, { caseName: basename(ctx.kase.dir) }), pii);
    const out = renderExport(model, format, ceiling);
    const body = scrubFreeText(out.json, pii);
    ctx.audit(user, `export.${format}`, out.id, { tlp: ceiling, objects: out.objects, withheld_personal: withheld });
    return reply.type(MEDIA_TYPE[format])
      .header('Content-Disposition', `attachment; filename="hoptrace-${format}-tlp-${ceiling.replace('+', '-')}.json"`).send(body);
  });
}

function withoutPersonalValues(model: ExportModel, pii: PiiValues): { model: ExportModel; withheld: number } {
  const indicators = model.indicators.filter((i) => scrubString(i.value, pii) === i.value);
  return { model: { ...model, indicators }, withheld: model.indicators.length - indicators.length };
}
