// Orgs directory (CSV with id,name,sector,country,networks,contacts,sensors, or JSON: an array or
// {orgs:[…]}) → `orgs` and `org_networks`. A bad entry (no id, invalid CIDR) is rejected with its line.
import type { Format, ParseOptions, ParserInput, RecordBatch } from '../contract.ts';
import { WrongFormatError } from '../contract.ts';
import { readAll } from '../lines.ts';
import { Sink } from '../zeek/sink.ts';
import { buildOrg, type OrgInput } from './org.ts';
import { readOrgsCsv } from './csv.ts';

export const orgsFormat: Format = { name: 'orgs', sniff: sniffOrgs, parse: parseOrgs };

export function sniffOrgs(head: Buffer, name: string): number {
  const text = head.toString('utf8', 0, Math.min(head.length, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) return /^\{\s*"orgs"\s*:\s*\[/.test(text) ? 0.95 : 0;
  if (text.startsWith('[')) return /"networks"\s*:/.test(text) && /"id"\s*:/.test(text) && !/"type"\s*:\s*"(bundle|indicator)"/.test(text) ? 0.8 : 0;
  const header = text.split(/\r?\n/, 1)[0].toLowerCase().split(/[,\t]/).map((h) => h.trim());
  if (header.includes('id') && header.includes('networks')) return 0.9;
  return /orgs/i.test(name) && header.includes('id') && header.includes('name') ? 0.5 : 0;
}

export async function* parseOrgs(input: ParserInput, opts: ParseOptions): AsyncIterable<RecordBatch> {
  const text = (await readAll(input.open())).toString('utf8').replace(/^\uFEFF/, '');
  const sink = new Sink(opts.file);
  const seen = new Set<string>();
  const entries = /^\s*[[{]/.test(text) ? jsonEntries(text) : readOrgsCsv(text);
  for (const entry of entries) {
    sink.read++;
    if (typeof entry.input === 'string') { sink.reject(entry.line, entry.input, entry.raw); continue; }
    const built = buildOrg(entry.input);
    if (typeof built === 'string') { sink.reject(entry.line, built, entry.raw); continue; }
    const id = String(built.org.id);
    if (seen.has(id)) { sink.reject(entry.line, `duplicate org id '${id}'`, entry.raw); continue; }
    seen.add(id);
    sink.row('orgs', built.org);
    for (const n of built.networks) sink.row('org_networks', n);
  }
  yield sink.take(text.length);
}

export interface Entry { line: number; input: OrgInput | string; raw: string }

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String).map((s) => s.trim()).filter(Boolean);
  if (typeof v === 'string') return v.split(v.includes(';') ? ';' : /\s+/).map((s) => s.trim()).filter(Boolean);
  return [];
}

function jsonEntries(text: string): Entry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new WrongFormatError(`not an orgs directory: invalid JSON (${(e as Error).message})`);
  }
  const items = Array.isArray(doc) ? doc : (doc as { orgs?: unknown })?.orgs;
  if (!Array.isArray(items)) throw new WrongFormatError('not an orgs directory: JSON is neither an array nor {"orgs": [...]}');
  return items.map((item, i) => {
    const raw = JSON.stringify(item) ?? '';
    if (!item || typeof item !== 'object') return { line: i + 1, input: `element ${i + 1} is not an object`, raw };
    const o = item as Record<string, unknown>;
    const str = (v: unknown) => (v == null ? undefined : String(v));
    return {
      line: i + 1, raw,
      input: { id: str(o.id), name: str(o.name), sector: str(o.sector), country: str(o.country), networks: list(o.networks), contacts: list(o.contacts), sensors: list(o.sensors) },
    };
  });
}
