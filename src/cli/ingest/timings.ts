// Wall-clock phases of one ingest, filled in only when a caller asks for them (the ingest benchmark does).

export interface IngestTimings {
  /** Milliseconds per phase: copy, hash (of the copy, with the line count), ledger, detect, load, reconcile, seal. */
  ms: Record<string, number>;
  /** The engine's own profile of the bulk load statement (DuckDB: EXPLAIN ANALYZE JSON), when it took that path. */
  loadProfile?: string;
}

/** Returns lap(phase): adds the time since the previous lap to `phase` (no phase: just restarts the clock). */
export function phaseClock(into?: IngestTimings): (phase?: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    if (into && phase) into.ms[phase] = (into.ms[phase] ?? 0) + now - last;
    last = now;
  };
}
