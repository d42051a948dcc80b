// Format registration for plain IOC lists and IOC CSVs.
import type { Format } from '../contract.ts';
import { headerStrength } from './columns.ts';
import { splitCsvLine } from './csv.ts';
import { normaliseIndicator } from './normalise.ts';
import { parseIocList } from './parse.ts';

/** Bytes detect.ts offers to sniffers (its HEAD_BYTES; not imported: detect.ts imports the formats). */
const SNIFF_HEAD = 64 * 1024;

const isDataLine = (l: string): boolean => l !== '' && !l.startsWith('#') && !l.startsWith('//');

export const iocsFormat: Format = {
  name: 'iocs',
  sniff(head: Buffer, name: string): number {
    if (head.includes(0)) return 0;
    const text = head.toString('utf8');
    if (/^\s*[[{]/.test(text)) return 0;
    // The last line of a 64 KiB head may be cut short; a shorter head is the whole file (last line may lack \n).
    const all = text.split(/\r?\n/).slice(0, head.length >= SNIFF_HEAD ? -1 : undefined).map((l) => l.trim());
    const firstData = all.findIndex(isDataLine);
    if (firstData < 0) return 0;
    const data = all.slice(firstData).filter(isDataLine);
    const cells = splitCsvLine(data[0]) ?? [];
    const strength = cells.length > 1 ? headerStrength(cells) : 0;
    if (strength > 0) return strength;
    // abuse.ch feeds write the header as the last comment line before the data (`# Firstseen,DstIP,…`).
    const comment = all.slice(0, firstData).reverse().find((l) => l.startsWith('#') && l.includes(','));
    const commented = comment ? splitCsvLine(comment.replace(/^#\s*/, '')) : null;
    if (cells.length > 1 && commented && commented.length === cells.length && headerStrength(commented) > 0) {
      return Math.max(0.5, headerStrength(commented));
    }
    const sample = data.slice(0, 50);
    const good = sample.filter((l) => typeof normaliseIndicator(l.replace(/\s+(#|\/\/).*$/, '').split(/\s+/)[0]) !== 'string').length;
    const share = good / sample.length;
    if (share < 0.8) return 0;
    return /\.(txt|ioc|iocs|list|csv)$/i.test(name) ? 0.7 : 0.5;
  },
  parse: parseIocList,
};
