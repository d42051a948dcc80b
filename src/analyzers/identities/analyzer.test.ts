import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/types.ts';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.ts';
import type { Store } from '../../store/store.ts';
import { identitiesAnalyzer } from './analyzer.ts';
import { generatePeople } from './linkage/synthetic.ts';

let store: Store;

function account(provider: string, id: string, v: Record<string, string | null | undefined>) {
  return { evidence_id: `ev-${provider}`, provider, account_id: id, name: v.name ?? 'x', name_norm: v.name, email: v.email, email_norm: v.email,
    phone: v.phone ?? null, address: v.address ?? null, postcode: v.postcode ?? null, birth_date: v.dob ?? null,
    payment_fp: v.pay ?? null, signup_ip: v.ip ?? null, signup_ts: null, login_ips: [], notes: null };
}

beforeAll(async () => {
  store = await DuckDbStore.open({ path: join(mkdtempSync(join(tmpdir(), 'hoptrace-ident-')), 'case.duckdb') });
  await store.migrate();
  const honest = generatePeople(300, 21, 0.15).records.map((r, i) => account(['sakura', 'vultr', 'ovh'][i % 3], `h${i}`, {
    name: `${r.values.given} ${r.values.surname}`, email: r.values.email || null, phone: r.values.phone || null,
    address: r.values.address, postcode: r.values.postcode || null, dob: r.values.dob, pay: `fp-${r.id.split('-')[0]}`, ip: `100.64.${i % 250}.${i % 7}`,
  }));
  // one operator behind four false identities: each shares some strong traits with another, never all
  const op = [
    account('sakura', 'x1', { name: 'kenji watanabe', email: 'kw.ops@proton.me', phone: '090-7777-1111', pay: 'fp-op-1', ip: '45.32.7.7' }),
    account('vultr', 'x2', { name: 'ken watanabi', email: 'kw.ops@yandex.ru', phone: '090-7777-1111', pay: 'fp-op-2', ip: '45.32.7.9' }),
    account('ovh', 'x3', { name: 'igor petrov', email: 'ipetrov.ops@proton.me', phone: '090-7777-1111', pay: 'fp-op-2', ip: '45.32.7.7' }),
    account('ovh', 'x4', { name: 'john smith', email: 'kw.ops@proton.me', phone: null, pay: 'fp-op-2', ip: '45.32.7.7' }),
  ];
  // decoys: honest customers with names like the operator's, nothing else in common
  const decoys = [
    account('sakura', 'd1', { name: 'kenji watanabe', email: 'kenji.w@gmail.com', phone: '03-1234-9999', pay: 'fp-d1', ip: '60.1.2.3', dob: '1975-04-01' }),
    account('vultr', 'd2', { name: 'john smith', email: 'jsmith1960@yahoo.com', phone: '03-5555-0000', pay: 'fp-d2', ip: '61.1.2.3', dob: '1960-02-02' }),
  ];
  await store.append('accounts', [...honest, ...op, ...decoys]);
});
afterAll(async () => store.close());

describe('identities analyzer', () => {
  it('joins the false identities, leaves the decoys out, explains the cluster and fills `identities`', async () => {
    const found: Finding[] = [];
    const ctx = { store, caseDir: '', params: identitiesAnalyzer.params.parse({}), log: () => {}, findingsOf: async () => [] };
    for await (const f of identitiesAnalyzer.run(ctx)) found.push(f);
    const op = found.find((f) => (f.details.accounts as string[]).includes('sakura:x1'))!;
    expect(op.details.accounts).toEqual(['ovh:x3', 'ovh:x4', 'sakura:x1', 'vultr:x2']);
    for (const f of found) {
      expect(f.details.accounts).not.toContain('sakura:d1');
      expect(f.details.accounts).not.toContain('vultr:d2');
    }
    const top = (op.details.explanation as { field: string; weight: number }[])[0];
    expect(['phone', 'payment', 'email', 'signup_ip']).toContain(top.field);
    expect(top.weight).toBeGreaterThan(0);
    const rows = await store.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM identities');
    expect(rows[0].n).toBe(found.length);
  });
});
