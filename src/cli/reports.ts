// The report writers `hoptrace report` and `hoptrace demo` know, by name.
import { basename, join } from 'node:path';
import { writeEvidenceReport } from '../sinks/report/evidence/evidence-report.ts';
import { writeProviderReports } from '../sinks/report/providers/provider-report.ts';
import { writeSummaryReport } from '../sinks/report/summary/summary-report.ts';
import { writeVictimsReport } from '../sinks/report/victims/victims-report.ts';
import type { Case } from './case.ts';

export type ReportWriter = (kase: Case, outDir: string) => Promise<string[]>;

export const REPORTS: Record<string, ReportWriter> = {
  evidence: (k, out) => writeEvidenceReport({ store: k.store, ledger: k.ledger, audit: k.audit, caseName: basename(k.dir) }, join(out, 'evidence')),
  victims: (k, out) => writeVictimsReport(k.store, join(out, 'victims'), basename(k.dir)),
  summary: (k, out) => writeSummaryReport(k.store, join(out, 'summary'), basename(k.dir)),
  providers: (k, out) => writeProviderReports(k.store, join(out, 'providers'), { caseRef: basename(k.dir) }),
};
