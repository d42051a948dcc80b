// Findings replaced in one step on a cluster without transactions. Each replaceFindings writes its rows
// under a new run id (hidden `_run` column), then commits by inserting ONE row into findings_runs; the
// `findings` view shows only each analyzer's latest committed run. Readers see the old set or the new set,
// never a mix; a run that fails before its commit row stays invisible. Superseded runs are deleted
// afterwards by an asynchronous mutation that no reader depends on.
import { randomUUID } from 'node:crypto';
import { RowConverter } from '../row-values.ts';
import { tableDef } from '../schema.ts';
import type { Row } from '../store.ts';
import type { BatchWriter } from './batch-writer.ts';
import type { Cluster } from './cluster.ts';
import { q } from './ddl.ts';
import { literal, numberLiteral, stringLiteral } from './literals.ts';

let lastCommitted = 0;

/** Strictly increasing commit stamps within this process (seconds, float). */
function commitStamp(): number {
  lastCommitted = Math.max(Date.now() / 1000, lastCommitted + 1e-6);
  return lastCommitted;
}

export class FindingRuns {
  constructor(private readonly cluster: Cluster, private readonly db: string, private readonly writer: BatchWriter) {}

  async replace(analyzer: string, rows: Row[]): Promise<void> {
    for (const r of rows) {
      if (r.analyzer !== analyzer) throw new Error(`finding ${String(r.id)} belongs to ${String(r.analyzer)}, not ${analyzer}`);
    }
    const run = randomUUID();
    await this.writeRows(rows, run);
    const committed = commitStamp();
    await this.cluster.command(this.cluster.entry, `INSERT INTO ${q(this.db)}.findings_runs (analyzer, run, committed) `
      + `VALUES (${stringLiteral(analyzer)}, ${stringLiteral(run)}, ${numberLiteral(committed)})`);
    await this.dropSuperseded(analyzer, committed);
  }

  /** Store.append('findings'): rows join each analyzer's current run (a new run if it has none). */
  async appendToCurrent(rows: Row[]): Promise<void> {
    const byAnalyzer = new Map<string, Row[]>();
    for (const r of rows) byAnalyzer.set(String(r.analyzer), [...(byAnalyzer.get(String(r.analyzer)) ?? []), r]);
    for (const [analyzer, group] of byAnalyzer) {
      const current = await this.currentRun(analyzer);
      if (current) await this.writeRows(group, current);
      else await this.replace(analyzer, group);
    }
  }

  private async writeRows(rows: Row[], run: string): Promise<void> {
    if (rows.length === 0) return;
    const def = tableDef('findings');
    const conv = new RowConverter('findings', def.columns);
    const cells = rows.map((r) => conv.cells(r));
    await this.writer.insert('findings_rows', def.columns.map((c) => c.name), cells, { _run: run });
  }

  private async currentRun(analyzer: string): Promise<string | null> {
    const r = await this.cluster.select<{ run: string; n: string }>(this.cluster.entry,
      `SELECT argMax(run, committed) AS run, count() AS n FROM ${q(this.db)}.findings_runs WHERE analyzer = ${stringLiteral(analyzer)}`);
    return Number(r[0]?.n ?? 0) > 0 ? r[0].run : null;
  }

  private async dropSuperseded(analyzer: string, committed: number): Promise<void> {
    const old = await this.cluster.select<{ run: string }>(this.cluster.entry,
      `SELECT run FROM ${q(this.db)}.findings_runs WHERE analyzer = ${stringLiteral(analyzer)} AND committed < ${numberLiteral(committed)}`);
    if (old.length === 0) return;
    const runs = literal(old.map((o) => o.run));
    // Not awaited to completion: the view already hides these rows; the mutation only reclaims space.
    await this.cluster.onEveryShard(async (s) => {
      await this.cluster.command(s, `ALTER TABLE ${q(this.db)}.findings_rows_local DELETE WHERE analyzer = ${stringLiteral(analyzer)} AND has(${runs}, _run)`);
      await this.cluster.command(s, `ALTER TABLE ${q(this.db)}.findings_runs_local DELETE WHERE analyzer = ${stringLiteral(analyzer)} AND has(${runs}, run)`);
    });
  }
}
