// `hoptrace export stix|misp`: the case's export model written in one format up to a TLP ceiling. Ids are
// deterministic (from the case name and the values), so exporting twice gives the same objects and ids.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { TLP_ORDER, type Tlp } from '../../core/types.ts';
import type { Store } from '../../store/store.ts';
import { mispEvent } from '../misp/misp-event.ts';
import { caseBundle } from '../stix/case-bundle.ts';
import type { ExportModel } from './model.ts';
import { exportModelFromStore } from './model-from-store.ts';

export type ExportFormat = 'stix' | 'misp';

export interface ExportResult { file: string; format: ExportFormat; objects: number; indicators: number; actors: number; id: string }

export function renderExport(model: ExportModel, format: ExportFormat, maxTlp: Tlp, org?: string): { json: unknown; objects: number; id: string } {
  if (format === 'stix') {
    const b = caseBundle(model, { maxTlp, org });
    return { json: b, objects: b.objects.length, id: String(b.id) };
  }
  const ev = mispEvent(org ? victimOnly(model, org) : model, maxTlp);
  const e = ev.Event as { uuid: string; Attribute: unknown[]; Object: unknown[] };
  return { json: ev, objects: e.Attribute.length + e.Object.length, id: e.uuid };
}

/** The model narrowed to what one victim may see: its own indicators and sightings, nothing about other victims. */
export function victimOnly(model: ExportModel, org: string): ExportModel {
  const indicators = model.indicators.filter((i) => i.seenAt.some((s) => s.org === org))
    .map((i) => ({ ...i, seenAt: i.seenAt.filter((s) => s.org === org), comment: i.comment.replace(/; reached \d+ victim organisation\(s\)$/, '') }));
  return { ...model, caseName: `${model.caseName}|${org}`, indicators, orgs: model.orgs.filter((o) => o.id === org) };
}

export async function exportCase(store: Store, o: { caseName: string; producer?: string; format: ExportFormat; maxTlp: Tlp; out: string }): Promise<ExportResult> {
  const model = await exportModelFromStore(store, { caseName: o.caseName, producer: o.producer });
  const r = renderExport(model, o.format, o.maxTlp);
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(r.json, null, 2)}\n`);
  return { file: o.out, format: o.format, objects: r.objects, id: r.id,
    indicators: model.indicators.filter((i) => tlpOk(i.tlp, o.maxTlp)).length, actors: model.actors.filter((a) => tlpOk(a.tlp, o.maxTlp)).length };
}

const tlpOk = (t: Tlp, max: Tlp) => TLP_ORDER.indexOf(t) <= TLP_ORDER.indexOf(max);
