// STIX 2.1 bundle of a case (or of one victim) from the export model: indicators with their observables,
// intrusion sets with `indicates`/`uses` relationships, sightings at victims, one report, TLP 2.0 markings.
import { stixId } from '../../core/ids.ts';
import { TLP_ORDER, type Tlp } from '../../core/types.ts';
import type { ExportModel } from '../export/model.ts';
import { makeBundle } from './bundle.ts';
import { firstIdentity, tlpAllowed, tlpMarking, TLP_MARKING_IDS, type StixObject } from './markings.ts';
import { EPOCH, indicatorWithObservable, orgIdentity, producerIdentity, relationship, report, sighting } from './objects.ts';

export interface BundleScope { maxTlp: Tlp; org?: string }

export function caseBundle(model: ExportModel, scope: BundleScope) {
  const me = producerIdentity(model.producer);
  const objects: StixObject[] = [me, firstIdentity()];
  const used = new Set<Tlp>();
  const mark = (t: Tlp) => { used.add(t); return t; };
  const orgs = new Map(model.orgs.map((o) => [o.id, orgIdentity(o)]));
  const actors = model.actors.filter((a) => tlpAllowed(a.tlp, scope.maxTlp));
  const actorSdo = new Map(actors.map((a) => [a.name, intrusionSet(a, me.id, mark(a.tlp))]));
  for (const a of actors) {
    objects.push(actorSdo.get(a.name)!);
    for (const u of a.uses) {
      const sdo = usedObject(u, me.id, a.tlp);
      objects.push(sdo, relationship(actorSdo.get(a.name)!.id, 'uses', sdo.id, me.id, EPOCH, a.tlp));
    }
  }
  for (const ind of model.indicators) {
    if (!tlpAllowed(ind.tlp, scope.maxTlp)) continue;
    const seen = scope.org ? ind.seenAt.filter((s) => s.org === scope.org) : ind.seenAt;
    if (scope.org && seen.length === 0) continue;
    const built = indicatorWithObservable({
      type: ind.type, value: ind.value, tlp: mark(ind.tlp), validFrom: ind.firstSeen ?? model.generatedAt,
      validUntil: ind.validUntil, confidence: ind.confidence, createdBy: me.id, description: ind.comment,
      source: { name: 'hoptrace', description: ind.comment.slice(0, 500) },
    });
    if (!built) continue;
    objects.push(...built);
    const indicator = built[1];
    for (const name of ind.actors) {
      const target = actorSdo.get(name);
      if (target) objects.push(relationship(indicator.id, 'indicates', target.id, me.id, String(indicator.created), strictest(ind.tlp, actors.find((a) => a.name === name)!.tlp)));
    }
    for (const s of seen) {
      const where = orgs.get(s.org);
      if (where) objects.push(where);
      objects.push(sighting({ of: indicator.id, where: where ? [where.id] : [], firstSeen: s.firstSeen, lastSeen: s.lastSeen,
        count: s.count, createdBy: me.id, tlp: ind.tlp, key: `${indicator.id}|${s.org}` }));
    }
  }
  const reportTlp = strictest(...used, 'clear');
  for (const t of new Set([...used, reportTlp])) objects.push(tlpMarking(t));
  const refs = [...new Set(objects.map((o) => o.id))];
  const key = scope.org ? `${model.caseName}|victim|${scope.org}|${scope.maxTlp}` : `${model.caseName}|case|${scope.maxTlp}`;
  objects.push(report({
    key, name: scope.org ? `hoptrace notice for ${orgs.get(scope.org)?.name ?? scope.org}` : `hoptrace case ${model.caseName}`,
    description: model.summary, published: model.lastSeen ?? model.generatedAt, refs, createdBy: me.id, tlp: reportTlp,
  }));
  return makeBundle(key, objects);
}

function strictest(...t: Tlp[]): Tlp {
  return t.reduce((w, x) => (TLP_ORDER.indexOf(x) > TLP_ORDER.indexOf(w) ? x : w), 'clear');
}

function intrusionSet(a: ExportModel['actors'][number], createdBy: string, tlp: Tlp): StixObject {
  return {
    type: 'intrusion-set', spec_version: '2.1', id: stixId('intrusion-set', a.name.toLowerCase()), created_by_ref: createdBy,
    created: EPOCH, modified: EPOCH, name: a.name, description: `${a.summary} (hoptrace attribution: ${a.confidenceWords}, score ${a.score.toFixed(2)})`,
    ...(a.aliases.length ? { aliases: a.aliases } : {}), object_marking_refs: [TLP_MARKING_IDS[tlp]],
    ...(a.externalIds.length ? { external_references: a.externalIds.map((id) => ({ source_name: 'mitre-attack', external_id: id })) } : {}),
  };
}

function usedObject(u: { type: string; name: string; externalIds: string[] }, createdBy: string, tlp: Tlp): StixObject {
  const type = ['malware', 'tool', 'attack-pattern'].includes(u.type) ? u.type : 'tool';
  return {
    type, spec_version: '2.1', id: stixId(type, u.name.toLowerCase()), created_by_ref: createdBy, created: EPOCH, modified: EPOCH,
    name: u.name, ...(type === 'malware' ? { is_family: true } : {}), object_marking_refs: [TLP_MARKING_IDS[tlp]],
    ...(u.externalIds.length ? { external_references: u.externalIds.map((id) => ({ source_name: 'mitre-attack', external_id: id })) } : {}),
  };
}
