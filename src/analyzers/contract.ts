// The analyzer contract (DESIGN §4). One folder per analyzer; registration is one line in registry.ts.
import type { ZodType } from 'zod';
import type { Finding } from '../core/types.ts';
import type { Store } from '../store/store.ts';
import type { TableName } from '../store/schema.ts';

export interface AnalyzerContext<P> {
  store: Store;
  params: P;
  caseDir: string;
  /** Findings already written by an analyzer this one declared in `needs`. */
  findingsOf(analyzerId: string): Promise<Finding[]>;
  /** Progress and notes for the user (stderr); never results. */
  log(message: string): void;
}

export interface Analyzer<P = Record<string, unknown>> {
  id: string;
  version: string;
  description: string;
  /** Tables it reads and analyzers whose findings it reads (those run first). */
  needs: { tables: TableName[]; analyzers: string[] };
  params: ZodType<P>;
  run(ctx: AnalyzerContext<P>): AsyncIterable<Finding>;
}

/** Builds a finding with the deterministic id and defaults filled in. */
export type FindingInput = Omit<Finding, 'id' | 'tlp' | 'confidence' | 'evidence_ids'> &
  Partial<Pick<Finding, 'tlp' | 'confidence' | 'evidence_ids'>>;
