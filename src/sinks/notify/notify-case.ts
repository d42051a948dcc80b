// `hoptrace notify` (and the demo's notify step): a package per victim org with a victim-impact finding.
import { basename, join } from 'node:path';
import type { Tlp } from '../../core/types.ts';
import type { Store } from '../../store/store.ts';
import { exportModelFromStore } from '../export/model-from-store.ts';
import { writePackage, type PackageResult } from './package.ts';

export interface NotifyOptions { caseDir: string; outDir?: string; org?: string; maxTlp?: Tlp; producer?: string; contact?: string; actor?: string; now?: number }

export async function notifyCase(store: Store, o: NotifyOptions): Promise<PackageResult[]> {
  const model = await exportModelFromStore(store, { caseName: basename(o.caseDir), producer: o.producer });
  const impacts = (await store.findings({ analyzer: 'impact', kind: 'victim-impact' }))
    .filter((f) => !o.org || String(f.details.org ?? f.subject) === o.org)
    .sort((a, b) => String(a.subject).localeCompare(String(b.subject)));
  if (o.org && impacts.length === 0) throw new Error(`org '${o.org}' has no victim-impact finding (run 'hoptrace analyze' first, or check the org id)`);
  const out: PackageResult[] = [];
  for (const f of impacts) {
    out.push(await writePackage(store, model, f, {
      outDir: o.outDir ?? join(o.caseDir, 'notifications'), maxTlp: o.maxTlp ?? 'amber', contact: o.contact ?? 'the case team',
      actor: o.actor ?? 'cli', now: o.now ?? Date.now() / 1000,
    }));
  }
  return out;
}
