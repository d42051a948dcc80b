// STIX 2.x JSON bundles (or a single object / a list of objects). STIX 1.x XML is refused with a reason.
import { readAll } from '../lines.ts';
import { WrongFormatError, type Format, type ParseOptions, type ParserInput, type RecordBatch } from '../contract.ts';
import { parseTlp } from '../iocs/tlp.ts';
import { bundleRows } from './bundle.ts';

export const stixFormat: Format = {
  name: 'stix',
  sniff(head: Buffer): number {
    const t = head.toString('utf8', 0, Math.min(head.length, 4096));
    if (!/^\s*[[{]/.test(t)) return 0;
    if (/"type"\s*:\s*"bundle"/.test(t)) return 0.95;
    if (/"spec_version"\s*:\s*"2\.[01]"/.test(t) && /"id"\s*:\s*"[a-z-]+--/.test(t)) return 0.8;
    return 0;
  },
  parse: parseStix,
};

export async function* parseStix(input: ParserInput, opts: ParseOptions): AsyncIterable<RecordBatch> {
  const buf = await readAll(input.open());
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*</.test(text)) throw new WrongFormatError('STIX 1.x XML is not supported; convert it to STIX 2.1 (e.g. with stix2-elevator) first');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    throw new WrongFormatError(`not valid JSON: ${(e as Error).message}`, undefined, pos ? Number(pos[1]) : undefined);
  }
  const { objects, version } = objectsOf(doc);
  const tlp = parseTlp(opts.tlp) ?? 'amber';
  const r = bundleRows(objects, { file: opts.file, source: opts.source, tlp, bundleVersion: version });
  if (r.read > 0 && r.rejects.length === r.read) throw new WrongFormatError(`no usable STIX object: ${r.rejects[0].reason}`);
  yield { rows: r.rows, read: r.read, rejects: r.rejects, bytesDone: buf.length };
}

function objectsOf(doc: unknown): { objects: unknown[]; version?: string } {
  if (Array.isArray(doc)) return { objects: doc };
  if (!doc || typeof doc !== 'object') throw new WrongFormatError('not a STIX bundle: top level is not a JSON object');
  const d = doc as Record<string, unknown>;
  if (d.type === 'bundle') {
    const v = d.spec_version as string | undefined;
    if (v !== undefined && v !== '2.0' && v !== '2.1') throw new WrongFormatError(`unsupported STIX bundle spec_version '${v}' (2.0 and 2.1 are read)`);
    if (d.objects === undefined) {
      const lists = Object.keys(d).filter((k) => Array.isArray(d[k]));
      if (lists.length) throw new WrongFormatError(`pre-release STIX 2.0 draft layout (per-type lists ${lists.join(', ')} instead of "objects") cannot be upgraded to 2.1`);
      return { objects: [], version: v };
    }
    if (!Array.isArray(d.objects)) throw new WrongFormatError('STIX bundle "objects" is not a list');
    return { objects: d.objects, version: v };
  }
  if (typeof d.type === 'string' && typeof d.id === 'string') return { objects: [d] };
  throw new WrongFormatError('not a STIX bundle: no "type": "bundle" and not a STIX object');
}
