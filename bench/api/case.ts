// A large benchmark case: the API test fixture (users, findings, intel) plus $rows synthetic flows from 200
// victim orgs and 50 flagged endpoints, generated in DuckDB SQL (fast; no files).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openCase } from '../../src/cli/case.ts';
import { findingId } from '../../src/core/ids.ts';
import { v4ToText } from '../../src/core/ip.ts';
import type { Finding } from '../../src/core/types.ts';
import { sqlFile } from '../../src/store/sql-file.ts';
import { buildCase, T0 } from '../../test/fixtures/build-case.ts';

const ORGS = 200;

export async function benchCase(dir: string, rows: number): Promise<{ tokens: Record<string, string> }> {
  const tokensFile = join(dir, 'bench-tokens.json');
  if (existsSync(tokensFile)) return { tokens: JSON.parse((await import('node:fs')).readFileSync(tokensFile, 'utf8')) };
  const fx = await buildCase(dir, { flowsPerOrg: 10 });
  const { store } = fx.kase;
  await store.append('orgs', Array.from({ length: ORGS }, (_, i) => ({ evidence_id: fx.evidenceId, id: `org-${i}`, name: `Victim ${i}`, sector: 'government',
    country: 'EU', contacts: '[]', networks: JSON.stringify([`10.${i % 256}.0.0/16`]), sensors: '[]' })));
  const started = Date.now();
  await store.exec(sqlFile(import.meta.url, 'flows'), { n: rows, orgs: ORGS, t0: T0 });
  process.stderr.write(`generated ${rows.toLocaleString('en')} flows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const findings: Finding[] = Array.from({ length: 50 }, (_, i) => {
    const ip = v4ToText(3405803786 + i);
    return { id: findingId('shared-infra', 'endpoint', ip), analyzer: 'shared-infra', kind: 'endpoint', subject: ip, score: 0.95 - i * 0.01, confidence: 0.9,
      first_seen: T0, last_seen: T0 + 259200, tlp: i % 2 ? 'amber' : 'green', details: { orgs: ORGS - i, components: { orgs: 1 - i / 50 } }, evidence_ids: [] };
  });
  await store.replaceFindings('shared-infra', findings, 'bench');
  await fx.kase.close();
  (await import('node:fs')).writeFileSync(tokensFile, JSON.stringify(fx.tokens));
  return { tokens: fx.tokens };
}
