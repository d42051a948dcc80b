// Every ingest format, one line each. detect.ts asks each to sniff the first bytes.
import type { Format } from './contract.ts';

export const FORMATS: Format[] = [
];
