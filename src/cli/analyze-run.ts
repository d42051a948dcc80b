// Runs analyzers in dependency order; each run replaces that analyzer's findings (idempotent).
import { randomUUID } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import type { Finding } from '../core/types.ts';
import type { Analyzer } from '../analyzers/contract.ts';
import { ANALYZERS } from '../analyzers/registry.ts';
import type { Case } from './case.ts';

export interface AnalyzerRun { id: string; findings: number; seconds: number; error?: string }

export function orderAnalyzers(all: Analyzer<any>[], only?: string[]): Analyzer<any>[] {
  const byId = new Map(all.map((a) => [a.id, a]));
  for (const id of only ?? []) if (!byId.has(id)) throw new InputError(`unknown analyzer '${id}' (known: ${[...byId.keys()].join(', ')})`);
  const out: Analyzer<any>[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (a: Analyzer<any>, path: string[]) => {
    if (state.get(a.id) === 'done') return;
    if (state.get(a.id) === 'visiting') throw new Error(`analyzer dependency cycle: ${[...path, a.id].join(' → ')}`);
    state.set(a.id, 'visiting');
    for (const dep of a.needs.analyzers) {
      const d = byId.get(dep);
      if (d) visit(d, [...path, a.id]);
    }
    state.set(a.id, 'done');
    out.push(a);
  };
  for (const a of all) visit(a, []);
  return only?.length ? out.filter((a) => only.includes(a.id)) : out;
}

export async function runAnalyzers(kase: Case, opts: { only?: string[]; log?: (m: string) => void } = {}): Promise<AnalyzerRun[]> {
  const log = opts.log ?? (() => {});
  const runId = randomUUID();
  const results: AnalyzerRun[] = [];
  for (const a of orderAnalyzers(ANALYZERS, opts.only)) {
    const started = performance.now();
    const parsed = a.params.safeParse(kase.config.analyzers[a.id] ?? {});
    if (!parsed.success) {
      throw new InputError(`case.json analyzers.${a.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const findings: Finding[] = [];
    for await (const f of a.run({
      store: kase.store, params: parsed.data, caseDir: kase.dir,
      findingsOf: (id) => kase.store.findings({ analyzer: id }),
      log: (m) => log(`[${a.id}] ${m}`),
    })) findings.push(f);
    await kase.store.replaceFindings(a.id, findings, runId);
    const seconds = (performance.now() - started) / 1000;
    kase.audit.record('cli', 'analyze', a.id, { version: a.version, findings: findings.length, run_id: runId });
    results.push({ id: a.id, findings: findings.length, seconds });
    log(`${a.id}: ${findings.length} findings in ${seconds.toFixed(2)} s`);
  }
  return results;
}
