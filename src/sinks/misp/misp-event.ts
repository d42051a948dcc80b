// MISP event JSON (the format MISP imports through /events/add or "Import from MISP JSON") from the export model.
import { uuidv5 } from '../../core/ids.ts';
import { TLP_ORDER, type IndicatorType, type Tlp } from '../../core/types.ts';
import type { ExportIndicator, ExportModel } from '../export/model.ts';

const ATTR: Partial<Record<IndicatorType, { type: string; category: string }>> = {
  ipv4: { type: 'ip-dst', category: 'Network activity' }, ipv6: { type: 'ip-dst', category: 'Network activity' },
  cidr: { type: 'ip-dst', category: 'Network activity' }, domain: { type: 'domain', category: 'Network activity' },
  url: { type: 'url', category: 'Network activity' }, email: { type: 'email-src', category: 'Payload delivery' },
  md5: { type: 'md5', category: 'Payload delivery' }, sha1: { type: 'sha1', category: 'Payload delivery' },
  sha256: { type: 'sha256', category: 'Payload delivery' }, ja3: { type: 'ja3-fingerprint-md5', category: 'Network activity' },
};

/** MISP distribution for a TLP: RED/AMBER+STRICT stay in the org, AMBER in the community, GREEN connected, CLEAR all. */
const DISTRIBUTION: Record<Tlp, string> = { red: '0', 'amber+strict': '0', amber: '1', green: '2', clear: '3' };
/** MISP object template for an address with a port (misp-objects ip-port). */
const IP_PORT_TEMPLATE = '9f8cea74-16fe-4968-a2b4-026676949ac6';

const tlpTag = (t: Tlp) => ({ name: `tlp:${t}` });
const ts = (s: number) => String(Math.floor(s));

export function mispEvent(model: ExportModel, maxTlp: Tlp): { Event: Record<string, unknown> } {
  const allowed = (t: Tlp) => TLP_ORDER.indexOf(t) <= TLP_ORDER.indexOf(maxTlp);
  const inds = model.indicators.filter((i) => allowed(i.tlp) && ATTR[i.type]);
  const actors = model.actors.filter((a) => allowed(a.tlp));
  const eventTlp = inds.reduce<Tlp>((w, i) => (TLP_ORDER.indexOf(i.tlp) > TLP_ORDER.indexOf(w) ? i.tlp : w), 'clear');
  const attributes = inds.filter((i) => !i.port).map((i) => attribute(model, i));
  const objects = inds.filter((i) => i.port).map((i) => ({
    name: 'ip-port', 'meta-category': 'network', description: 'An IP address (or domain) and a port seen together',
    template_uuid: IP_PORT_TEMPLATE, template_version: '9', uuid: uuidv5(`misp|object|${model.caseName}|${i.value}|${i.port}`),
    timestamp: ts(model.generatedAt), distribution: '5', comment: i.comment,
    Attribute: [
      { ...attribute(model, i), object_relation: 'ip-dst' },
      { uuid: uuidv5(`misp|attr|${model.caseName}|${i.value}|port|${i.port}`), type: 'port', category: 'Network activity',
        object_relation: 'dst-port', value: String(i.port), to_ids: false, distribution: '5', timestamp: ts(model.generatedAt) },
    ],
  }));
  const galaxyTags = actors.map((a) => ({ name: `misp-galaxy:threat-actor="${a.name}"` }));
  const techniqueTags = [...new Set(actors.flatMap((a) => a.uses.filter((u) => u.type === 'attack-pattern')
    .map((u) => `misp-galaxy:mitre-attack-pattern="${u.name}${u.externalIds[0] ? ` - ${u.externalIds[0]}` : ''}"`)))].map((name) => ({ name }));
  return {
    Event: {
      uuid: uuidv5(`misp|event|${model.caseName}`),
      info: `hoptrace case ${model.caseName}: ${model.summary}`.slice(0, 250),
      date: new Date((model.firstSeen ?? model.generatedAt) * 1000).toISOString().slice(0, 10),
      threat_level_id: actors.some((a) => a.score >= 0.8) ? '1' : '2',
      analysis: '2', distribution: DISTRIBUTION[eventTlp], published: false, timestamp: ts(model.generatedAt),
      Orgc: { name: model.producer, uuid: uuidv5(`misp|org|${model.producer}`) },
      Tag: [tlpTag(eventTlp), ...galaxyTags, ...techniqueTags],
      Attribute: attributes,
      Object: objects,
    },
  };
}

function attribute(model: ExportModel, i: ExportIndicator): Record<string, unknown> {
  const a = ATTR[i.type]!;
  const out: Record<string, unknown> = {
    uuid: uuidv5(`misp|attr|${model.caseName}|${i.type}|${i.value}`), type: a.type, category: a.category, value: i.value,
    to_ids: (i.confidence ?? 0) >= 50, distribution: '5', timestamp: ts(model.generatedAt), comment: i.comment.slice(0, 1000),
    Tag: [tlpTag(i.tlp), ...i.actors.map((n) => ({ name: `misp-galaxy:threat-actor="${n}"` }))],
  };
  if (i.firstSeen != null) out.first_seen = new Date(i.firstSeen * 1000).toISOString();
  if (i.lastSeen != null) out.last_seen = new Date(Math.max(i.lastSeen, i.firstSeen ?? i.lastSeen) * 1000).toISOString();
  return out;
}
