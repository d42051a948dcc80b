// The report writers `hoptrace report` and `hoptrace demo` know, by name.
import { basename, join } from 'node:path';
import { writeEvidenceReport } from '../sinks/report/evidence/evidence-report.ts';
import type { Case } from './case.ts';

export type ReportWriter = (kase: Case, outDir: string) => Promise<string[]>;

export const REPORTS: Record<string, ReportWriter> = {
  evidence: (k, out) => writeEvidenceReport({ store: k.store, ledger: k.ledger, audit: k.audit, caseName: basename(k.dir) }, join(out, 'evidence')),
};
