// Keeps the cached views (overview, flagged endpoints, graph index…) true to the case while the server runs.
// API writes clear the cache themselves; this catches everything else: an analyzer replacing its findings
// (in this process, or in another one on a shared ClickHouse case), an ingest, a CLI notification step.
// It reads a small stamp of those tables every interval and, when the stamp moves, drops the cache and
// starts recomputing the hot views in the background.
import type { ApiContext } from './context.ts';
import { apiSql } from './queries/sql.ts';

export class ChangeWatch {
  private last: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<boolean> | null = null;

  constructor(private readonly ctx: ApiContext, private readonly onChange: () => void = () => {}) {}

  /** The current stamp (findings runs per analyzer plus table counts), as one comparable string. */
  async stamp(): Promise<string> {
    const [runs, counts] = await Promise.all([this.ctx.store.query(apiSql('findings-runs')), this.ctx.store.query(apiSql('change-stamp'))]);
    return JSON.stringify([runs, counts], (_k, v) => (typeof v === 'bigint' ? String(v) : v));
  }

  /** Compares with the last stamp; on a change clears the cache and returns true. The first call only records. */
  check(): Promise<boolean> {
    this.running ??= this.stamp().then((now) => {
      const changed = this.last !== null && now !== this.last;
      this.last = now;
      if (changed) { this.ctx.cache.clear(); this.onChange(); }
      return changed;
    }).finally(() => { this.running = null; });
    return this.running;
  }

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    void this.check().catch(() => {});
    this.timer = setInterval(() => { void this.check().catch(() => {}); }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
