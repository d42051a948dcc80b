// Format registration for plain IOC lists and IOC CSVs.
import type { Format } from '../contract.ts';
import { headerStrength } from './columns.ts';
import { splitCsvLine } from './csv.ts';
import { normaliseIndicator } from './normalise.ts';
import { parseIocList } from './parse.ts';

export const iocsFormat: Format = {
  name: 'iocs',
  sniff(head: Buffer, name: string): number {
    if (head.includes(0)) return 0;
    const text = head.toString('utf8');
    if (/^\s*[[{]/.test(text)) return 0;
    const data = text.split(/\r?\n/).slice(0, -1).map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('//'));
    if (data.length === 0) return 0;
    const cells = splitCsvLine(data[0]) ?? [];
    if (cells.length > 1 && headerStrength(cells) > 0) return headerStrength(cells);
    const sample = data.slice(0, 50);
    const good = sample.filter((l) => typeof normaliseIndicator(l.replace(/\s+(#|\/\/).*$/, '').split(/\s+/)[0]) !== 'string').length;
    const share = good / sample.length;
    if (share < 0.8) return 0;
    return /\.(txt|ioc|iocs|list|csv)$/i.test(name) ? 0.7 : 0.5;
  },
  parse: parseIocList,
};
