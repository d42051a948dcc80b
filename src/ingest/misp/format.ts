// MISP event JSON: {"Event": …}, a bare event, a list of either, {"response": […]} from the REST API, or an
// attribute search ({"response": {"Attribute": […]}}, each attribute carrying its Event's uuid and info).
import { readAll } from '../lines.ts';
import { WrongFormatError, type Format, type ParseOptions, type ParserInput, type RecordBatch } from '../contract.ts';
import { parseTlp } from '../iocs/tlp.ts';
import type { Row } from '../../store/store.ts';
import type { Reject } from '../../core/types.ts';
import { eventRows } from './event.ts';

type Obj = Record<string, unknown>;

export const mispFormat: Format = {
  name: 'misp',
  sniff(head: Buffer): number {
    const t = head.toString('utf8', 0, Math.min(head.length, 4096));
    if (!/^\s*[[{]/.test(t)) return 0;
    if (/"Event"\s*:\s*\{/.test(t)) return 0.95;
    if (/"response"\s*:\s*\[/.test(t) && /"Event"/.test(t)) return 0.9;
    if (/"response"\s*:\s*\{\s*"Attribute"\s*:\s*\[/.test(t)) return 0.9;
    if (/"Attribute"\s*:\s*\[/.test(t) && /"info"\s*:|"to_ids"\s*:/.test(t)) return 0.85;
    if (/"threat_level_id"|"analysis"\s*:/.test(t) && /"info"\s*:/.test(t)) return 0.8;
    return 0;
  },
  parse: parseMisp,
};

export function eventsOf(doc: unknown): Obj[] {
  if (Array.isArray(doc)) return doc.flatMap((d) => eventsOf(d));
  if (!doc || typeof doc !== 'object') throw new WrongFormatError('not a MISP event: top level is not a JSON object or list');
  const d = doc as Obj;
  if (Array.isArray(d.response)) return eventsOf(d.response);
  const found = (d.response as Obj | undefined)?.Attribute;
  if (Array.isArray(found)) return eventsOfAttributes(found as Obj[]);
  if (d.Event && typeof d.Event === 'object') return [d.Event as Obj];
  if ('info' in d && ('Attribute' in d || 'Object' in d || 'uuid' in d)) return [d];
  throw new WrongFormatError('not a MISP event: expected {"Event": …}, a bare event with "info" and "Attribute", a list, or {"response": […]}');
}

/** Attribute search results regrouped under the events they belong to (attributes without one stay together). */
function eventsOfAttributes(attrs: Obj[]): Obj[] {
  const events = new Map<string, Obj>();
  for (const a of attrs) {
    const ev = (a.Event ?? {}) as Obj;
    const key = String(ev.uuid ?? `event_id:${String(a.event_id ?? '')}`);
    let e = events.get(key);
    if (!e) events.set(key, (e = { uuid: ev.uuid, info: ev.info, Orgc: ev.Orgc, Tag: ev.Tag, Attribute: [] }));
    (e.Attribute as Obj[]).push(a);
  }
  return [...events.values()];
}

export async function* parseMisp(input: ParserInput, opts: ParseOptions): AsyncIterable<RecordBatch> {
  const buf = await readAll(input.open());
  let doc: unknown;
  try {
    doc = JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    throw new WrongFormatError(`not valid JSON: ${(e as Error).message}`, undefined, pos ? Number(pos[1]) : undefined);
  }
  const events = eventsOf(doc);
  if (events.length === 0) throw new WrongFormatError('no MISP events in the document');
  const tlp = parseTlp(opts.tlp) ?? 'amber';
  const rows = { intel_objects: [] as Row[], indicators: [] as Row[] };
  const rejects: Reject[] = [];
  let read = 0;
  events.forEach((ev, index) => {
    const r = eventRows(ev, { file: opts.file, source: opts.source, tlp, index });
    rows.intel_objects.push(...r.intel_objects);
    rows.indicators.push(...r.indicators);
    rejects.push(...r.rejects);
    read += r.read;
  });
  const reportRows = rows.intel_objects.filter((o) => o.type === 'report').length;
  if (reportRows === 0) throw new WrongFormatError(`no usable MISP event: ${rejects[0]?.reason ?? 'none found'}`);
  yield { rows, read, rejects, bytesDone: buf.length };
}
