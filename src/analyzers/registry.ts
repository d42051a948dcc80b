// Every analyzer, one line each. `hoptrace analyze` orders them by their `needs`.
import type { Analyzer } from './contract.ts';

export const ANALYZERS: Analyzer<any>[] = [
];
