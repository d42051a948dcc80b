// Orgs directory CSV: a header naming id,name,sector,country,networks,contacts,sensors (any order, tab or
// comma separated, RFC 4180 quotes). Lists inside a cell are `;`- or whitespace-separated.
import { WrongFormatError } from '../contract.ts';
import { splitCsvLine } from '../provider-records/csv.ts';
import { splitList } from './org.ts';
import type { Entry } from './format.ts';

const COLUMNS = ['id', 'name', 'sector', 'country', 'networks', 'contacts', 'sensors'] as const;

export function readOrgsCsv(text: string): Entry[] {
  const lines = text.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  if (headerAt < 0) throw new WrongFormatError('not an orgs directory: empty file');
  const delim = lines[headerAt].includes('\t') ? '\t' : ',';
  const header = splitCsvLine(lines[headerAt], delim).map((h) => h.toLowerCase());
  if (!header.includes('id') || !header.includes('networks')) {
    throw new WrongFormatError(`not an orgs directory: the header has no id and networks columns (${header.slice(0, 6).join(', ')})`, headerAt + 1);
  }
  const at = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const out: Entry[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const cells = splitCsvLine(raw, delim);
    if (cells.length !== header.length) {
      out.push({ line: i + 1, input: `expected ${header.length} fields, got ${cells.length}`, raw });
      continue;
    }
    const get = (c: (typeof COLUMNS)[number]) => (at[c] >= 0 ? cells[at[c]] : undefined);
    out.push({
      line: i + 1, raw,
      input: {
        id: get('id'), name: get('name'), sector: get('sector'), country: get('country'),
        networks: splitList(get('networks')), contacts: splitList(get('contacts'), (get('contacts') ?? '').includes(';')), sensors: splitList(get('sensors')),
      },
    });
  }
  return out;
}
