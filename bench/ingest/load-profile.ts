// DuckDB's JSON profile of the bulk load statement (EXPLAIN ANALYZE) → seconds per step of the load.
// Operator timings are summed over DuckDB's threads, so on a busy machine they read high; the shares hold.

export interface LoadSteps { read_csv: number; validate: number; classify: number; write: number }

interface Node { operator_type?: string; operator_name?: string; operator_timing?: number; children?: Node[] }

const isCsvScan = (n: Node) => n.operator_type === 'TABLE_SCAN' && n.operator_name === 'READ_CSV';

/**
 * read_csv: DuckDB's CSV scan; validate: the projection right above it (address parsing and checks);
 * write: the INSERT operator (compression, storage); classify: everything else (org joins, flags, casts).
 */
export function loadSteps(profileJson: string): LoadSteps {
  const steps: LoadSteps = { read_csv: 0, validate: 0, classify: 0, write: 0 };
  const walk = (n: Node) => {
    const t = n.operator_timing ?? 0;
    if (isCsvScan(n)) steps.read_csv += t;
    else if (n.operator_type === 'INSERT') steps.write += t;
    else if ((n.operator_type === 'PROJECTION' || n.operator_type === 'FILTER') && n.children?.some(isCsvScan)) steps.validate += t;
    else steps.classify += t;
    for (const c of n.children ?? []) walk(c);
  };
  walk(JSON.parse(profileJson) as Node);
  return steps;
}
