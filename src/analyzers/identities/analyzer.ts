// `identities`: provider accounts → people. Fellegi–Sunter record linkage over the accounts table
// (see linkage/), clusters with their explanations written to `identities` and as findings.
import { z } from 'zod';
import { keyToIp } from '../../core/ip.ts';
import { sha256Hex } from '../../core/ids.ts';
import { sqlFile } from '../../store/sql-file.ts';
import type { Analyzer } from '../contract.ts';
import { makeFinding } from '../finding.ts';
import { resolve } from './linkage/engine.ts';
import type { FieldSpec, InputRecord } from './linkage/prepared.ts';

const Params = z.object({
  threshold: z.number().min(0.5).max(0.9999).default(0.9),
  cohesion: z.number().min(0).max(1).default(0.5),
});
type P = z.infer<typeof Params>;

export const ACCOUNT_FIELDS: FieldSpec[] = [
  { column: 'name_norm', kind: 'name', name: 'name' },
  { column: 'email_norm', kind: 'email', name: 'email' },
  { column: 'phone', kind: 'phone' },
  { column: 'address', kind: 'address' },
  { column: 'postcode', kind: 'postcode' },
  { column: 'birth_date', kind: 'date' },
  { column: 'payment_fp', kind: 'exact', name: 'payment' },
  { column: 'signup_ip', kind: 'ip' },
];

interface AccountRow { provider: string; account_id: string; signup_ip: unknown; evidence_id: string; [k: string]: unknown }

export function accountRecords(rows: AccountRow[]): { records: InputRecord[]; evidence: Map<string, string> } {
  const evidence = new Map<string, string>();
  const records = rows.map((r) => {
    const id = `${r.provider}:${r.account_id}`;
    evidence.set(id, r.evidence_id);
    const ip = typeof r.signup_ip === 'number' || typeof r.signup_ip === 'bigint' ? keyToIp(Number(r.signup_ip)) : r.signup_ip;
    const values = Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f.column, (f.column === 'signup_ip' ? ip : r[f.column]) as string | null]));
    return { id, values };
  });
  return { records, evidence };
}

export const identitiesAnalyzer: Analyzer<P> = {
  id: 'identities',
  version: '1.0.0',
  description: 'provider accounts resolved to people across false names (Fellegi–Sunter, EM, cohesion-checked clusters)',
  needs: { tables: ['accounts'], analyzers: [] },
  params: Params as unknown as z.ZodType<P>,
  async *run(ctx) {
    const rows = await ctx.store.query<AccountRow>(sqlFile(import.meta.url, 'accounts'));
    await ctx.store.mutate('identities', sqlFile(import.meta.url, 'clear'));
    if (rows.length < 2) return;
    const { records, evidence } = accountRecords(rows);
    const result = resolve(records, { fields: ACCOUNT_FIELDS, threshold: ctx.params.threshold, cohesion: ctx.params.cohesion, uSamples: 50_000 });
    ctx.log(`${records.length} accounts, ${result.pairsCompared} pairs compared, ${result.clusters.length} clusters`);
    const identityRows = [];
    for (const c of result.clusters) {
      const clusterId = `identity-${sha256Hex(c.ids.join('\n')).slice(0, 16)}`;
      identityRows.push({ cluster_id: clusterId, account_ids: c.ids, confidence: c.score, explanation: { fields: c.explanation, refused: c.refused } });
      yield makeFinding({
        analyzer: 'identities', kind: 'identity-cluster', subject: clusterId, score: c.score, first_seen: null, last_seen: null,
        details: {
          accounts: c.ids, providers: [...new Set(c.ids.map((id) => id.split(':')[0]))], explanation: c.explanation, refused_bridges: c.refused,
          note: 'shared traits are evidence, not proof: honest customers can share some of them',
        },
        evidence_ids: [...new Set(c.ids.map((id) => evidence.get(id)!).filter(Boolean))],
      });
    }
    if (identityRows.length) await ctx.store.append('identities', identityRows);
  },
};
